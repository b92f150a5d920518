// Snippets: the best passage of a text for a query, with the matched words
// highlighted in the original text.
//
//   text   "Canada joined the call. Alexei Navalny was jailed in 2021 ..."
//   query  navalny jailed            (folded and stemmed as at index time)
//   ->     "…Alexei Navalny was jailed in 2021 …", highlights {[10,17), [22,28)}
//
// TermMatcher decides whether a token of the text matches the query: by its
// exact term, its stem, a wildcard prefix, or a CJK character pair it holds.
// make_snippet() picks the window of about `max_chars` characters holding
// the most distinct matched terms (then the most matches), starts it at a
// sentence or word boundary, cuts it at a word boundary, collapses runs of
// white space and marks cuts with "…".
// Offsets are byte offsets into Snippet::text.
//
// TermMatcher is immutable once built; it holds a Xapian::Stem, so use one
// per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analyzer.h"

namespace trawl {

using Span = std::pair<uint32_t, uint32_t>;  // [begin, end) in bytes

class TermMatcher {
 public:
  explicit TermMatcher(Xapian::Stem stemmer = Xapian::Stem())
      : stemmer_(std::move(stemmer)) {}

  void add_exact(std::string term) { exact_.insert(std::move(term)); }
  // `stem` without the Z prefix.
  void add_stem(std::string stem) { stems_.insert(std::move(stem)); }
  void add_wildcard(std::string prefix) { wildcards_.push_back(std::move(prefix)); }
  // Terms of a phrase: highlighted only where they occur in this order.
  void add_phrase(std::vector<std::string> terms) { phrases_.push_back(std::move(terms)); }
  // A CJK bigram term ("XC" + two characters, cjk.h): the words of the text
  // that hold the pair are highlighted, however they were segmented.
  void add_bigram(std::string term) { bigrams_.insert(std::move(term)); }

  bool empty() const {
    return exact_.empty() && stems_.empty() && wildcards_.empty() && phrases_.empty() &&
           bigrams_.empty();
  }
  bool has_bigrams() const { return !bigrams_.empty(); }
  const std::vector<std::vector<std::string>>& phrases() const { return phrases_; }

  // Returns the key of the query term that `term` matches ("" if none):
  // distinct keys count as distinct matched words when ranking passages.
  std::string match(const std::string& term) const;
  // The key of a phrase's matches: one for all its words.
  static std::string phrase_key(const std::vector<std::string>& terms);
  // The key a token of a text matches: by its accented form (Token::accented)
  // first, which only a query typed with marks asks for, then its term.
  std::string match(const Token& token) const;

 private:
  Xapian::Stem stemmer_;
  std::unordered_set<std::string> exact_;
  std::unordered_set<std::string> stems_;
  std::vector<std::string> wildcards_;
  std::vector<std::vector<std::string>> phrases_;
  std::unordered_set<std::string> bigrams_;
};

struct Snippet {
  std::string text;
  std::vector<Span> highlights;  // sorted, non-overlapping
  uint32_t start = 0;            // byte offset of the passage in the text
  uint32_t line = 1;    // line of the first match (of the start with no match), from 1
  uint32_t column = 1;  // byte column of the first match in that line, from 1
  // With SnippetOptions::context: the line `text` starts at. Its text
  // is then whole lines, as written ('\n' between them); 0 otherwise.
  uint32_t first_line = 0;
};

// One line of a line-context passage (Snippet::first_line > 0).
struct SnippetLine {
  uint32_t number = 0;
  std::string_view text;
  std::vector<Span> highlights;  // into `text`
};

// The lines of `s` (a passage of whole lines) with their numbers and
// highlights; empty for an ordinary passage.
std::vector<SnippetLine> snippet_lines(const Snippet& s);

// Lines of context around the matching lines of a passage of whole lines
// (-B before, -A after, -C both, as grep): line passages are on when either
// is 0 or more; the other side then counts as 0.
struct LineContext {
  int before = -1;
  int after = -1;
  bool on() const { return before >= 0 || after >= 0; }
  size_t lines_before() const { return before > 0 ? static_cast<size_t>(before) : 0; }
  size_t lines_after() const { return after > 0 ? static_cast<size_t>(after) : 0; }
};

struct SnippetOptions {
  size_t max_chars = 200;  // approximate length of the passage in characters
  // The text is a piece of a longer one (stored_text.h): a passage at its
  // edge is marked "…" as cut.
  bool more_before = false;
  bool more_after = false;
  // -A/-B/-C: passages of whole lines, the match's lines and the context
  // lines before and after each, as written (as grep); off: passages of
  // about max_chars. A block longer than kMaxContextBytes falls back to
  // max_chars.
  LineContext context;
};

inline constexpr size_t kMaxContextBytes = 64 * 1024;

// Builds the snippet of `text`, whose analysis is `tokens` (from
// Analyzer::analyze on the same text). Never fails: with no match, the
// snippet is the start of the text.
Snippet make_snippet(std::string_view text, const std::vector<Token>& tokens,
                     const TermMatcher& matcher, const SnippetOptions& options);

// Up to `count` passages, best first chosen, returned in text order, never
// overlapping: the second is the best window among the matches outside the
// first, and so on. With no match, one passage: the start of the text.
std::vector<Snippet> make_passages(std::string_view text, const std::vector<Token>& tokens,
                                   const TermMatcher& matcher, const SnippetOptions& options,
                                   size_t count);

// Highlight spans of the matched tokens of a whole short text (a title),
// merged where only non-space characters separate them.
std::vector<Span> highlight_all(std::string_view text,
                                const std::vector<Token>& tokens,
                                const TermMatcher& matcher);

}  // namespace trawl
