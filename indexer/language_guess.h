// guess_language: the language of a text without metadata, for lang:
// filters and facets.
//
// Two cheap signals over the first few kilobytes: the writing system
// (Han with kana is Japanese, Han alone Chinese, Hangul Korean, Greek,
// Arabic, Hebrew, Thai, Devanagari), and within Latin and Cyrillic scripts
// the most frequent function words of each language ("the", "und", "les",
// "что", "і"). Only a clear winner is returned: a text with too few words,
// or one where two languages score alike, gets "" (unknown) rather than a
// wrong label. Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace trawl::indexer {

// An ISO 639-1 code ("en", "fr", "ja", ...) or "" if unsure.
std::string guess_language(std::string_view text);

}  // namespace trawl::indexer
