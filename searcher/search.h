// Searcher: runs a query against a trawl database and returns ranked hits
// with their records and snippets. Prints nothing.
//
// The stemming language is read from the database, so queries are analysed
// exactly as the documents were. A search that meets a concurrent commit
// (Xapian::DatabaseModifiedError) reopens the database and retries.
// Not thread-safe.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "options.h"
#include "schema.h"
#include "snippet.h"

namespace trawl::searcher {

struct Hit {
  size_t rank = 0;        // 1-based, counting from the first hit overall
  double score = 0;       // BM25
  Xapian::docid docid = 0;
  schema::DocRecord record;
  Snippet snippet;
  std::vector<Span> title_highlights;
};

struct SearchResult {
  std::vector<Hit> hits;
  Xapian::doccount matches_lower = 0;
  Xapian::doccount matches_estimated = 0;
  Xapian::doccount matches_upper = 0;
  std::string parsed_query;  // Xapian's description of the query
  std::string warning;       // the query was retried as plain words
};

class Searcher {
 public:
  // Opens the database read-only. Throws trawl::Error (exit 2) if it does
  // not exist, cannot be opened, or is not a trawl database.
  explicit Searcher(const std::string& db_path);
  // Searches an open database (tests pass an in-memory one); `name` is used
  // in messages.
  Searcher(Xapian::Database db, std::string name);

  SearchResult search(const SearchOptions& options);

  const std::string& language() const { return language_; }

 private:
  SearchResult search_once(const SearchOptions& options);

  std::string path_;
  Xapian::Database db_;
  std::string language_;
  Xapian::Stem stemmer_;
};

}  // namespace trawl::searcher
