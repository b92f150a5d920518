#include "compounds.h"

#include "expand.h"

namespace trawl::searcher {
namespace {

using Joined = std::function<Xapian::Query(const std::string&)>;

// The alias of the compound phrase `q` stands for, or "".
std::string alias_of(const Xapian::Query& q, const std::vector<Compound>& compounds) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    const Xapian::Query sub = q.get_subquery(i);
    if (sub.get_type() != Xapian::Query::LEAF_TERM) return "";
    parts.push_back(*sub.get_terms_begin());
  }
  for (const Compound& c : compounds) {
    if (c.parts == parts) return c.joined;
  }
  return "";
}

Xapian::Query aliases(const Xapian::Query& q, const std::vector<Compound>& compounds, const Joined& joined,
                      bool* changed) {
  const auto op = q.get_type();
  if (op == Xapian::Query::OP_PHRASE) {
    const std::string alias = alias_of(q, compounds);
    if (alias.empty()) return q;
    *changed = true;
    return Xapian::Query(Xapian::Query::OP_OR, q,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, joined(alias), 0.0));
  }
  if (!rebuildable(op)) return q;  // NEAR, ADJ and the like keep their phrases
  std::vector<Xapian::Query> subs;
  bool any = false;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    subs.push_back(aliases(q.get_subquery(i), compounds, joined, &any));
  }
  if (!any) return q;
  *changed = true;
  return Xapian::Query(op, subs.begin(), subs.end());
}

}  // namespace

Xapian::Query add_compound_aliases(const Xapian::Query& q, const std::vector<Compound>& compounds,
                                   const Joined& joined) {
  if (compounds.empty()) return q;
  bool changed = false;
  return aliases(q, compounds, joined, &changed);
}

}  // namespace trawl::searcher
