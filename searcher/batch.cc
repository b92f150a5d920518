#include "batch.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "error.h"
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
  std::vector<BatchQuery> queries;
  if (options.queries_file == "-") {
    queries = read_queries(std::cin, "<stdin>", diag);
  } else {
    std::ifstream in(options.queries_file);
    if (!in) throw Error("--queries " + quote(options.queries_file) + ": cannot read");
    queries = read_queries(in, options.queries_file, diag);
  }
  SearchOptions each = options;
  auto searcher = std::make_unique<Searcher>(all_databases(options), options.open);
  bool matched = false;
  SearchStats stats;
  const auto batch_start = std::chrono::steady_clock::now();
  for (const BatchQuery& q : queries) {
    each.query = q.text;
    each.query_id = q.id;
    const auto start = std::chrono::steady_clock::now();
    SearchResult result;
    if (!search_one(each, &searcher, diag, &result)) continue;
    report_result(each, result, diag);
    each.check_fresh = false;  // warn once
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Renderer(each, out, cwd).render(result, elapsed);
    matched = matched || result.matches_lower > 0 || !result.hits.empty();
    stats.add(result);
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
