// Text parts: a document whose text is longer than a part (a 50 MB log, a
// book-length PDF) is indexed as several documents of consecutive text, so
// that all of it is searchable and one document never holds more memory
// than --memory allows while it is built (Xapian keeps a document's
// postings in memory: about 20 bytes per byte of text, measured).
//
//   big.log (49 MB) -> big.log#p1  lines 1-23,911       (part 1)
//                      big.log#p2  lines 23,912-47,650  (part 2) ...
//
// A part ends after a blank line when one is near the limit (a paragraph
// stays whole), else after a line end, else at a character boundary. Each
// part knows the line of the whole text it starts on, so that snippets,
// --vimgrep and --json show the file's own line numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace trawl::indexer {

// A part holds at most --memory / 128 of text (2 MiB by default): a
// document costs about 20 bytes per byte of text while it is built and
// written (measured, one text file: 4 MB 115 MB peak, 8 MB 191 MB, 16 MB
// 372 MB), so a part holds ~40 MB.
inline constexpr size_t kTextPartDivisor = 128;
inline size_t text_part_limit(uint64_t memory) {
  return memory / kTextPartDivisor > 0 ? static_cast<size_t>(memory / kTextPartDivisor) : 1;
}

// The bytes of `text` that the first part takes: all of it if it is no
// longer than `limit`; else at most `limit`, ending after the last blank
// line in the last quarter of the limit, else after the last '\n' in its
// second half, else at the last UTF-8 character start at or before
// `limit`. Never 0 for a non-empty text. REQUIRES: limit > 0.
size_t part_end(std::string_view text, size_t limit);

struct TextPart {
  std::string_view text;
  uint32_t number = 1;      // from 1
  uint32_t first_line = 1;  // the line of the whole text it starts on, from 1
};

// Cuts `text` into parts with part_end and calls take(part) for each, in
// order, numbered and lined from `start` (its text unused; a text read in
// windows goes on from the last window's). take returns how many bytes of
// the part it used (1 to all of them: a document that stopped taking
// words); the next part starts there. Returns the number and first line a
// part after `text` would have.
TextPart for_each_part(std::string_view text, size_t limit,
                       const std::function<size_t(const TextPart&)>& take, TextPart start = {});

// The key suffix of part `number` of a document whose own suffix is
// `doc_suffix` ("" for a file, "#<id>" for a record): doc_suffix + "#p" + number.
std::string part_suffix(std::string_view doc_suffix, uint32_t number);

}  // namespace trawl::indexer
