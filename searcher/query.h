// QueryBuilder: what the user typed -> the Xapian::Query to run.
//
// rewrite.h turns the text into trawl's terms, Xapian's QueryParser parses
// it (operators, phrases, NEAR, wildcards, fields, filters and the ranges
// date: and size:), and expand.h turns stems into the indexed words that
// have them (and their synonyms, where asked). If QueryParser rejects the
// text, it is retried as plain words and a warning says so.
//
// Spelling: a word that matches nothing (no indexed word shares its stem)
// gets the closest frequent word of the spelling table as a suggestion;
// BuiltQuery::corrected is the query text with the suggestions in.
//
// Not thread-safe (owns an Analyzer).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analyzer.h"
#include "case_forms.h"
#include "rewrite.h"
#include "snippet.h"

namespace trawl::searcher {

struct QueryOptions {
  bool match_any = false;       // --or: default operator OR instead of AND
  bool fixed_strings = false;   // -F: no operators, every word is a word
  bool synonyms = false;        // --synonyms: expand every word to its synonyms
  bool stem = true;             // words match their other forms (--no-stem: false)
  bool fold_accents = false;    // a word typed with marks matches them all (rewrite.h)
  // -s/-S: words that must match as typed (case_forms.h); they then match
  // no other forms and their accents as typed, whatever stem and
  // fold_accents say.
  CaseMode case_mode = CaseMode::kIgnore;
  unsigned max_wildcard = 200;  // terms a wildcard may expand to (most frequent)
  const Xapian::Stopper* stopper = nullptr;  // words left out (stopwords.h); not owned
  std::string fields;           // extra field names, space-separated ("": the database's)
};

struct BuiltQuery {
  Xapian::Query query;
  std::string rewritten;               // the text handed to QueryParser
  std::vector<std::string> wildcards;  // folded wildcard prefixes
  std::string warning;                 // set if the query was retried as words
  std::vector<std::string> problems;   // parts that were left out (bad ranges)
  std::string corrected;               // the text with spelling suggestions, or ""
  std::vector<std::string> words;      // the plain words typed (folded)
  CaseForms case_forms;                // -s/-S in force: the words to match as typed
  size_t alternatives = 1;             // queries OR'ed by build_any (-f's lines and words)
};

class QueryBuilder {
 public:
  QueryBuilder(const Xapian::Database& db, Xapian::Stem stemmer, QueryOptions options);

  // Builds the query for `text`. Never throws for bad syntax; an empty or
  // word-less query gives an empty Xapian::Query (matches nothing).
  BuiltQuery build(std::string_view text);
  // Builds a query that matches what any of `texts` matches (-f FILE, as
  // grep -f), ranked by the sum of their weights. -S decides once for all
  // of them: a capital in any makes every one match as typed. No spelling
  // suggestion (BuiltQuery::corrected stays empty).
  BuiltQuery build_any(const std::vector<std::string>& texts);

  // The terms a snippet should highlight for `built`.
  TermMatcher matcher(const BuiltQuery& built) const;

 private:
  Xapian::Query parse(const std::string& text, bool fixed) const;
  // The text with spelling suggestions for words that match nothing, or "".
  std::string correct(const Rewrite& rewrite) const;
  // What rewrite_query asks about accented words (--fold-accents: nothing).
  KeepMarks marks_test() const;
  // Whether words match their other forms, and their accents folded:
  // never while matching as typed (exact_).
  bool stem() const { return options_.stem && !exact_; }
  bool fold_accents() const { return options_.fold_accents && !exact_; }
  // The rewrite of `text`, and exact_ set for -s/-S.
  Rewrite rewrite(std::string_view text, bool fixed);

  Xapian::Database db_;
  Xapian::Stem stemmer_;
  QueryOptions options_;
  QueryFields fields_;
  Analyzer analyzer_;
  bool exact_ = false;  // words match as typed (-s, or -S with a capital)
};

}  // namespace trawl::searcher
