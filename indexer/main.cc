// trawl-index: parses the command line and hands off to run_index().
#include <CLI/CLI.hpp>
#include <xapian.h>

#include <cstdlib>
#include <iostream>

#include "cli.h"
#include "diag.h"
#include "error.h"
#include "file_system.h"
#include "language.h"
#include "paths.h"
#include "run_index.h"
#include "trawl_version.h"

int main(int argc, char** argv) {
  trawl::indexer::IndexOptions options;
  std::string db_flag;
  std::vector<std::string> paths;
  CLI::App app{
      "trawl-index: index a folder of documents for trawl-search.\n"
      "Indexes .txt, .md and .jsonl files under each PATH (default: the current\n"
      "directory) into a Xapian database. Exit status: 0 all indexed, 1 indexed\n"
      "but some files failed, 2 error, 3 database locked by another indexer.",
      "trawl-index"};
  app.add_option("PATH", paths, "Files or folders to index (default: .)");
  app.add_option("--db", db_flag,
                 "Database directory (default: $TRAWL_DB, else ./.trawl)");
  app.add_option("--language", options.language,
                 "Stemming language, stored in the database: english (default "
                 "for a new database), french, german, russian, ... or none");
  app.add_flag("-q,--quiet", options.quiet, "No summary line (errors are still printed)");
  app.set_version_flag("-V,--version", "trawl-index " TRAWL_VERSION);
  trawl::Diag diag("trawl-index", std::cerr);
  if (int code = trawl::parse_command_line(app, argc, argv, diag); code != trawl::kContinue) {
    return code;
  }
  try {
    const std::string cwd = trawl::current_dir();
    options.db_path = trawl::index_db_path(db_flag, std::getenv("TRAWL_DB"), cwd);
    if (paths.empty()) paths.push_back(".");
    for (const std::string& p : paths) options.roots.push_back(trawl::absolute_path(p, cwd));
    trawl::indexer::RealFileSystem fs;
    return trawl::indexer::run_index(options, fs, diag, cwd);
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
