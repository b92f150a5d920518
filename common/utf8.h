// Small UTF-8 helpers used on every text path: decoding one code point,
// validation, repair (invalid bytes become U+FFFD) and truncation on a code
// point boundary. All functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace trawl::utf8 {

// Decodes the code point starting at byte `i` of `s` into *cp and returns its
// length in bytes (1-4). Returns 0 if the bytes at `i` are not valid UTF-8
// (overlong forms, surrogates and values above U+10FFFF are invalid).
// REQUIRES: i < s.size().
size_t decode(std::string_view s, size_t i, char32_t* cp);

// Appends the UTF-8 encoding of `cp` to *out.
void append(std::string* out, char32_t cp);

bool is_valid(std::string_view s);

// Returns `s` with every invalid byte sequence replaced by U+FFFD.
std::string repair(std::string_view s);

// Returns the longest prefix of `s` of at most `max_bytes` bytes that does not
// end inside a code point.
std::string_view truncate(std::string_view s, size_t max_bytes);

// Number of code points in valid UTF-8 `s` (invalid bytes count as one each).
size_t length(std::string_view s);

// True for a byte that starts a code point (not a continuation byte).
inline bool is_lead(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// ASCII white space: space, tab, line feed, carriage return, form feed,
// vertical tab.
inline bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace trawl::utf8
