// Encodings: file bytes -> valid UTF-8.
//
// Order of decisions: a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE)
// always wins; then an encoding forced with --encoding; then one declared by
// the document (an HTML meta charset); then UTF-8 if the bytes are valid
// UTF-8; then ICU's charset detector (legacy single-byte Latin and Cyrillic
// encodings, Shift_JIS, EUC-JP, GB18030, Big5, EUC-KR, ...); if nothing is
// confident, windows-1252, which maps every byte. ISO-8859-1 is read as its
// superset windows-1252 (as browsers do). Bytes that do not decode become
// U+FFFD. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "status.h"

namespace trawl::indexer {

struct Decoded {
  std::string text;      // valid UTF-8, without the byte order mark
  std::string encoding;  // canonical name of the source encoding
};

// Decodes `bytes`. `forced` and `hint` are encoding names or "". Fails only
// for an unknown forced encoding.
Status to_utf8(std::string_view bytes, std::string_view forced, std::string_view hint,
               Decoded* out);

// True if `name` is an encoding ICU can convert from.
bool encoding_known(std::string_view name);

// True for data that is not text: in the first 8 KiB, more than 1% NUL
// bytes (unless a UTF-16/32 byte order mark explains them), NULs with more
// than 2% control characters, or more than 10% control characters. A few
// stray NULs in text do not make a file binary.
bool looks_binary(std::string_view bytes);

}  // namespace trawl::indexer
