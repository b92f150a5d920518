// CJK bigram backup terms: substring matching for Chinese, Japanese and
// Korean, whatever ICU's dictionaries make of the words.
//
// ICU segments by context: "外国人参政権" is 外国 人参 政権 in a document but
// "参政権" alone is 参 政権, and "东京都" is 东 京都 while "东京" stays one
// word, so the query's words are not the document's. Each run of CJK words
// (touching tokens of CJK characters only) also gives one term per pair of
// adjacent characters, "XC" + the pair (schema::kBigramPrefix):
//
//   外国人参政権  ->  外国@0 人参@1 政権@2                     (words)
//                    XC外国@0 XC国人@0 XC人参@1 XC参政@1 XC政権@2 (bigrams)
//
// A bigram sits at the position of the word that holds its first character,
// so snippets and passages find it like a word. The searcher ORs each CJK
// query word (or phrase of CJK words) with the AND of its bigrams
// (searcher/cjk_query.h): the word still matches as before, and the
// bigrams match it inside other words. Single characters give no bigram.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzer.h"

namespace trawl {

// True for a character of a script written without spaces between words
// that trawl indexes by bigrams: Han ideographs, Hiragana, Katakana, Hangul.
bool is_cjk_char(char32_t c);

// True if `term` is non-empty valid UTF-8 made only of CJK characters.
bool is_cjk_word(std::string_view term);

// True if `term` is a bigram term ("XC" + pair).
bool is_bigram_term(std::string_view term);

// The bigram terms ("XC" + pair) of `run`, a CJK word or several words
// concatenated, in order; none for fewer than two characters.
std::vector<std::string> cjk_bigrams(std::string_view run);

// Appends to *out a bigram token for each pair of adjacent characters in
// each run of touching CJK tokens of `tokens` (Analyzer::analyze's output,
// aliases ignored). A token's pos is that of the word holding the pair's
// first character; begin/end span the word(s) holding the pair.
// REQUIRES: out != &tokens.
void add_bigram_tokens(const std::vector<Token>& tokens, std::vector<Token>* out);

}  // namespace trawl
