#include "byte_source.h"

#include <algorithm>
#include <cstring>

namespace trawl::indexer {
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

Status for_each_window(ByteSource& source, size_t window, std::string_view separator,
                       const WindowFn& take) {
  std::string buffer;
  size_t want = window;  // bytes to hold before cutting
  bool end = false;
  for (;;) {
    while (!end && buffer.size() < want) {
      const size_t old = buffer.size();
      const size_t room = std::min(want - old, kReadPiece);  // small files stay small
      buffer.resize(old + room);
      size_t got = 0;
      Status s = source.read(buffer.data() + old, room, &got);
      buffer.resize(old + got);
      if (!s.ok()) return s;
      end = got == 0;
    }
    if (buffer.empty()) return Status::Ok();
    size_t cut = buffer.size();  // at the end: all that is left
    if (!end) {
      const size_t at = buffer.rfind(separator);
      if (at == std::string::npos) {  // a record longer than the buffer: read on
        want = 2 * buffer.size();
        continue;
      }
      cut = at + 1;
    }
    if (!take(std::string_view(buffer).substr(0, cut), end)) return Status::Ok();
    buffer.erase(0, cut);
    want = window;
  }
}

}  // namespace trawl::indexer
