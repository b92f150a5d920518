#include "batch.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "analyzer.h"
#include "error.h"
#include "ordered_pool.h"
#include "render.h"
#include "run_search.h"
#include "search.h"
#include "stats.h"

namespace trawl::searcher {
namespace {

constexpr int kMaxAttempts = 10;

// The id and text of a JSON query line; false if it has neither.
bool parse_json_query(const std::string& line, BatchQuery* q) {
  const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (!j.is_object()) return false;
  for (const char* key : {"_id", "id", "qid"}) {
    if (!j.contains(key)) continue;
    const auto& v = j[key];
    q->id = v.is_string() ? v.get<std::string>() : v.is_number() ? v.dump() : "";
    break;
  }
  for (const char* key : {"text", "query"}) {
    if (j.contains(key) && j[key].is_string()) q->text = j[key].get<std::string>();
  }
  return !q->id.empty() && !q->text.empty();
}

// Runs `options.query` on *searcher, reopening it (a new Searcher) if a
// concurrent commit gets in the way. False if the query cannot be run: it
// is reported and skipped.
bool search_one(const SearchOptions& options, std::unique_ptr<Searcher>* searcher, Diag& diag,
                SearchResult* result) {
  for (int attempt = 1;; ++attempt) {
    try {
      *result = (*searcher)->search(options);
      return true;
    } catch (const Error& e) {  // this query cannot be run: say so, go on
      diag.warning("query " + options.query_id, std::string(e.what()) + "; skipped");
      return false;
    } catch (const Xapian::DatabaseError&) {
      if (attempt >= kMaxAttempts) throw;
    } catch (const Xapian::DocNotFoundError&) {
      if (attempt >= kMaxAttempts) throw;
    }
    *searcher = std::make_unique<Searcher>(all_databases(options), options.open);  // reopen
  }
}

// One query's output and messages, held until the queries before it are
// written.
struct Answer {
  std::string output;
  std::string messages;  // what its Diag wrote, with the counts below
  int errors = 0;
  int warnings = 0;
  SearchStats stats;  // of this query alone
  bool matched = false;
};

// Runs query q (the batch's first if `first`) on *searcher and renders it.
// Throws what search_one throws: the run stops.
Answer answer(const SearchOptions& options, const BatchQuery& q, bool first,
              std::unique_ptr<Searcher>* searcher, const Diag& diag, const std::string& cwd) {
  Answer a;
  std::ostringstream messages;
  Diag held(diag.program(), messages);
  held.set_quiet(diag.quiet());
  SearchOptions each = options;
  each.query = q.text;
  each.query_id = q.id;
  each.check_fresh = options.check_fresh && first;  // warn once
  const auto start = std::chrono::steady_clock::now();
  SearchResult result;
  if (search_one(each, searcher, held, &result)) {
    report_result(each, result, held);
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::ostringstream rendered;
    Renderer(each, rendered, cwd).render(result, elapsed);
    a.output = std::move(rendered).str();
    a.matched = result.matches_lower > 0 || !result.hits.empty();
    a.stats.add(result);
  }
  a.messages = std::move(messages).str();
  a.errors = held.errors();
  a.warnings = held.warnings();
  return a;
}

// The queries of --queries FILE ('-': stdin).
std::vector<BatchQuery> read_batch(const SearchOptions& options, Diag& diag) {
  if (options.queries_file == "-") return read_queries(std::cin, "<stdin>", diag);
  std::ifstream in(options.queries_file);
  if (!in) throw Error("--queries " + quote(options.queries_file) + ": cannot read");
  return read_queries(in, options.queries_file, diag);
}

// Threads for `n` queries: --jobs, or one per core; never more than n.
size_t batch_threads(const SearchOptions& options, size_t n) {
  size_t threads = options.jobs;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  return std::max<size_t>(1, std::min(threads, n));
}

}  // namespace

std::vector<BatchQuery> read_queries(std::istream& in, const std::string& name, Diag& diag) {
  std::vector<BatchQuery> queries;
  size_t line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    BatchQuery q;
    bool ok = false;
    if (line[start] == '{') {
      ok = parse_json_query(line, &q);
    } else if (size_t tab = line.find('\t', start); tab != std::string::npos) {
      q.id = line.substr(start, tab - start);
      q.text = line.substr(tab + 1);
      ok = !q.id.empty() && q.text.find_first_not_of(" \t") != std::string::npos;
    }
    if (!ok) {
      diag.warning(name + ":" + std::to_string(line_no),
                   "not a query (want {\"_id\": ..., \"text\": ...} or id<TAB>query); skipped");
      continue;
    }
    queries.push_back(std::move(q));
  }
  return queries;
}

int run_batch(const SearchOptions& options, std::ostream& out, Diag& diag, const std::string& cwd) {
  const std::vector<BatchQuery> queries = read_batch(options, diag);
  const size_t threads = batch_threads(options, queries.size());
  std::vector<std::unique_ptr<Searcher>> searchers(threads);
  // The first is opened here, so that a database that cannot be used stops
  // the run before any query; the others on their threads' first query.
  searchers[0] = std::make_unique<Searcher>(all_databases(options), options.open);
  // ICU loads its shared break-iterator data on first use, behind atomics of
  // its own that ThreadSanitizer cannot see; loading it here, before the
  // threads start, keeps that one-time work out of the race the tools check.
  if (threads > 1) static_cast<void>(Analyzer());
  const auto work = [&](size_t worker, size_t i) {
    if (!searchers[worker]) {
      searchers[worker] = std::make_unique<Searcher>(all_databases(options), options.open);
    }
    return answer(options, queries[i], i == 0, &searchers[worker], diag, cwd);
  };
  bool matched = false;
  SearchStats stats;
  const auto batch_start = std::chrono::steady_clock::now();
  struct OutputClosed {};
  const auto emit = [&](size_t, Answer& a) {
    out << a.output;
    if (!out) throw OutputClosed{};  // a closed pipe (| head): stop, main() exits quietly
    diag.relay(a.messages, a.errors, a.warnings);
    matched = matched || a.matched;
    stats.add(a.stats);
  };
  try {
    ordered_map<Answer>(queries.size(), threads, 16 * threads, work, emit);
  } catch (const OutputClosed&) {
    return kExitOk;
  }
  if (options.stats) {
    stats.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - batch_start).count();
    out.flush();
    diag.note(format_stats(stats));
  }
  return matched ? kExitOk : kExitNoMatch;
}

}  // namespace trawl::searcher
