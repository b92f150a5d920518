#include "proximity.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "cjk.h"

namespace trawl::searcher {
namespace {

bool is_bigram(const Xapian::Query& q) {
  return q.get_type() == Xapian::Query::LEAF_TERM && is_bigram_term(*q.get_terms_begin());
}

// A word of the query: a term, or a stem's indexed variants (OP_SYNONYM).
bool is_word(const Xapian::Query& q) {
  const auto op = q.get_type();
  if (op == Xapian::Query::LEAF_TERM) return !is_bigram(q);
  if (op != Xapian::Query::OP_SYNONYM) return false;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    if (q.get_subquery(i).get_type() != Xapian::Query::LEAF_TERM) return false;
  }
  return true;
}

// Sets *word to the word `q` stands for: a word, or a CJK word OR'd with
// its bigram backup (cjk_query.h), whose bigrams take no part in proximity.
bool word_of(const Xapian::Query& q, Xapian::Query* word) {
  if (is_word(q)) {
    *word = q;
    return true;
  }
  if (q.get_type() != Xapian::Query::OP_OR || q.get_num_subqueries() != 2) return false;
  const Xapian::Query backup = q.get_subquery(1);
  bool bigrams = is_bigram(backup);
  if (backup.get_type() == Xapian::Query::OP_AND) {
    bigrams = true;
    for (size_t i = 0; i < backup.get_num_subqueries(); ++i) {
      bigrams = bigrams && is_bigram(backup.get_subquery(i));
    }
  }
  if (!bigrams || !is_word(q.get_subquery(0))) return false;
  *word = q.get_subquery(0);
  return true;
}

// The terms of a word as one OP_OR (Xapian 1.4's OP_NEAR takes terms and
// OR of terms, not OP_SYNONYM): at most `max` of them, the most frequent in
// the collection (the forms come in alphabetical order: the first few of
// "control" were controlable, controled and controler, not controls).
Xapian::Query terms_of(const Xapian::Database& db, const Xapian::Query& word, size_t max) {
  if (word.get_type() == Xapian::Query::LEAF_TERM) return word;
  const size_t n = word.get_num_subqueries();
  std::vector<Xapian::Query> out;
  if (n <= max) {
    for (size_t i = 0; i < n; ++i) out.push_back(word.get_subquery(i));
    return Xapian::Query(Xapian::Query::OP_OR, out.begin(), out.end());
  }
  std::vector<std::pair<Xapian::doccount, std::string>> forms;
  for (size_t i = 0; i < n; ++i) {
    const std::string term = *word.get_subquery(i).get_terms_begin();
    forms.emplace_back(db.get_termfreq(term), term);
  }
  std::partial_sort(forms.begin(), forms.begin() + static_cast<std::ptrdiff_t>(max), forms.end(),
                    [](const auto& a, const auto& b) {
                      return a.first > b.first || (a.first == b.first && a.second < b.second);
                    });
  for (size_t i = 0; i < max; ++i) out.emplace_back(forms[i].second);
  return Xapian::Query(Xapian::Query::OP_OR, out.begin(), out.end());
}

// Some term of word a NEAR some term of word b. One OP_NEAR of two ORs
// matches the same documents as an OP_MAX of a NEAR per pair of terms, and
// opens each term's posting list once instead of once per pair (on "space
// shuttle launch", 48 posting lists became 14).
Xapian::Query near(const Xapian::Database& db, const Xapian::Query& a, const Xapian::Query& b,
                   const ProximityOptions& options) {
  const Xapian::Query two[] = {terms_of(db, a, options.forms), terms_of(db, b, options.forms)};
  return Xapian::Query(Xapian::Query::OP_NEAR, two, two + 2, options.window);
}

}  // namespace

Xapian::Query add_proximity(const Xapian::Database& db, const Xapian::Query& q,
                            const ProximityOptions& options) {
  const auto op = q.get_type();
  if (op != Xapian::Query::OP_OR && op != Xapian::Query::OP_AND) return q;
  std::vector<Xapian::Query> words;
  Xapian::Query word;
  if (word_of(q, &word)) return q;  // one word and its bigrams
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    if (word_of(q.get_subquery(i), &word)) words.push_back(word);
  }
  if (words.size() < 2) return q;
  std::vector<Xapian::Query> pairs;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    // A fixed bonus for each pair found close together, whatever the
    // words' own weights (those already count once in `q`).
    // (The pair drives the match and the fixed source only answers
    // skip_to: as the first subquery of OP_FILTER, Xapian 1.4.22 returned
    // the last document twice.)
    Xapian::Query bonus((new Xapian::FixedWeightPostingSource(options.weight))->release());
    pairs.emplace_back(Xapian::Query::OP_AND,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                     near(db, words[i], words[i + 1], options), 0.0),
                       bonus);
  }
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, q,
                       Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()));
}

namespace {

// `q` with every unprefixed term given `prefix`, leaving out terms `db`
// lacks; positional and other special subqueries are dropped (an empty
// result means nothing left).
Xapian::Query prefixed(const Xapian::Database& db, const Xapian::Query& q,
                       const std::string& prefix) {
  const auto op = q.get_type();
  if (op == Xapian::Query::LEAF_TERM) {
    const std::string t = *q.get_terms_begin();
    if (t.empty() || (t[0] >= 'A' && t[0] <= 'Z') || !db.term_exists(prefix + t)) {
      return Xapian::Query();
    }
    return Xapian::Query(prefix + t, q.get_length() ? q.get_length() : 1);
  }
  if (op != Xapian::Query::OP_OR && op != Xapian::Query::OP_AND && op != Xapian::Query::OP_SYNONYM &&
      op != Xapian::Query::OP_AND_MAYBE && op != Xapian::Query::OP_MAX) {
    return Xapian::Query();
  }
  std::vector<Xapian::Query> subs;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    Xapian::Query sub = prefixed(db, q.get_subquery(i), prefix);
    if (!sub.empty()) subs.push_back(sub);
  }
  if (subs.empty()) return Xapian::Query();
  const auto out_op = op == Xapian::Query::OP_SYNONYM ? op : Xapian::Query::OP_OR;
  return Xapian::Query(out_op, subs.begin(), subs.end());
}

}  // namespace

Xapian::Query add_title_field(const Xapian::Database& db, const Xapian::Query& q,
                              const std::string& prefix, double weight) {
  Xapian::Query title = prefixed(db, q, prefix);
  if (title.empty()) return q;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, q,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, title, weight));
}

}  // namespace trawl::searcher
