#include "cjk_query.h"

#include <string>
#include <vector>

#include "cjk.h"
#include "expand.h"
#include "schema.h"
#include "utf8.h"

namespace trawl::searcher {
namespace {

// The word of an unprefixed leaf: "Z" + word for a stem leaf (a field's
// stem leaf is "Z" + upper-case prefix + word), else the term itself; ""
// for a prefixed term.
std::string plain_word(const Xapian::Query& leaf) {
  std::string term = *leaf.get_terms_begin();
  const std::string_view z = schema::kStemPrefix;
  if (term.compare(0, z.size(), z) == 0) term.erase(0, z.size());
  if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return "";
  return term;
}

// The CJK text a leaf or phrase stands for, "" if it is anything else.
std::string cjk_text(const Xapian::Query& q) {
  if (q.get_type() == Xapian::Query::LEAF_TERM) {
    std::string w = plain_word(q);
    return is_cjk_word(w) ? w : "";
  }
  if (q.get_type() != Xapian::Query::OP_PHRASE) return "";
  std::string run;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    const Xapian::Query sub = q.get_subquery(i);
    if (sub.get_type() != Xapian::Query::LEAF_TERM) return "";
    std::string w = plain_word(sub);
    if (!is_cjk_word(w)) return "";
    run += w;
  }
  return run;
}

// `q` OR the AND of the bigrams of `run` (two characters or more).
Xapian::Query with_backup(const Xapian::Query& q, const std::string& run) {
  const std::vector<std::string> bigrams = cjk_bigrams(run);
  const Xapian::Query backup = bigrams.size() == 1
                                   ? Xapian::Query(bigrams[0])
                                   : Xapian::Query(Xapian::Query::OP_AND, bigrams.begin(),
                                                   bigrams.end());
  return Xapian::Query(Xapian::Query::OP_OR, q, backup);
}

// add_cjk_backups(), setting *changed if it added any.
Xapian::Query backups(const Xapian::Query& q, bool* changed) {
  const std::string run = cjk_text(q);
  if (!run.empty() && utf8::length(run) >= 2) {
    *changed = true;
    return with_backup(q, run);
  }
  if (!rebuildable(q.get_type())) return q;
  std::vector<Xapian::Query> subs;
  bool any = false;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    subs.push_back(backups(q.get_subquery(i), &any));
  }
  if (!any) return q;
  *changed = true;
  return Xapian::Query(q.get_type(), subs.begin(), subs.end());
}

}  // namespace

Xapian::Query add_cjk_backups(const Xapian::Query& q) {
  bool changed = false;
  return backups(q, &changed);
}

}  // namespace trawl::searcher
