// run_search: one trawl-search run. Opens the database, runs the query and
// renders the result on `out`; warnings go through Diag.
//
// Returns the exit code: kExitOk if anything matched, kExitNoMatch if not.
// Throws trawl::Error (exit 2) if the database cannot be used.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "diag.h"
#include "options.h"

namespace trawl::searcher {

int run_search(const SearchOptions& options, std::ostream& out, Diag& diag,
               const std::string& cwd);

// Writes everything about a query that is not a result to `diag` (stderr):
// --debug, warnings, parts left out, spelling suggestions (not in batches),
// stale folders.
struct SearchResult;

// db_path and more_dbs, in order.
inline std::vector<std::string> all_databases(const SearchOptions& options) {
  std::vector<std::string> out{options.db_path};
  out.insert(out.end(), options.more_dbs.begin(), options.more_dbs.end());
  return out;
}
void report_result(const SearchOptions& options, const SearchResult& result, Diag& diag);

}  // namespace trawl::searcher
