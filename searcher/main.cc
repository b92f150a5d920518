// trawl-search: parses the command line and hands off to run_search().
#include <CLI/CLI.hpp>
#include <unistd.h>
#include <xapian.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <sys/stat.h>

#include "cli.h"
#include "diag.h"
#include "error.h"
#include "paths.h"
#include "run_search.h"
#include "trawl_version.h"

namespace {

bool is_dir(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// --color auto: colour on a terminal, unless NO_COLOR is set or TERM=dumb.
bool want_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  if (no_color && *no_color) return false;
  if (term && std::string(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO);
}

}  // namespace

int main(int argc, char** argv) {
  using trawl::searcher::OutputMode;
  trawl::searcher::SearchOptions options;
  std::vector<std::string> words, dash_words;
  std::string db_flag;
  std::string color = "auto";
  bool json = false, files = false, count = false, quiet = false;
  CLI::App app{
      "trawl-search: ranked full-text search over a trawl-index database.\n"
      "QUERY uses Xapian's query language: AND OR NOT XOR, +word -word,\n"
      "\"exact phrase\", NEAR, ADJ, trailing wildcard sanct*, title:word.\n"
      "Words match in any case, accent and inflection. Exit status: 0 if\n"
      "something matched, 1 if nothing did, 2 on error.",
      "trawl-search"};
  app.add_option("QUERY", words, "Query words (joined with spaces)");
  app.add_option("-e,--query", dash_words, "A query that starts with '-' (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--db", db_flag,
                 "Database (default: $TRAWL_DB, else the nearest .trawl/ here or above)");
  app.add_flag("--or", options.match_any, "Match any word instead of all (ranked by how many)");
  app.add_flag("-F,--fixed-strings", options.fixed_strings,
               "Treat the query as plain words: no operators, phrases or wildcards");
  app.add_option("-n,--limit", options.limit, "Number of hits to show (default 10)")
      ->check(CLI::Range(1, 1000000));
  app.add_option("--offset", options.offset, "Skip this many hits first (default 0)");
  app.add_option("--snippet-len", options.snippet_chars,
                 "Snippet length in characters (default 200)")
      ->check(CLI::Range(20, 100000));
  app.add_flag("--json", json, "JSON Lines: one hit record per line, then a summary");
  app.add_flag("-l,--files-with-matches", files, "Print only the paths of matching files, ranked");
  app.add_flag("-0,--null", options.null_separated, "With -l, end each path with NUL, not newline");
  app.add_flag("-c,--count", count, "Print only the number of matching documents");
  app.add_flag("-q,--quiet", quiet, "Print nothing; exit 0 if anything matched");
  app.add_option("--color", color, "When to use colour: auto (default), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.set_version_flag("-V,--version", "trawl-search " TRAWL_VERSION);
  trawl::Diag diag("trawl-search", std::cerr);
  if (int code = trawl::parse_command_line(app, argc, argv, diag); code != trawl::kContinue) {
    return code;
  }
  if (json + files + count + quiet > 1) {
    diag.error("", "--json, -l, -c and -q cannot be combined");
    return trawl::kExitError;
  }
  options.mode = json ? OutputMode::kJson : files ? OutputMode::kFiles
               : count ? OutputMode::kCount : quiet ? OutputMode::kQuiet
                                                   : OutputMode::kText;
  options.color = options.mode == OutputMode::kText && want_color(color);
  words.insert(words.begin(), dash_words.begin(), dash_words.end());
  for (const std::string& w : words) {
    if (!options.query.empty()) options.query += ' ';
    options.query += w;
  }
  if (options.query.find_first_not_of(" \t\n") == std::string::npos) {
    diag.error("", "no query given (try: trawl-search --help)");
    return trawl::kExitError;
  }
  std::signal(SIGPIPE, SIG_IGN);
  try {
    const std::string cwd = trawl::current_dir();
    auto db = trawl::search_db_path(db_flag, std::getenv("TRAWL_DB"), cwd, is_dir);
    if (!db) {
      diag.error("", "no database found in '" + cwd +
                         "' or its parents (run trawl-index, or give --db or $TRAWL_DB)");
      return trawl::kExitError;
    }
    options.db_path = *db;
    int code = trawl::searcher::run_search(options, std::cout, diag, cwd);
    if (!std::cout) return trawl::kExitOk;  // closed pipe: stop quietly
    return code;
  } catch (const trawl::Error& e) {
    diag.error("", e.what());
    return e.exit_code();
  } catch (const Xapian::Error& e) {
    diag.error("database " + trawl::quote(options.db_path), e.get_description());
    return trawl::kExitError;
  } catch (const std::exception& e) {
    diag.error("", e.what());
    return trawl::kExitError;
  }
}
