// ByteSource: a file read in pieces, with seeking, for inputs that may be
// far larger than the memory an indexing run may use (an archive: its
// members are read one at a time, never the whole file). FileSystem::open
// gives one for a file; MemorySource reads bytes already in memory.
//
// A source is used by one thread at a time. Movable only through its owner
// (std::unique_ptr).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "status.h"

namespace trawl::indexer {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `size` bytes at the current position into `buffer` and
  // moves past them; *got receives how many (0 at the end). Fails with the
  // system's message on a read error.
  virtual Status read(char* buffer, size_t size, size_t* got) = 0;
  // Moves the position to `offset` bytes from the start.
  // REQUIRES: offset <= size().
  virtual Status seek(uint64_t offset) = 0;
  // The length in bytes when opened.
  virtual uint64_t size() const = 0;
};

// Reads `bytes`, which must outlive it, at most `max_piece` bytes per read
// (tests use small pieces to check that readers join them correctly).
class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes, size_t max_piece = SIZE_MAX)
      : bytes_(bytes), max_piece_(max_piece) {}
  Status read(char* buffer, size_t size, size_t* got) override;
  Status seek(uint64_t offset) override;
  uint64_t size() const override { return bytes_.size(); }

 private:
  std::string_view bytes_;
  size_t max_piece_;
  size_t position_ = 0;
};

// Reads `source` to its end in chunks of about `window` bytes, each cut
// just after a '\n' that starts `separator` ("\n" for lines, "\nFrom " for
// mbox messages), so that no record is split: a record longer than the
// window makes its chunk longer. Calls take(chunk, last) for each (`last`:
// the chunk ends at the end of the source, not at a separator); stops early
// if take returns false. A record that reaches `max_record` bytes is never
// held whole: it is read past, and too_long(its length) is called in its
// place. With `paragraphs`, a chunk ends after the last blank line in its
// last quarter when there is one ("\n\n" or "\n\r\n": a paragraph of
// prose stays whole). Fails if a read fails.
using WindowFn = std::function<bool(std::string_view chunk, bool last)>;
using TooLongFn = std::function<void(uint64_t bytes)>;
Status for_each_window(ByteSource& source, size_t window, std::string_view separator,
                       const WindowFn& take, size_t max_record = SIZE_MAX,
                       const TooLongFn& too_long = nullptr, bool paragraphs = false);

// What a record dropped by for_each_window is reported as: "70000000
// bytes, over --max-filesize (67108864), not read".
std::string over_limit(uint64_t bytes, uint64_t limit);

// Reads what is left of `source` into *bytes.
Status read_all(ByteSource& source, std::string* bytes);

// True if `source` starts with a UTF-16 or UTF-32 byte order mark (whose
// text cannot be cut at a '\n' byte); the source is back at its start.
bool starts_wide(ByteSource& source);

}  // namespace trawl::indexer
