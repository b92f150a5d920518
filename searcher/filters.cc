// Filters, order, documents-like-this and freshness (extras.h).
#include <sys/stat.h>

#include "extras.h"
#include "paths.h"
#include "schema.h"

namespace trawl::searcher {
namespace {

// Words worth using to find similar documents: content words that some
// other document holds too (relevance feedback favours words found only in
// the given document, which can find nothing else).
class LikeDecider : public Xapian::ExpandDecider {
 public:
  explicit LikeDecider(const Xapian::Database& db) : db_(db) {}
  bool operator()(const std::string& term) const override {
    return expandable(term) && db_.get_termfreq(term) > 1;
  }

 private:
  const Xapian::Database& db_;
};

}  // namespace

PathFilter::PathFilter(const std::vector<std::string>& globs, std::string cwd)
    : globs_(globs), cwd_(std::move(cwd)) {}

// As in trawl-index's crawl, a folder an excluding glob removes ("!old/")
// takes its files with it. A path outside `cwd` is printed absolute: its
// leading '/' is matched as a glob's leading '/' (the root of the path).
bool PathFilter::operator()(const Xapian::Document& doc) const {
  std::string rel = display_path(doc.get_value(schema::kSlotPath), cwd_);
  if (!rel.empty() && rel[0] == '/') rel.erase(0, 1);
  for (size_t slash = rel.find('/'); slash != std::string::npos; slash = rel.find('/', slash + 1)) {
    if (!globs_.included(std::string_view(rel).substr(0, slash), true)) return false;
  }
  return globs_.included(rel, false);
}

Xapian::Query with_date_filter(const Xapian::Query& q, const std::string& after,
                               const std::string& before) {
  if (after.empty() && before.empty()) return q;
  Xapian::Query range;
  if (!after.empty() && !before.empty()) {
    range = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, after, before);
  } else if (!after.empty()) {
    range = Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, after);
  } else {
    range = Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, before);
  }
  const Xapian::Query base = q.empty() ? Xapian::Query::MatchAll : q;
  return Xapian::Query(Xapian::Query::OP_FILTER, base, range);
}

Xapian::Query with_type_filter(const Xapian::Query& q, const std::vector<std::string>& types,
                               const std::vector<std::string>& types_not) {
  if (types.empty() && types_not.empty()) return q;
  const auto any_of = [](const std::vector<std::string>& formats) {
    std::vector<Xapian::Query> terms;
    for (const std::string& f : formats) terms.emplace_back(std::string(schema::kFormatPrefix) + f);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  };
  Xapian::Query out = q.empty() ? Xapian::Query::MatchAll : q;
  if (!types.empty()) out = Xapian::Query(Xapian::Query::OP_FILTER, out, any_of(types));
  if (!types_not.empty()) out = Xapian::Query(Xapian::Query::OP_AND_NOT, out, any_of(types_not));
  return out;
}

void set_sort(Xapian::Enquire& enquire, SortBy sort, bool reverse) {
  switch (sort) {
    case SortBy::kRelevance:
      // Equal scores in path order, not docid order: the same ranking
      // whether the documents sit in one database or in shards.
      return enquire.set_sort_by_relevance_then_value(schema::kSlotPath, false);
    case SortBy::kDate:
      return enquire.set_sort_by_value_then_relevance(schema::kSlotDate, reverse);
    case SortBy::kModified:
      return enquire.set_sort_by_value_then_relevance(schema::kSlotMtime, reverse);
    case SortBy::kPath:
      return enquire.set_sort_by_value_then_relevance(schema::kSlotPath, reverse);
    case SortBy::kSize:
      return enquire.set_sort_by_value_then_relevance(schema::kSlotSize, reverse);
  }
}

Xapian::Query similar_documents(const Xapian::Database& db, const std::string& term) {
  Xapian::RSet rset;
  rset.add_document(*db.postlist_begin(term));
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(term));
  LikeDecider decider(db);
  Xapian::ESet eset = enquire.get_eset(kLikeTerms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
  std::vector<Xapian::Query> words;
  for (auto it = eset.begin(); it != eset.end(); ++it) words.emplace_back(*it);
  Xapian::Query like(Xapian::Query::OP_OR, words.begin(), words.end());
  return Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(term));
}

size_t stale_folders(const Xapian::Database& db) {
  const std::string list = db.get_metadata(std::string(schema::kMetaDirs));
  size_t stale = 0, checked = 0;
  for (size_t pos = 0; pos < list.size() && checked < kMaxFoldersChecked; ++checked) {
    size_t eol = list.find('\n', pos);
    if (eol == std::string::npos) eol = list.size();
    const std::string line = list.substr(pos, eol - pos);
    pos = eol + 1;
    size_t space = line.find(' ');
    if (space == std::string::npos) continue;
    struct stat st;
    const std::string path = line.substr(space + 1);
    if (::stat(path.c_str(), &st) != 0 ||
        std::to_string(static_cast<long long>(st.st_mtim.tv_sec)) != line.substr(0, space)) {
      ++stale;
    }
  }
  return stale;
}

}  // namespace trawl::searcher
