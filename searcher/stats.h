// --stats: what a run found and how long it took, as one line for stderr
// (ripgrep prints its --stats on stdout; trawl keeps stdout for results, so
// that `trawl-search -l --stats ... | xargs` still works).
//
//   1 query, 3 matching documents, 2 shown, 1 near-duplicate folded, 0.004 seconds
//   20 queries, about 5230 matching documents, 200 shown, 0.061 seconds (328 queries/s)
//
// Plain value type; not thread-safe.
#pragma once

#include <cstddef>
#include <string>

#include "search.h"

namespace trawl::searcher {

struct SearchStats {
  size_t queries = 0;
  size_t matches = 0;       // Xapian's estimate, summed over the queries
  bool estimated = false;   // some count was an estimate, not exact
  size_t shown = 0;         // hits printed
  size_t folded = 0;        // near-duplicates folded under them
  double seconds = 0;       // wall time of the searches and their output

  // Counts one query's result.
  void add(const SearchResult& result);
  // Counts what `other` counted (its seconds are left out).
  void add(const SearchStats& other);
};

// The line described above (no program name, no newline).
std::string format_stats(const SearchStats& stats);

}  // namespace trawl::searcher
