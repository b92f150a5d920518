#include "run_search.h"

#include <chrono>
#include <thread>

#include <xapian.h>

#include "diag.h"
#include "error.h"
#include "render.h"
#include "search.h"

namespace trawl::searcher {
namespace {

constexpr int kMaxAttempts = 10;  // pauses of 2, 4, ... 512 ms: about a second in all

// Opens the database and searches it. An indexer committing at the same
// moment can make a reader see a revision that is being recycled
// (DatabaseModifiedError, a block of the wrong level while opening, a hit's
// document already gone): open again and retry, with a short pause, before
// reporting an error.
SearchResult search_with_retries(const SearchOptions& options) {
  for (int attempt = 1;; ++attempt) {
    try {
      Searcher searcher(options.db_path);
      return searcher.search(options);
    } catch (const Xapian::DatabaseError&) {
      if (attempt >= kMaxAttempts) throw;
    } catch (const Xapian::DocNotFoundError&) {
      if (attempt >= kMaxAttempts) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1 << attempt));
  }
}

}  // namespace

void report_result(const SearchOptions& options, const SearchResult& result, Diag& diag) {
  const std::string subject =
      "query " + (options.query_id.empty() ? "" : options.query_id + " ") + quote(options.query);
  if (options.debug) {
    diag.note("rewritten query: " + quote(result.rewritten, 10000));
    diag.note("parsed query: " + result.parsed_query);
  }
  if (!result.warning.empty()) {
    diag.warning(subject, result.warning + "; searching for the words instead");
  }
  for (const std::string& p : result.problems) {
    diag.warning(subject, "left out " + quote(p) + ": not a date or size range");
  }
  if (result.auto_corrected) {
    diag.note("nothing matched " + quote(options.query) + "; showing results for " +
              quote(result.did_you_mean));
  } else if (!result.did_you_mean.empty() && options.query_id.empty()) {
    diag.note("did you mean: " + result.did_you_mean + "?  (--auto-correct searches for it)");
  }
  if (result.stale > 0) {
    diag.warning("database " + quote(options.db_path),
                 std::to_string(result.stale) + " indexed folder" + (result.stale == 1 ? "" : "s") +
                     " changed since the last trawl-index run (run it again to update)");
  }
}

int run_search(const SearchOptions& options, std::ostream& out, Diag& diag,
               const std::string& cwd) {
  const auto start = std::chrono::steady_clock::now();
  SearchResult result = search_with_retries(options);
  report_result(options, result, diag);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Renderer(options, out, cwd).render(result, elapsed);
  const bool matched = options.mode == OutputMode::kCount ? result.matches_estimated > 0
                                                          : result.matches_lower > 0 ||
                                                                !result.hits.empty();
  return matched ? kExitOk : kExitNoMatch;
}

}  // namespace trawl::searcher
