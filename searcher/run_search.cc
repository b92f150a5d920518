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

constexpr int kMaxAttempts = 6;

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
    std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
  }
}

}  // namespace

int run_search(const SearchOptions& options, std::ostream& out, Diag& diag,
               const std::string& cwd) {
  const auto start = std::chrono::steady_clock::now();
  SearchResult result = search_with_retries(options);
  if (!result.warning.empty()) {
    diag.warning("query " + quote(options.query),
                 result.warning + "; searching for the words instead");
  }
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Renderer(options, out, cwd).render(result, elapsed);
  const bool matched = options.mode == OutputMode::kCount ? result.matches_estimated > 0
                                                          : result.matches_lower > 0 ||
                                                                !result.hits.empty();
  return matched ? kExitOk : kExitNoMatch;
}

}  // namespace trawl::searcher
