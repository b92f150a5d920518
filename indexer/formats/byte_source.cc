#include "byte_source.h"

#include <algorithm>
#include <cstring>

namespace trawl::indexer {
bool starts_wide(ByteSource& source) {
  char head[4] = {};
  size_t have = 0;
  for (size_t got = 1; got > 0 && have < sizeof head; have += got) {
    if (!source.read(head + have, sizeof head - have, &got).ok()) break;
  }
  source.seek(0);
  const std::string_view bom(head, have);
  return bom.substr(0, 2) == "\xFF\xFE" || bom.substr(0, 2) == "\xFE\xFF" ||
         bom == std::string_view("\0\0\xFE\xFF", 4);
}

namespace {

// Bytes asked of a source at a time.
constexpr size_t kReadPiece = 64 << 10;

}  // namespace

Status MemorySource::read(char* buffer, size_t size, size_t* got) {
  *got = std::min({size, max_piece_, bytes_.size() - position_});
  std::memcpy(buffer, bytes_.data() + position_, *got);
  position_ += *got;
  return Status::Ok();
}

Status MemorySource::seek(uint64_t offset) {
  if (offset > bytes_.size()) return Status::Failed("seek beyond the end");
  position_ = static_cast<size_t>(offset);
  return Status::Ok();
}

std::string over_limit(uint64_t bytes, uint64_t limit) {
  return std::to_string(bytes) + " bytes, over --max-filesize (" + std::to_string(limit) +
         "), not read";
}

Status read_all(ByteSource& source, std::string* bytes) {
  for (;;) {
    const size_t old = bytes->size();
    bytes->resize(old + kReadPiece);
    size_t got = 0;
    Status s = source.read(bytes->data() + old, kReadPiece, &got);
    bytes->resize(old + got);
    if (!s.ok()) return s;
    if (got == 0) return Status::Ok();
  }
}

namespace {

// Appends up to `want` bytes of `source` to *buffer, a piece at a time;
// sets *end when the source is exhausted.
Status fill(ByteSource& source, size_t want, std::string* buffer, bool* end) {
  while (!*end && buffer->size() < want) {
    const size_t old = buffer->size();
    const size_t room = std::min(want - old, kReadPiece);  // small files stay small
    buffer->resize(old + room);
    size_t got = 0;
    Status s = source.read(buffer->data() + old, room, &got);
    buffer->resize(old + got);
    if (!s.ok()) return s;
    *end = got == 0;
  }
  return Status::Ok();
}

// Drops the record at the start of *buffer, which holds no separator: reads
// on to the '\n' that starts the next one (or to the end), keeping only
// what follows it. *dropped receives the record's length.
Status drop_record(ByteSource& source, std::string_view separator, std::string* buffer, bool* end,
                   uint64_t* dropped) {
  *dropped = 0;
  for (;;) {
    if (const size_t at = buffer->find(separator); at != std::string::npos) {
      *dropped += at + 1;
      buffer->erase(0, at + 1);
      return Status::Ok();
    }
    // Keep what could be the start of a separator cut by the read.
    const size_t keep = *end ? 0 : std::min(buffer->size(), separator.size() - 1);
    *dropped += buffer->size() - keep;
    buffer->erase(0, buffer->size() - keep);
    if (*end) return Status::Ok();
    if (Status s = fill(source, keep + kReadPiece, buffer, end); !s.ok()) return s;
  }
}

// Where the last blank line of `text` ends, if that is in its last quarter;
// else `otherwise`.
size_t after_blank_line(std::string_view text, size_t otherwise) {
  const size_t lf = text.rfind("\n\n"), crlf = text.rfind("\n\r\n");
  size_t end = 0;
  if (lf != std::string_view::npos) end = lf + 2;
  if (crlf != std::string_view::npos) end = std::max(end, crlf + 3);
  return end > 0 && end >= text.size() - text.size() / 4 ? end : otherwise;
}

// Gives `chunk` (whole records) to take, except records longer than
// max_record (with their separator's '\n'), which go to too_long. Returns
// false if take asks to stop.
bool take_records(std::string_view chunk, bool last, std::string_view separator, size_t max_record,
                  const WindowFn& take, const TooLongFn& too_long) {
  if (chunk.size() <= max_record) return take(chunk, last);
  size_t kept = 0;  // start of the records not yet given
  for (size_t start = 0; start < chunk.size();) {
    const size_t next = chunk.find(separator, start);
    const size_t stop = next == std::string_view::npos ? chunk.size() : next + 1;
    if (stop - start > max_record) {
      if (start > kept && !take(chunk.substr(kept, start - kept), false)) return false;
      if (too_long) too_long(stop - start);
      kept = stop;
    }
    start = stop;
  }
  return kept == chunk.size() || take(chunk.substr(kept), last);
}

}  // namespace

Status for_each_window(ByteSource& source, size_t window, std::string_view separator,
                       const WindowFn& take, size_t max_record, const TooLongFn& too_long,
                       bool paragraphs) {
  std::string buffer;
  size_t want = window;  // bytes to hold before cutting
  bool end = false;
  for (;;) {
    if (Status s = fill(source, want, &buffer, &end); !s.ok()) return s;
    if (buffer.empty()) return Status::Ok();
    size_t cut = buffer.size();  // at the end: all that is left
    if (!end) {
      const size_t at = buffer.rfind(separator);
      if (at == std::string::npos && buffer.size() >= max_record) {  // one record, too long
        uint64_t dropped = 0;
        if (Status s = drop_record(source, separator, &buffer, &end, &dropped); !s.ok()) return s;
        if (too_long) too_long(dropped);
        want = window;
        continue;
      }
      if (at == std::string::npos) {  // a record longer than the buffer: read on
        want = std::min(2 * buffer.size(), max_record);
        continue;
      }
      cut = at + 1;
      if (paragraphs) cut = after_blank_line(std::string_view(buffer).substr(0, cut), cut);
    }
    const std::string_view chunk = std::string_view(buffer).substr(0, cut);
    if (!take_records(chunk, end, separator, max_record, take, too_long)) return Status::Ok();
    buffer.erase(0, cut);
    want = window;
  }
}

}  // namespace trawl::indexer
