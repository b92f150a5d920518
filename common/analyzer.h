// Analyzer: text -> terms, the one analysis path for documents, queries and
// snippets.
//
//   "Russia's co-ordinated MONTRÉAL 1,400"  ->
//     russia@0 s@1 russias@1*   co@2 ordinated@3 coordinated@3*
//     montreal@4   1@5 400@6 1400@6*                 (* = alias)
//   montreal@4 also carries its accented form "montréal" (Token::accented)
//
// 1. ICU's dictionary-based word BreakIterator finds the words (UAX #29, with
//    dictionaries for Chinese, Japanese, Thai, Khmer, Lao and Burmese).
//    Segments without letters, digits or ideographs are dropped. Chunks of
//    plain ASCII between spaces take a fast path that finds exactly the
//    words ICU's root rules would (tests/analyzer_test.cc compares the two
//    on the sample corpus and on generated text).
// 2. Each word is split at characters that Xapian's query parser does not
//    treat as word characters (apostrophes, inner periods, commas, colons),
//    giving parts at consecutive positions; each part is folded (fold.h).
// 3. Words joined by single hyphens and words made of several parts form a
//    compound; its parts concatenated are emitted as an alias term at the
//    position of its last part, so "coordinated" finds "co-ordinated" and
//    "1400" finds "1,400".
//
// Every term consists of Xapian word characters only and is already lower
// case by Xapian's tables, so Xapian's QueryParser, fed the same terms,
// produces exactly these terms (see searcher/query.cc). Terms longer than
// kMaxTermBytes are dropped (Xapian limits terms to 245 bytes).
//
// Not thread-safe: an Analyzer owns an ICU BreakIterator. Use one per thread.
// Move-only.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace trawl {

inline constexpr size_t kMaxTermBytes = 100;
inline constexpr size_t kMaxCompoundParts = 8;

struct Token {
  std::string term;     // folded term
  uint32_t pos = 0;     // position; aliases share their last part's position
  uint32_t begin = 0;   // byte range in the analysed text
  uint32_t end = 0;
  bool alias = false;   // a compound's concatenation, not a word of the text
  // The word with its marks (fold.h), when folding dropped any: "résumé"
  // for the term "resume". Indexed too, at the same position, so that a
  // query typed with marks can ask for them (searcher/rewrite.h). Empty
  // for ASCII words, aliases and words without marks.
  std::string accented;

  // Whether the query term `t` asks for this token: its term, or its
  // accented form (which only a query typed with marks has).
  bool is(std::string_view t) const { return t == term || (!accented.empty() && t == accented); }
};

class Analyzer {
 public:
  // Throws trawl::Error if ICU's word break data cannot be loaded.
  Analyzer();
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  // Appends the tokens of `text` (valid UTF-8) to *out. Positions start at
  // `first_pos`; returns the position after the last token.
  uint32_t analyze(std::string_view text, std::vector<Token>* out,
                   uint32_t first_pos = 0);

  // Tests only: with false, every chunk goes through ICU (no ASCII fast path).
  void set_fast_path(bool on) { fast_ = on; }

 private:
  // Calls on_word(start, end) for the words ICU finds in text[begin, end).
  template <class F>
  void icu_words(std::string_view text, size_t begin, size_t end, F&& on_word);

  std::unique_ptr<icu::BreakIterator> words_;
  bool fast_ = true;
};

// True if Xapian's QueryParser would stem a term starting like `term` (its
// first character is a letter other than upper case). The indexer adds stems
// exactly for these terms.
bool should_stem(std::string_view term);

}  // namespace trawl
