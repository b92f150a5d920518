#include "growth.h"

#include <memory>

#include "content_hash.h"
#include "extract_file.h"

namespace trawl::indexer {
namespace {

// Bytes of a file's start read to tell an mbox without extension.
constexpr size_t kHeadBytes = 1024;

// True for text with a UTF-16 or UTF-32 byte order mark, whose records are
// not cut at '\n' bytes (such JSON Lines files are read whole).
bool wide(std::string_view head) {
  return head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF" ||
         head.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4);
}

}  // namespace

Status scan_prefix(ByteSource& source, uint64_t size, std::string_view separator, PrefixScan* out) {
  *out = PrefixScan();
  std::string carry;  // the last separator.size() - 1 bytes seen
  uint64_t seen = 0;
  const auto see = [&](std::string_view piece) {
    std::string joined = carry;
    joined.append(piece);
    // Count the matches that end in this piece (those in `carry` alone were
    // counted before).
    for (size_t at = joined.find(separator); at != std::string::npos;
         at = joined.find(separator, at + 1)) {
      if (at + separator.size() > carry.size()) ++out->separators;
    }
    const size_t keep = std::min(joined.size(), separator.size() - 1);
    carry = joined.substr(joined.size() - keep);
    out->last = joined.substr(joined.size() - 1);
    seen += piece.size();
  };
  if (Status s = content_hash(source, size, &out->hash, see); !s.ok()) return s;
  if (seen < size) return Status::Failed("shorter than before");
  char next[6];
  size_t got = 0;
  for (size_t n = 1; got < sizeof next && n > 0; got += n) {
    if (Status s = source.read(next + got, sizeof next - got, &n); !s.ok()) return s;
  }
  out->next.assign(next, got);
  return Status::Ok();
}

bool grown_only(const IndexOptions& options, const FileSystem& fs, const FileRef& f,
                uint64_t old_size, const std::string& old_hash, Growth* growth,
                size_t old_documents) {
  if (f.size <= old_size || old_size == 0 || old_hash.empty()) return false;
  std::string head;
  if (!fs.read_head(f.path, kHeadBytes, &head).ok() || wide(head)) return false;
  const std::string_view format = pieces_format(options, f.path, head, f.size);
  // A text is appended to only if its old documents were parts too.
  const bool text = format == "text" && old_documents > 0 &&
                    pieces_format(options, f.path, head, old_size) == "text";
  if (format != "jsonl" && format != "mbox" && !text) return false;
  const bool mbox = format == "mbox";
  std::unique_ptr<ByteSource> source;
  if (!fs.open(f.path, &source).ok()) return false;
  PrefixScan scan;
  if (!scan_prefix(*source, old_size, mbox ? "\nFrom " : "\n", &scan).ok()) return false;
  if (scan.hash != old_hash || scan.last != "\n") return false;
  // New mail starts right after the old (whose last message ended with the
  // blank line mail programs write), or after a blank line of its own (the
  // old last message had none).
  uint64_t skip = 0;
  if (mbox && scan.next.rfind("\nFrom ", 0) == 0) {
    skip = 1;
  } else if (mbox && scan.next.rfind("From ", 0) != 0) {
    return false;
  }
  growth->from = old_size + skip;
  // Messages: the first starts the file; each "\nFrom " starts another.
  growth->records = mbox ? scan.separators + 1 : scan.separators;
  growth->parts = text ? old_documents : 0;
  return true;
}

}  // namespace trawl::indexer
