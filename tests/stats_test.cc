// --stats: the line printed on stderr after the results, from the results.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "stats.h"

namespace trawl::searcher {
namespace {

struct StatsCase {
  size_t queries;
  size_t matches_each;   // estimate of every query
  bool exact;            // the counts were exact (-c, --facets)
  size_t lower_each;     // Xapian's lower bound of every query
  size_t hits_each;      // hits shown per query
  size_t similar_each;   // near-duplicates folded under the first hit
  double seconds;
  std::string_view want;
};

const StatsCase kStats[] = {
    {1, 3, false, 3, 2, 1, 0.0041, "1 query, 3 matching documents, 2 shown, 1 near-duplicate folded, 0.004 seconds"},
    {1, 1, true, 1, 1, 0, 0.25, "1 query, 1 matching document, 1 shown, 0.250 seconds"},
    {1, 0, false, 0, 0, 0, 0.001, "1 query, 0 matching documents, 0 shown, 0.001 seconds"},
    // Bounds apart: the count is Xapian's estimate.
    {1, 120, false, 80, 10, 2, 0.01, "1 query, about 120 matching documents, 10 shown, 2 near-duplicates folded, 0.010 seconds"},
    {1, 120, true, 80, 10, 0, 0.01, "1 query, 120 matching documents, 10 shown, 0.010 seconds"},
    // A batch sums its queries and gives their rate.
    {20, 10, false, 10, 5, 0, 0.5, "20 queries, 200 matching documents, 100 shown, 0.500 seconds (40 queries/s)"},
    {0, 0, false, 0, 0, 0, 0.0, "0 queries, 0 matching documents, 0 shown, 0.000 seconds"},
};

TEST_CASE("format_stats: counts summed over the queries, estimates said so") {
  for (const StatsCase& c : kStats) {
    CAPTURE(c.want);
    SearchStats stats;
    for (size_t q = 0; q < c.queries; ++q) {
      SearchResult r;
      r.matches_estimated = c.matches_each;
      r.matches_lower = c.lower_each;
      r.matches_upper = c.matches_each + (c.lower_each == c.matches_each ? 0 : 40);
      r.exact = c.exact;
      r.hits.resize(c.hits_each);
      if (!r.hits.empty()) r.hits[0].similar.resize(c.similar_each);
      stats.add(r);
    }
    stats.seconds = c.seconds;
    CHECK(format_stats(stats) == c.want);
  }
}

}  // namespace
}  // namespace trawl::searcher
