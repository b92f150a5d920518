// -L, --files-without-match: the files a search leaves out.
//
// grep -L lists the files in which no line matches; trawl lists the
// indexed files in scope (-t/-T, --after/--before, -g) none of whose
// documents (a file's parts, a folder of mail's messages) match the
// query. Both sets are read from the database: the paths of every
// document in scope, less those of the documents that match.
#include <xapian.h>

#include "extras.h"
#include "schema.h"
#include "search.h"

namespace trawl::searcher {

std::set<std::string> Searcher::paths_of(const Xapian::Query& q,
                                         const Xapian::MatchDecider* decider) {
  Xapian::Enquire enquire(db_);
  enquire.set_query(q);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount(), 0, nullptr, decider);
  std::set<std::string> paths;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    std::string path = doc.get_value(schema::kSlotPath);
    if (path.empty()) {  // an older record without the slot
      schema::DocRecord record;
      if (schema::decode_record(doc.get_data(), &record)) path = record.path;
    }
    if (!path.empty()) paths.insert(std::move(path));
  }
  return paths;
}

void Searcher::files_without(const SearchOptions& options, const Xapian::Query& matching,
                             const Deciders& deciders, SearchResult* result) {
  const Xapian::Query scope =
      with_type_filter(with_date_filter(Xapian::Query::MatchAll, options.after, options.before),
                       options.types, options.types_not);
  const std::set<std::string> matched = paths_of(matching, deciders.first);
  for (const std::string& path : paths_of(scope, deciders.paths.get())) {
    if (matched.count(path)) continue;
    Hit hit;
    hit.record.path = path;
    result->hits.push_back(std::move(hit));
  }
  result->exact = true;
  result->matches_estimated = result->matches_lower = result->matches_upper = result->hits.size();
}

}  // namespace trawl::searcher
