#include "run_search.h"

#include <chrono>

#include "diag.h"
#include "error.h"
#include "render.h"
#include "search.h"

namespace trawl::searcher {

int run_search(const SearchOptions& options, std::ostream& out, Diag& diag,
               const std::string& cwd) {
  const auto start = std::chrono::steady_clock::now();
  Searcher searcher(options.db_path);
  SearchResult result = searcher.search(options);
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
