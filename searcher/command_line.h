// trawl-search's command line: the options, the configuration file and the
// checks that turn flags into SearchOptions. main() only calls these.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "options.h"

namespace trawl::searcher {

// Everything typed, before it becomes SearchOptions.
struct Flags {
  std::vector<std::string> words, dash_words;
  std::vector<std::string> dbs;  // --db, repeatable
  std::string color = "auto";
  std::vector<std::string> colors;  // --colors SPEC, in order
  std::string sort = "relevance";
  std::string facets;
  std::string after, before;
  std::vector<std::string> types, types_not;  // -t, -T
  bool type_list = false;
  std::string generate;
  std::string format = "text";
  std::string hyperlink_format = "none";
  bool json = false, files = false, files_without = false, count = false, quiet = false;
  bool no_collapse = false, no_config = false, keep_stopwords = false, no_stem = false;
  bool no_snippets = false;
  int context = -1, after_context = -1, before_context = -1;  // -C, -A, -B
  int expand = 0;  // --expand 1, --no-expand -1 (the last given), neither 0
};

void add_options(CLI::App& app, SearchOptions& options, Flags& flags);

// Checks the flags and fills the rest of `options` (throws trawl::Error for
// a bad combination or value). `cwd` resolves --like paths.
void finish_options(const Flags& flags, const std::string& cwd, SearchOptions& options);

// The arguments from the configuration file ($TRAWL_CONFIG_PATH, else
// ~/.config/trawl/config): one argument per line, blank lines and lines
// starting with '#' skipped; [] if there is none or --no-config is among
// `args`. Throws trawl::Error if $TRAWL_CONFIG_PATH names a missing file.
std::vector<std::string> config_args(const std::vector<std::string>& args);

}  // namespace trawl::searcher
