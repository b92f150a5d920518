#include "stats.h"

#include <cstdio>

namespace trawl::searcher {
namespace {

// "1 query", "2 queries": `n` and the word, plural unless n == 1.
std::string counted(size_t n, const char* one, const char* many) {
  return std::to_string(n).append(" ").append(n == 1 ? one : many);
}

}  // namespace

void SearchStats::add(const SearchResult& result) {
  ++queries;
  matches += result.matches_estimated;
  estimated = estimated || (!result.exact && result.matches_lower != result.matches_upper);
  shown += result.hits.size();
  for (const Hit& hit : result.hits) folded += hit.similar.size();
}

void SearchStats::add(const SearchStats& other) {
  queries += other.queries;
  matches += other.matches;
  estimated = estimated || other.estimated;
  shown += other.shown;
  folded += other.folded;
}

std::string format_stats(const SearchStats& stats) {
  std::string line = counted(stats.queries, "query", "queries");
  line.append(stats.estimated ? ", about " : ", ")
      .append(counted(stats.matches, "matching document", "matching documents"))
      .append(", ")
      .append(std::to_string(stats.shown))
      .append(" shown");
  if (stats.folded > 0) {
    line.append(", ").append(counted(stats.folded, "near-duplicate", "near-duplicates")).append(" folded");
  }
  char time[64];
  std::snprintf(time, sizeof time, ", %.3f seconds", stats.seconds);
  line.append(time);
  if (stats.queries > 1 && stats.seconds > 0) {
    std::snprintf(time, sizeof time, " (%.0f queries/s)", stats.queries / stats.seconds);
    line.append(time);
  }
  return line;
}

}  // namespace trawl::searcher
