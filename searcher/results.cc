// Counts, near-duplicate folding and explanations (extras.h).
#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "cjk.h"
#include "extras.h"
#include "minhash.h"
#include "schema.h"

namespace trawl::searcher {
namespace {

// The parts of a query that carry weight: words (with their forms),
// phrases, wildcards, and what ranking.h adds (a proximity bonus, the
// title field, feedback words: each scaled part whole). Boolean filters
// and NOT branches carry none.
bool is_bonus(const Xapian::Query& q);

void scoring_parts(const Xapian::Query& q, std::vector<Xapian::Query>* parts) {
  if (is_bonus(q)) {  // a proximity bonus is one part
    parts->push_back(q);
    return;
  }
  switch (q.get_type()) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
      for (size_t i = 0; i < q.get_num_subqueries(); ++i) scoring_parts(q.get_subquery(i), parts);
      return;
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_FILTER:
      if (q.get_num_subqueries() > 0) scoring_parts(q.get_subquery(0), parts);
      return;
    case Xapian::Query::OP_SCALE_WEIGHT:
      // "0 * filters" (QueryParser's boolean-only query) weighs nothing.
      if (q.get_description().rfind("Query(0 * ", 0) != 0) parts->push_back(q);
      return;
    case Xapian::Query::OP_VALUE_RANGE:
    case Xapian::Query::OP_VALUE_GE:
    case Xapian::Query::OP_VALUE_LE:
    case Xapian::Query::LEAF_MATCH_ALL:
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return;
    default:
      parts->push_back(q);
  }
}

// A proximity bonus (proximity.h): a condition AND a fixed-weight source.
bool is_bonus(const Xapian::Query& q) {
  return q.get_type() == Xapian::Query::OP_AND && q.get_num_subqueries() == 2 &&
         q.get_subquery(1).get_type() == Xapian::Query::LEAF_POSTING_SOURCE;
}

// "Query(foo)" -> "foo": Xapian's description without its wrapper; a
// proximity bonus as "close together: a b"; a CJK pair as "characters: 东京".
std::string label(const Xapian::Query& q) {
  auto terms = [&q](const char* what, size_t strip) {
    std::string out = what;
    for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
      out.append(" ").append((*t).substr(std::min(strip, (*t).size())));
    }
    return out;
  };
  if (is_bonus(q)) return terms("close together:", 0);
  if (q.get_type() == Xapian::Query::LEAF_TERM && is_bigram_term(*q.get_terms_begin())) {
    return terms("characters:", schema::kBigramPrefix.size());  // a CJK pair (cjk.h)
  }
  if (q.get_type() == Xapian::Query::OP_SCALE_WEIGHT &&
      q.get_unique_terms_begin() != q.get_unique_terms_end()) {
    const std::string first = *q.get_unique_terms_begin();
    const std::string title(schema::kTitlePrefix);
    if (first.compare(0, title.size(), title) == 0) return terms("in the title:", title.size());
    return terms("from the best hits:", 0);
  }
  std::string d = q.get_description();
  if (d.rfind("Query(", 0) == 0 && d.back() == ')') d = d.substr(6, d.size() - 7);
  return d;
}

std::vector<std::string> leaf_terms(const Xapian::Query& q) {
  return std::vector<std::string>(q.get_unique_terms_begin(), q.get_unique_terms_end());
}

}  // namespace

void set_counts(const Xapian::MSet& mset, SearchResult* result) {
  result->matches_lower = mset.get_matches_lower_bound();
  result->matches_estimated = mset.get_matches_estimated();
  result->matches_upper = mset.get_matches_upper_bound();
}

namespace {

// The value in `slot` of each document of `mset`, in rank order (the
// MinHash signatures, the part numbers). One value stream visited in docid
// order reads each block once; a Document::get_value per hit descends the
// B-tree again for each.
std::vector<std::string> values_of(const Xapian::Database& db, const Xapian::MSet& mset,
                                   Xapian::valueno slot) {
  std::vector<std::pair<Xapian::docid, size_t>> order;  // docid, rank
  for (auto it = mset.begin(); it != mset.end(); ++it) order.emplace_back(*it, order.size());
  std::sort(order.begin(), order.end());
  std::vector<std::string> out(order.size());
  Xapian::ValueIterator v = db.valuestream_begin(slot);
  for (const auto& [docid, rank] : order) {
    if (v == db.valuestream_end(slot)) break;
    v.skip_to(docid);
    if (v != db.valuestream_end(slot) && v.get_docid() == docid) out[rank] = *v;
  }
  return out;
}

// For each document of `mset` that is a part of a long text, its file's
// path (else ""): the parts of one file fold into one hit.
std::vector<std::string> part_files(const Xapian::Database& db, const Xapian::MSet& mset,
                                    std::vector<std::string>* parts) {
  *parts = values_of(db, mset, schema::kSlotPart);
  std::vector<std::string> files(parts->size());
  if (std::all_of(parts->begin(), parts->end(), [](const std::string& p) { return p.empty(); })) {
    return files;
  }
  const std::vector<std::string> paths = values_of(db, mset, schema::kSlotPath);
  for (size_t i = 0; i < files.size(); ++i) {
    if (!(*parts)[i].empty()) files[i] = paths[i];
  }
  return files;
}

}  // namespace

std::vector<Hit> collapse_near_duplicates(const Xapian::Database& db, const Xapian::MSet& mset,
                                          HitMaker make_hit, HitMaker make_similar, size_t from,
                                          size_t to, size_t* groups) {
  std::vector<Hit> page;
  std::vector<std::string> signatures;  // of every group's first hit
  const std::vector<std::string> sigs = values_of(db, mset, schema::kSlotMinHash);
  std::vector<std::string> parts;
  const std::vector<std::string> files = part_files(db, mset, &parts);
  std::unordered_map<std::string, size_t> file_groups;  // a file in parts -> its group
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const size_t i = it.get_rank() - mset.get_firstitem();
    // A later part of a file whose best part heads a group folds under it.
    if (auto known = file_groups.find(files[i]); !files[i].empty() && known != file_groups.end()) {
      if (known->second >= from && known->second < to) {
        page[known->second - from].more_parts.push_back(
            static_cast<uint32_t>(std::strtoul(parts[i].c_str(), nullptr, 10)));
      }
      continue;
    }
    const std::string& sig = sigs[i];
    size_t best = signatures.size();
    double best_sim = 0;
    for (size_t k = 0; k < signatures.size(); ++k) {
      double sim = similarity(sig, signatures[k]);
      if (sim >= kNearDuplicate && sim > best_sim) best = k, best_sim = sim;
    }
    if (!files[i].empty() && best == signatures.size()) file_groups[files[i]] = best;
    const bool on_page = best >= from && best < to;
    if (best == signatures.size()) signatures.push_back(sig);
    if (!on_page) continue;
    if (best - from == page.size()) {
      page.push_back(make_hit(it));
    } else {
      Hit hit = make_similar(it);
      page[best - from].similar.push_back(
          Similar{hit.record.path, hit.record.id, hit.record.title, hit.score, best_sim});
    }
  }
  *groups = signatures.size();
  return page;
}

void explain_hits(const Xapian::Database& db, const Xapian::Query& q, const Xapian::Weight& weight,
                  std::vector<Hit>* hits) {
  std::vector<Xapian::Query> parts;
  scoring_parts(q, &parts);
  for (Hit& hit : *hits) {
    const std::string id = schema::id_term(hit.record.key.empty() ? hit.record.path : hit.record.key);
    Xapian::Document doc = db.get_document(hit.docid);
    for (const Xapian::Query& part : parts) {
      Xapian::Enquire enquire(db);
      enquire.set_weighting_scheme(weight);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, part, Xapian::Query(id)));
      Xapian::MSet one = enquire.get_mset(0, 1);
      if (one.empty()) continue;
      Contribution c;
      c.term = label(part);
      c.weight = one.begin().get_weight();
      for (const std::string& t : leaf_terms(part)) {
        Xapian::TermIterator in = doc.termlist_begin();
        in.skip_to(t);
        if (in != doc.termlist_end() && *in == t) c.matched.push_back(t);
      }
      hit.explain.push_back(std::move(c));
    }
    std::sort(hit.explain.begin(), hit.explain.end(),
              [](const Contribution& a, const Contribution& b) { return a.weight > b.weight; });
  }
}

}  // namespace trawl::searcher
