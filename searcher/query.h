// Query building: what the user typed -> a Xapian::Query over trawl's terms.
//
// The user's text goes through the same Analyzer as the documents, and only
// then through Xapian's QueryParser, so the whole Xapian query language keeps
// working on folded, segmented terms:
//
//   Montréal AND "Russia's sanctions" -co-ordinated sanct* title:Навальный
//   -> montreal AND "russia-s sanctions" -co-ordinated sanct* title:навальный
//
// The rewriter keeps operators (AND OR NOT XOR NEAR ADJ NEAR/n ADJ/n, in
// upper case), quotes (straight or typographic), brackets, leading + - ~ and
// known field prefixes (title:), and replaces every other word by its terms;
// a word that analyses into several terms (co-ordinated, Russia's, a run of
// Chinese) becomes a phrase. A trailing * makes a wildcard.
//
// If QueryParser still rejects the result, the query is retried as plain
// words and a warning says so. Not thread-safe (owns an Analyzer).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analyzer.h"
#include "schema.h"
#include "snippet.h"

namespace trawl::searcher {

struct QueryOptions {
  bool match_any = false;       // --or: default operator OR instead of AND
  bool fixed_strings = false;   // -F: no operators, every word is a word
  unsigned max_wildcard = 200;  // terms a wildcard may expand to (most frequent)
};

struct BuiltQuery {
  Xapian::Query query;
  std::string rewritten;          // the text handed to QueryParser
  std::vector<std::string> wildcards;  // folded wildcard prefixes
  std::string warning;            // set if the query was retried as words
};

// The field names a query may use: free-text fields (title:, and the extra
// fields the database lists) and boolean filters (author:, ext:, type:,
// path:, lang:), whose values are folded but not split.
struct QueryFields {
  std::set<std::string> text = {std::string(schema::kTitleField)};
  std::set<std::string> filters = {std::string(schema::kAuthorField), std::string(schema::kExtField),
                                   std::string(schema::kTypeField), std::string(schema::kPathField),
                                   std::string(schema::kLangField)};
};

// The QueryParser input for `text`, and the wildcard prefixes it uses.
struct Rewrite {
  std::string text;
  std::vector<std::string> wildcards;
};
Rewrite rewrite_query(std::string_view text, bool fixed_strings, Analyzer& analyzer,
                      const QueryFields& fields = QueryFields());

class QueryBuilder {
 public:
  QueryBuilder(const Xapian::Database& db, Xapian::Stem stemmer, QueryOptions options);

  // Builds the query for `text`. Never throws for bad syntax; an empty or
  // word-less query gives an empty Xapian::Query (matches nothing).
  BuiltQuery build(std::string_view text);

  // The terms a snippet should highlight for `built`: every positive leaf
  // term (NOT branches excluded), stems, and the wildcard prefixes.
  TermMatcher matcher(const BuiltQuery& built) const;

 private:
  Xapian::Query parse(const std::string& text, bool fixed) const;

  Xapian::Database db_;
  Xapian::Stem stemmer_;
  QueryOptions options_;
  QueryFields fields_;
  Analyzer analyzer_;
};

}  // namespace trawl::searcher
