// Pseudo-relevance feedback (extras.h): the words the best hits share.
//
// The expansion terms and weights are those Xapian's ESet gives with its
// default scheme (TradEWeight, k = 1) and exact term frequencies (words of
// equal weight at the cut may differ), but found more cheaply: Xapian looks up the frequency of every candidate
// word of the feedback documents (about 4,000 instructions each, half of a
// 3-word query's work); here a word's weight is bounded from above by what
// it would weigh if no other document held it, and frequencies are looked
// up only while that bound can still reach the top. tests/feedback_test.cc
// compares the two.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_set>

#include "extras.h"

namespace trawl::searcher {
namespace {

constexpr double kExpandK = 1.0;  // Xapian's default for TradEWeight expansion

// Words worth adding to a query from its best hits: content words, not
// stopwords, not already in the query.
class FeedbackDecider : public Xapian::ExpandDecider {
 public:
  FeedbackDecider(const Xapian::Query& q, const Xapian::Stopper* stopper) : stopper_(stopper) {
    for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
      in_query_.insert(*t);
    }
  }
  bool operator()(const std::string& term) const override {
    return expandable(term) && !in_query_.count(term) &&
           (stopper_ == nullptr || !(*stopper_)(term));
  }

 private:
  std::unordered_set<std::string> in_query_;
  const Xapian::Stopper* stopper_;
};

struct Candidate {
  Xapian::doccount r = 0;  // feedback documents holding the word
  double multiplier = 0;   // sum over them of (k + 1) wdf / (k len / avlen + wdf)
  bool refused = false;    // by the ExpandDecider: not a candidate
};

// TradEWeight: the word's weight when `n` documents in all hold it.
double trad_weight(const Candidate& c, double n, double rsize, double dbsize) {
  const double r = c.r;
  const double num = (r + 0.5) * (dbsize - n - (rsize - r) + 0.5);
  const double den = (n - r + 0.5) * (rsize - r + 0.5);
  return c.multiplier * std::log(num / den);
}

// Heavier first; of equal weights, the word first in term order (Xapian
// keeps the first it meets, in term order, unless a later eviction picks
// another: at such ties the two may choose different words).
bool before(const ExpandTerm& a, const ExpandTerm& b) {
  return a.weight > b.weight || (a.weight == b.weight && a.term < b.term);
}

// The words of the feedback documents with their statistics, in an
// open-addressing table: no allocation per word (std::unordered_map made a
// node for each, a tenth of the expansion's instructions).
class Candidates {
 public:
  struct Entry {
    std::string word;
    size_t hash;
    Candidate stats;
  };

  Candidates() : slots_(8192, 0) {}

  // The entry of `word`; `*fresh` says whether it was just added.
  Entry& find_or_add(std::string&& word, bool* fresh) {
    const size_t h = std::hash<std::string_view>{}(word);
    size_t i = h & (slots_.size() - 1);
    for (; slots_[i] != 0; i = (i + 1) & (slots_.size() - 1)) {
      Entry& e = entries_[slots_[i] - 1];
      if (e.hash == h && e.word == word) {
        *fresh = false;
        return e;
      }
    }
    entries_.push_back(Entry{std::move(word), h, Candidate{}});
    slots_[i] = static_cast<uint32_t>(entries_.size());
    if (entries_.size() * 2 > slots_.size()) grow();
    *fresh = true;
    return entries_.back();
  }

  const std::vector<Entry>& entries() const { return entries_; }

 private:
  void grow() {
    slots_.assign(slots_.size() * 2, 0);
    for (size_t k = 0; k < entries_.size(); ++k) {
      size_t i = entries_[k].hash & (slots_.size() - 1);
      while (slots_[i] != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = static_cast<uint32_t>(k + 1);
    }
  }

  std::vector<uint32_t> slots_;  // 1 + index into entries_; 0 = free
  std::vector<Entry> entries_;
};

// The words of `docs` with their statistics, those `decider` refuses marked
// so: one table lookup per word of each document.
Candidates candidates(const Xapian::Database& db, const std::vector<Xapian::docid>& docs,
                      const Xapian::ExpandDecider& decider) {
  const double avlen = db.get_avlength();
  Candidates words;
  std::vector<Xapian::docid> sorted = docs;  // Xapian's order, for the same sums
  std::sort(sorted.begin(), sorted.end());
  for (Xapian::docid d : sorted) {
    const double len = db.get_doclength(d);
    for (auto t = db.termlist_begin(d); t != db.termlist_end(d); ++t) {
      bool fresh = false;
      Candidates::Entry& e = words.find_or_add(*t, &fresh);
      if (fresh) e.stats.refused = !decider(e.word);
      if (e.stats.refused) continue;
      const double wdf = std::max<Xapian::termcount>(t.get_wdf(), 1);
      e.stats.multiplier += (kExpandK + 1) * wdf / (kExpandK * len / avlen + wdf);
      ++e.stats.r;
    }
  }
  return words;
}

}  // namespace

std::vector<ExpandTerm> best_expansion_terms(const Xapian::Database& db,
                                             const std::vector<Xapian::docid>& docs,
                                             size_t count, const Xapian::ExpandDecider& decider) {
  const double dbsize = db.get_doccount();
  const double rsize = static_cast<double>(docs.size());
  const Candidates words = candidates(db, docs, decider);
  // Bounds first: the weight if the word were in the feedback documents
  // only. A heap, as only the first few are usually taken.
  using Bound = std::pair<double, const Candidates::Entry*>;
  std::vector<Bound> order;
  order.reserve(words.entries().size());
  for (const Candidates::Entry& w : words.entries()) {
    if (!w.stats.refused) order.emplace_back(trad_weight(w.stats, w.stats.r, rsize, dbsize), &w);
  }
  const auto later = [](const Bound& a, const Bound& b) {
    return a.first < b.first || (a.first == b.first && a.second->word > b.second->word);
  };
  std::make_heap(order.begin(), order.end(), later);
  std::vector<ExpandTerm> best;  // kept sorted by `before`, at most `count`
  for (auto end = order.end(); end != order.begin(); --end) {
    std::pop_heap(order.begin(), end, later);
    const auto& [bound, word] = *(end - 1);
    if (best.size() == count && bound < best.back().weight) break;  // nothing later can enter
    const double n = db.get_termfreq(word->word);
    const ExpandTerm e{word->word, trad_weight(word->stats, n, rsize, dbsize)};
    if (e.weight <= 0) continue;  // Xapian keeps positive weights only
    if (best.size() == count && !before(e, best.back())) continue;
    best.insert(std::upper_bound(best.begin(), best.end(), e, before), e);
    if (best.size() > count) best.pop_back();
  }
  return best;
}

Xapian::Query feedback_terms(const Xapian::Database& db, const Xapian::Query& q,
                             const Xapian::Weight& weight, const Xapian::Stopper* stopper,
                             const FeedbackOptions& options) {
  // No document is short enough (a library of books): the first match
  // would find nothing to learn from (a quarter of a books query's work).
  if (db.get_doclength_lower_bound() > options.max_length) return Xapian::Query();
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_weighting_scheme(weight);
  set_sort(enquire, SortBy::kRelevance, false);  // the same best hits over shards
  Xapian::MSet top = enquire.get_mset(0, options.docs, 0, nullptr, options.decider);
  if (top.size() < 2) return Xapian::Query();
  std::vector<Xapian::docid> docs;
  for (auto it = top.begin(); it != top.end(); ++it) {
    if (db.get_doclength(*it) <= options.max_length) docs.push_back(*it);
  }
  if (docs.size() < 2) return Xapian::Query();
  // Term frequencies are exact: over shards they are those of all shards,
  // so feedback ranks as over one merged database.
  const std::vector<ExpandTerm> best =
      best_expansion_terms(db, docs, options.terms, FeedbackDecider(q, stopper));
  if (best.empty()) return Xapian::Query();
  std::vector<Xapian::Query> terms;
  for (const ExpandTerm& e : best) {
    // Each new word counts in proportion to its feedback weight.
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(e.term),
                       options.weight * e.weight / best.front().weight);
  }
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace trawl::searcher
