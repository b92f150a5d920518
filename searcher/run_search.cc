#include "run_search.h"

#include <chrono>
#include <thread>

#include <xapian.h>

#include "diag.h"
#include "error.h"
#include "render.h"
#include "search.h"
#include "stats.h"

namespace trawl::searcher {
namespace {

constexpr int kMaxAttempts = 10;  // pauses of 2, 4, ... 512 ms: about a second in all

// The shards that do not answer now ("" if all do).
std::string failing_shards(const SearchOptions& options) {
  OpenOptions probe = options.open;
  probe.allow_partial = true;
  try {
    const OpenedDatabase opened = open_parts(all_databases(options), probe);
    std::string out;
    for (const std::string& m : opened.missing) out += (out.empty() ? "" : "; ") + m;
    for (const std::string& m : failing_parts(opened)) out += (out.empty() ? "" : "; ") + m;
    return out;
  } catch (const Error& e) {
    return e.what();
  }
}

// Opens the database and searches it. An indexer committing at the same
// moment can make a reader see a revision that is being recycled
// (DatabaseModifiedError, a block of the wrong level while opening, a hit's
// document already gone): open again and retry, with a short pause, before
// reporting an error.
SearchResult search_with_retries(const SearchOptions& options) {
  for (int attempt = 1;; ++attempt) {
    try {
      Searcher searcher(all_databases(options), options.open);
      return searcher.search(options);
    } catch (const Xapian::NetworkError& e) {
      // A shard failed after it opened: name it, or (--allow-partial) open
      // again without it.
      const std::string failing = failing_shards(options);
      if (!options.open.allow_partial || attempt >= 2) {
        throw Error("shard " + (failing.empty() ? std::string("?") : failing) + ": " + e.get_msg());
      }
      continue;
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
  std::string subject =
      "query " + (options.query_id.empty() ? "" : options.query_id + " ") + quote(options.query);
  if (!options.query_files.empty()) {  // -f: the files name the queries
    subject.clear();
    for (const std::string& f : options.query_files) {
      subject += (subject.empty() ? "-f " : ", -f ") + quote(f);
    }
    if (options.query.find_first_not_of(" \t") != std::string::npos) {
      subject += " and " + quote(options.query);
    }
  }
  if (options.debug) {
    diag.note("rewritten query: " + quote(result.rewritten, 10000));
    diag.note("parsed query: " + result.parsed_query);
  }
  if (!result.warning.empty()) {
    diag.warning(subject, result.warning + "; searching for the words instead");
  }
  if (result.no_words) diag.warning(subject, "nothing to search for (no word in it)");
  for (const std::string& p : result.problems) {
    diag.warning(subject, "left out " + quote(p) + ": not a date or size range");
  }
  if (result.auto_corrected) {
    diag.note("nothing matched " + quote(options.query) + "; showing results for " +
              quote(result.did_you_mean));
  } else if (!result.did_you_mean.empty() && options.query_id.empty()) {
    diag.note("did you mean: " + result.did_you_mean + "?  (--auto-correct searches for it)");
  }
  if (!result.missing_shards.empty()) {
    std::string list;
    for (const std::string& m : result.missing_shards) list += (list.empty() ? "" : "; ") + m;
    diag.warning("database " + quote(options.db_path),
                 "partial results: " + std::to_string(result.missing_shards.size()) +
                     " shard(s) left out (" + list + ")");
  }
  const std::string* named = nullptr;  // (a file's parts, shown one by one, are named once)
  for (const Hit& hit : result.hits) {
    if (!hit.text_changed || (named && *named == hit.record.path)) continue;
    named = &hit.record.path;
    diag.warning(quote(hit.record.path), "changed or gone since it was indexed: snippet left out "
                                         "(run trawl-index again, or index with --store-text all)");
  }
  if (result.stale > 0) {
    diag.warning("database " + quote(options.db_path),
                 std::to_string(result.stale) + " indexed folder" + (result.stale == 1 ? "" : "s") +
                     " changed since the last trawl-index run (run it again, or search with --fresh)");
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
  if (options.stats) {
    SearchStats stats;
    stats.add(result);
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out.flush();  // the results before the line on stderr
    diag.note(format_stats(stats));
  }
  const bool matched = options.mode == OutputMode::kCount ? result.matches_estimated > 0
                                                          : result.matches_lower > 0 ||
                                                                !result.hits.empty();
  return matched ? kExitOk : kExitNoMatch;
}

}  // namespace trawl::searcher
