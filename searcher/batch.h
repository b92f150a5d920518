// Batch mode (--queries FILE): many queries against one open database, as
// scripts and evaluations run them.
//
// FILE holds one query a line, either JSON ({"_id": "q1", "text": "..."},
// as BEIR's queries.jsonl; "id"/"query" are read too) or "id<TAB>query".
// A line that is neither is reported (file and line) and skipped; blank
// lines and lines starting with '#' are skipped silently.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "diag.h"
#include "options.h"

namespace trawl::searcher {

struct BatchQuery {
  std::string id;
  std::string text;
};

// Reads the queries of `in` (named `name` in messages).
std::vector<BatchQuery> read_queries(std::istream& in, const std::string& name, Diag& diag);

// Runs every query of options.queries_file, rendering each like a single
// search (with its id; see render.h). Returns kExitOk if any query matched,
// kExitNoMatch if none did. Throws trawl::Error if the file or the database
// cannot be used.
int run_batch(const SearchOptions& options, std::ostream& out, Diag& diag, const std::string& cwd);

}  // namespace trawl::searcher
