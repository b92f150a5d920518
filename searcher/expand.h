// Query expansion, after QueryParser: each stem leaf ("Z" + prefix + stem,
// from QueryParser's STEM_SOME) becomes OP_SYNONYM of the indexed words with
// that stem (the stem table, schema.h), plus, where asked, the user's
// synonyms of those words (--synonyms for every word, ~word for one):
//
//   Zsanction          -> (sanction SYNONYM sanctioned SYNONYM sanctions)
//   ~Zalexei, synonyms -> (alexei SYNONYM alexey SYNONYM aleksei)
//
// Under --no-stem (ExpandOptions::exact) QueryParser makes no stems: only
// the plain words asked for with ~word (or all, --synonyms) gain their
// user synonyms, each as written in the group, without other forms.
//
// Also builds the TermMatcher that tells snippets which words to highlight.
// Thread-compatible (reads the database).
#pragma once

#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "snippet.h"

namespace trawl::searcher {

struct ExpandOptions {
  bool all_synonyms = false;     // --synonyms
  std::set<std::string> marked;  // stems of the words asked for with ~word (words, if exact)
  bool exact = false;            // --no-stem: synonyms as written, no stem variants
};

// True for the operators a rewrite may rebuild from rewritten subqueries
// (they take no parameter besides them): AND, OR, AND_NOT, XOR, AND_MAYBE,
// FILTER, SYNONYM, MAX. Positional and weighted ones are kept whole.
bool rebuildable(Xapian::Query::op op);

Xapian::Query expand_query(const Xapian::Database& db, const Xapian::Stem& stemmer,
                           const Xapian::Query& q, const ExpandOptions& options);

// The terms a snippet should highlight: every positive leaf term (NOT
// branches excluded; S title terms count as words), phrases as phrases, and
// the wildcard prefixes.
TermMatcher make_matcher(const Xapian::Query& q, const std::vector<std::string>& wildcards,
                         const Xapian::Stem& stemmer);

// The leaf terms of a query that are plain (unprefixed) words, and its CJK
// bigram terms: the terms whose positions locate passages.
std::vector<std::string> plain_leaves(const Xapian::Query& q);

}  // namespace trawl::searcher
