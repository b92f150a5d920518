#include "expand.h"

#include <algorithm>

#include "cjk.h"
#include "schema.h"

namespace trawl::searcher {
namespace {

void add_leaf(const std::string& term, TermMatcher* m) {
  if (term.empty()) return;
  const std::string z(schema::kStemPrefix);
  const std::string s(schema::kTitlePrefix);
  if (term.compare(0, z.size() + s.size(), z + s) == 0) {
    m->add_stem(term.substr(z.size() + s.size()));
  } else if (term.compare(0, z.size(), z) == 0) {
    m->add_stem(term.substr(z.size()));
  } else if (term.compare(0, s.size(), s) == 0) {
    m->add_exact(term.substr(s.size()));
  } else if (is_bigram_term(term)) {
    m->add_bigram(term);
  } else if (!(term[0] >= 'A' && term[0] <= 'Z')) {
    m->add_exact(term);  // unprefixed; other upper-case prefixes are filters
  }
}

// The terms of a phrase, without the title prefix, in order.
std::vector<std::string> phrase_terms(const Xapian::Query& q) {
  std::vector<std::string> terms;
  const std::string s(schema::kTitlePrefix);
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    Xapian::Query sub = q.get_subquery(i);
    if (sub.get_type() != Xapian::Query::LEAF_TERM) return {};
    std::string t = *sub.get_terms_begin();
    if (t.compare(0, s.size(), s) == 0) t.erase(0, s.size());
    terms.push_back(std::move(t));
  }
  return terms;
}

void collect(const Xapian::Query& q, TermMatcher* m) {
  if (q.get_type() == Xapian::Query::OP_PHRASE) {
    std::vector<std::string> terms = phrase_terms(q);
    if (!terms.empty()) {
      m->add_phrase(std::move(terms));
      return;
    }
  }
  if (q.get_type() == Xapian::Query::LEAF_TERM) {
    for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t) add_leaf(*t, m);
    return;
  }
  size_t n = q.get_num_subqueries();
  if (q.get_type() == Xapian::Query::OP_AND_NOT) n = std::min<size_t>(n, 1);
  for (size_t i = 0; i < n; ++i) collect(q.get_subquery(i), m);
}

bool has_stem_leaf(const Xapian::Query& q, const std::string& z) {
  if (q.get_type() == Xapian::Query::LEAF_TERM) {
    auto t = q.get_terms_begin();
    return t != q.get_terms_end() && (*t).compare(0, z.size(), z) == 0;
  }
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    if (has_stem_leaf(q.get_subquery(i), z)) return true;
  }
  return false;
}

// The indexed words whose stem is `stem`, from the stem table. Xapian's
// remote backend serves no synonym table, so for a remote shard (or a word
// no local shard has) the words are found instead among the terms that
// start with the stem (or, for a stem ending in "i", with the stem less
// it: happi <- happy), keeping those with this stem.
std::vector<std::string> stem_variants(const Xapian::Database& db, const Xapian::Stem& stemmer,
                                       const std::string& stem) {
  const std::string key = schema::stem_key(stem);
  std::vector<std::string> out(db.synonyms_begin(key), db.synonyms_end(key));
  if (!out.empty() || stemmer.is_none() || stem.empty()) return out;
  constexpr size_t kMaxScanned = 2000, kMaxVariants = 50;
  const std::string prefix = stem.back() == 'i' ? stem.substr(0, stem.size() - 1) : stem;
  if (prefix.empty()) return out;
  size_t scanned = 0;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    if (++scanned > kMaxScanned || out.size() >= kMaxVariants) break;
    const std::string term = *t;
    if (stemmer(term) == stem) out.push_back(term);
  }
  return out;
}

// The user's synonyms of `word`, each as a query (its stem variants, or
// itself if `exact`, or a phrase for several words), under `prefix`.
void add_user_synonyms(const Xapian::Database& db, const Xapian::Stem& stemmer,
                       const std::string& word, const std::string& prefix, bool exact,
                       std::vector<Xapian::Query>* out) {
  for (auto s = db.synonyms_begin(word); s != db.synonyms_end(word); ++s) {
    const std::string syn = *s;
    if (syn.find(' ') != std::string::npos) {
      std::vector<Xapian::Query> words;
      for (size_t pos = 0; pos <= syn.size();) {
        size_t sp = syn.find(' ', pos);
        if (sp == std::string::npos) sp = syn.size();
        words.emplace_back(prefix + syn.substr(pos, sp - pos));
        pos = sp + 1;
      }
      out->emplace_back(Xapian::Query::OP_PHRASE, words.begin(), words.end(), words.size());
      continue;
    }
    std::vector<std::string> variants;
    if (!exact) variants = stem_variants(db, stemmer, stemmer.is_none() ? syn : stemmer(syn));
    if (variants.empty()) variants.push_back(syn);
    for (const std::string& v : variants) out->emplace_back(prefix + v);
  }
}

// The keys of the user's synonym groups (plain folded words) whose stem is
// `stem`: "kingfishers" finds the group of "kingfisher", and a word no
// document holds ("halcyon") still finds its group. User keys start with a
// lower-case letter or a digit, stem-table keys with "Z": scanning the keys
// that share the stem's first character is cheap.
std::vector<std::string> user_keys_with_stem(const Xapian::Database& db, const Xapian::Stem& stemmer,
                                             const std::string& stem) {
  std::vector<std::string> keys;
  if (stem.empty()) return keys;
  const std::string first = stem.substr(0, 1);
  for (auto k = db.synonym_keys_begin(first); k != db.synonym_keys_end(first); ++k) {
    const std::string key = *k;
    if (key == stem || (!stemmer.is_none() && stemmer(key) == stem)) keys.push_back(key);
  }
  return keys;
}

// A stem leaf "Z" + prefix + stem -> OP_SYNONYM of prefix + every indexed
// word with that stem, and their synonyms where asked. A stem nothing has
// stays as it is and matches nothing.
Xapian::Query expand_leaf(const Xapian::Database& db, const Xapian::Stem& stemmer,
                          const Xapian::Query& leaf, const std::string& term,
                          const ExpandOptions& options) {
  const std::string z(schema::kStemPrefix);
  // Field prefixes are upper case (S, XMTAGS:), stems are not.
  size_t p = z.size();
  while (p < term.size() && ((term[p] >= 'A' && term[p] <= 'Z') || term[p] == ':')) ++p;
  const std::string prefix = term.substr(z.size(), p - z.size());
  const std::string stem = term.substr(p);
  std::vector<Xapian::Query> words;
  const std::vector<std::string> variants = stem_variants(db, stemmer, stem);
  for (const std::string& v : variants) words.emplace_back(prefix + v);
  if (options.all_synonyms || options.marked.count(stem)) {
    for (const std::string& key : user_keys_with_stem(db, stemmer, stem)) {
      add_user_synonyms(db, stemmer, key, prefix, false, &words);
    }
  }
  if (words.empty()) return leaf;
  if (words.size() == 1) return words[0];
  return Xapian::Query(Xapian::Query::OP_SYNONYM, words.begin(), words.end());
}

// --no-stem: a plain word asked for with ~word (or --synonyms) -> OP_SYNONYM
// of itself and its user synonyms as written; any other leaf stays.
Xapian::Query exact_leaf(const Xapian::Database& db, const Xapian::Query& leaf,
                         const std::string& term, const ExpandOptions& options) {
  if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return leaf;  // fields, filters
  if (!options.all_synonyms && !options.marked.count(term)) return leaf;
  std::vector<Xapian::Query> words{leaf};
  add_user_synonyms(db, Xapian::Stem(), term, "", true, &words);
  if (words.size() == 1) return leaf;
  return Xapian::Query(Xapian::Query::OP_SYNONYM, words.begin(), words.end());
}

}  // namespace

bool rebuildable(Xapian::Query::op op) {
  static const Xapian::Query::op kRebuilt[] = {
      Xapian::Query::OP_AND, Xapian::Query::OP_OR, Xapian::Query::OP_AND_NOT,
      Xapian::Query::OP_XOR, Xapian::Query::OP_AND_MAYBE, Xapian::Query::OP_FILTER,
      Xapian::Query::OP_SYNONYM, Xapian::Query::OP_MAX};
  return std::find(std::begin(kRebuilt), std::end(kRebuilt), op) != std::end(kRebuilt);
}

Xapian::Query expand_query(const Xapian::Database& db, const Xapian::Stem& stemmer,
                           const Xapian::Query& q, const ExpandOptions& options) {
  const std::string z(schema::kStemPrefix);
  const auto op = q.get_type();
  if (op == Xapian::Query::LEAF_TERM) {
    std::string term = *q.get_terms_begin();
    if (term.compare(0, z.size(), z) == 0) return expand_leaf(db, stemmer, q, term, options);
    return options.exact ? exact_leaf(db, q, term, options) : q;
  }
  // Positional and other special queries hold no stems: keep them whole.
  const bool synonyms = options.exact && (options.all_synonyms || !options.marked.empty());
  if (!rebuildable(op) || !(synonyms || has_stem_leaf(q, z))) return q;
  std::vector<Xapian::Query> subs;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    subs.push_back(expand_query(db, stemmer, q.get_subquery(i), options));
  }
  return Xapian::Query(op, subs.begin(), subs.end());
}

TermMatcher make_matcher(const Xapian::Query& q, const std::vector<std::string>& wildcards,
                         const Xapian::Stem& stemmer) {
  TermMatcher m(stemmer);
  collect(q, &m);
  for (const std::string& w : wildcards) m.add_wildcard(w);
  return m;
}

namespace {

void plain(const Xapian::Query& q, std::vector<std::string>* out) {
  if (q.get_type() == Xapian::Query::LEAF_TERM) {
    std::string t = *q.get_terms_begin();
    if (is_bigram_term(t) || (!t.empty() && !(t[0] >= 'A' && t[0] <= 'Z'))) out->push_back(t);
    return;
  }
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) plain(q.get_subquery(i), out);
}

}  // namespace

std::vector<std::string> plain_leaves(const Xapian::Query& q) {
  std::vector<std::string> out;
  plain(q, &out);
  return out;
}

}  // namespace trawl::searcher
