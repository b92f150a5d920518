// Archives (ZIP, tar with or without compression, 7z, cpio, ISO images):
// each member trawl can read becomes a document of its own, keyed by the
// archive's path and the member's name ("docs.zip#notes/plan.md"), with the
// member's own format. Members holding several documents (JSON Lines, mbox)
// give one per record ("mail.zip#box.mbox#2"), and archives inside archives
// are opened too, down to kMaxNesting levels ("backup.zip#old.tar.gz#a.txt").
// Binary members are passed over. Each member expands to at most
// --max-filesize, and all members at every level together to twice that.
#include <string>
#include <vector>

#include "archive_reader.h"
#include "file_types.h"
#include "format.h"

namespace trawl::indexer {
namespace {

// Levels of archives opened: the file's own, and two inside it.
constexpr int kMaxNesting = 3;

// One archive file and the archives inside it.
struct Walk {
  const ExtractOptions& options;
  Extraction* out;
  ArchiveLimits limits;  // shared by every level (limits.spent)
  size_t count = 0;      // documents found
};

// Reads the archive in `input` (bytes, or a ByteSource& read in pieces),
// whose members are named `prefix` + their name.
template <typename Input>
Status read_level(Input&& input, const std::string& prefix, int depth, Walk* walk);

// Adds the documents of member `name` ("inner.zip#notes.txt" below the
// top level) to the walk's output.
void add_member(const std::string& name, std::string_view data, int depth, Walk* walk) {
  Extraction* out = walk->out;
  if (format_of_path(name) == "archive") {
    if (depth + 1 >= kMaxNesting) return;  // passed over, as binary members
    if (Status s = read_level(data, name + "#", depth + 1, walk); !s.ok()) {
      out->problems.push_back(name + ": " + s.message());
    }
    return;
  }
  FileExtraction member;
  ExtractOptions inner = walk->options;
  inner.stream = nullptr;  // a member's own records come back whole
  if (Status s = extract_named(name, data, inner, &member); !s.ok()) {
    out->problems.push_back(name + ": " + s.message());
    return;
  }
  for (const std::string& p : member.extraction.problems) out->problems.push_back(name + ": " + p);
  if (!member.skip_reason.empty()) return;
  for (ExtractedDoc& doc : member.extraction.docs) {
    doc.id = doc.id.empty() ? name : name + "#" + doc.id;
    doc.key_suffix = "#" + name + doc.key_suffix;
    doc.format = member.format;
    ++walk->count;
    emit_doc(std::move(doc), walk->options, out);
  }
}

template <typename Input>
Status read_level(Input&& input, const std::string& prefix, int depth, Walk* walk) {
  std::vector<std::string> problems;
  Status s = for_each_member(
      input, walk->limits, nullptr,
      [&](const std::string& name, std::string&& data) {
        add_member(prefix + name, data, depth, walk);
        return true;
      },
      &problems);
  for (std::string& p : problems) walk->out->problems.push_back(prefix + p);
  return s;
}

template <typename Input>
Status extract_levels(Input&& input, const ExtractOptions& options, Extraction* out) {
  uint64_t spent = 0;
  Walk walk{options, out, ArchiveLimits{options.max_expanded, 2 * options.max_expanded}};
  walk.limits.spent = &spent;
  out->encoding = "UTF-8";
  if (Status s = read_level(input, "", 0, &walk); !s.ok()) return s;
  if (walk.count == 0 && out->problems.empty()) out->skip_reason = "no member trawl reads";
  return Status::Ok();
}

}  // namespace

Status extract_archive(std::string_view bytes, const ExtractOptions& options, Extraction* out) {
  return extract_levels(bytes, options, out);
}

Status extract_archive(ByteSource& source, const ExtractOptions& options, Extraction* out) {
  return extract_levels(source, options, out);
}

}  // namespace trawl::indexer
