// trawl-search: parses the command line and hands off to run_search().
#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include "batch.h"
#include "cli.h"
#include "command_line.h"
#include "diag.h"
#include "error.h"
#include "file_types.h"
#include "fresh.h"
#include "generate.h"
#include "paths.h"
#include "run_search.h"

namespace {

bool is_dir(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

const char* kDescription =
    "trawl-search: ranked full-text search over a trawl-index database.\n"
    "QUERY uses Xapian's query language: AND OR NOT XOR, +word -word,\n"
    "\"exact phrase\", NEAR, ADJ, trailing wildcard sanct*, ~word (synonyms),\n"
    "title:word, author:, ext:, type:, path:, lang: filters, and ranges\n"
    "date:2021..2022-06 and size:1M..10M. Words match in any case (-s:\n"
    "as typed; -S: as typed if typed with a capital) and inflection\n"
    "(--no-stem: as typed), and with any accents unless typed with them\n"
    "(--fold-accents: always). Options may also come from\n"
    "$TRAWL_CONFIG_PATH or ~/.config/trawl/config (one per line). Exit\n"
    "status: 0 if something matched, 1 if nothing did, 2 on error.";

// The configuration file's arguments, then the command line's, parsed into
// `app`: kContinue, or the exit code (--help, a usage error).
int parse(int argc, char** argv, CLI::App& app, trawl::Diag& diag) {
  // Arguments from the configuration file come first: the command line wins.
  std::vector<std::string> args(argv + 1, argv + argc);
  std::vector<std::string> all = trawl::searcher::config_args(args);
  all.insert(all.end(), args.begin(), args.end());
  std::reverse(all.begin(), all.end());
  return trawl::parse_command_line(app, std::move(all), diag);
}

// After the command line: finds the database(s), refreshes them with
// --fresh, and searches.
int search(const trawl::searcher::Flags& flags, trawl::searcher::SearchOptions& options,
           trawl::Diag& diag) {
  const std::string cwd = trawl::current_dir();
  trawl::searcher::finish_options(flags, cwd, options);
  auto db = trawl::search_db_path(flags.dbs.empty() ? "" : flags.dbs.front(),
                                  std::getenv("TRAWL_DB"), cwd, is_dir);
  if (!db) {
    diag.error("", "no database found in '" + cwd +
                       "' or its parents (run trawl-index, or give --db or $TRAWL_DB)");
    return trawl::kExitError;
  }
  options.db_path = *db;
  for (size_t i = 1; i < flags.dbs.size(); ++i) {
    options.more_dbs.push_back(trawl::absolute_path(flags.dbs[i], cwd));
  }
  if (options.fresh) {
    trawl::searcher::refresh_index(options.db_path, diag);
    for (const std::string& more : options.more_dbs) trawl::searcher::refresh_index(more, diag);
  }
  int code = options.queries_file.empty()
                 ? trawl::searcher::run_search(options, std::cout, diag, cwd)
                 : trawl::searcher::run_batch(options, std::cout, diag, cwd);
  if (!std::cout) return trawl::kExitOk;  // closed pipe: stop quietly
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  trawl::searcher::SearchOptions options;
  trawl::searcher::Flags flags;
  CLI::App app{kDescription, "trawl-search"};
  trawl::searcher::add_options(app, options, flags);
  trawl::Diag diag("trawl-search", std::cerr);
  std::signal(SIGPIPE, SIG_IGN);
  return trawl::guarded(diag, options.db_path, [&]() -> int {
    if (int code = parse(argc, argv, app, diag); code != trawl::kContinue) return code;
    if (!flags.generate.empty()) {
      trawl::generate(app, "trawl-search", flags.generate, std::cout);
      return trawl::kExitOk;
    }
    if (flags.type_list) {
      std::cout << trawl::type_list();
      return trawl::kExitOk;
    }
    return search(flags, options, diag);
  });
}
