// SearchOptions: everything a trawl-search run can be asked to do. main()
// fills it from the command line; tests fill it directly.
#pragma once

#include <cstddef>
#include <string>

namespace trawl::searcher {

enum class OutputMode {
  kText,   // ranked hits with title, path and snippet (default)
  kJson,   // --json: JSON Lines hit records and a summary record
  kFiles,  // -l: ranked paths only
  kCount,  // -c: the number of matching documents
  kQuiet,  // -q: nothing; the exit status tells
};

enum class ColorMode { kAuto, kAlways, kNever };

struct SearchOptions {
  std::string db_path;           // absolute; main() resolves it
  std::string query;             // the words, joined with spaces
  bool match_any = false;        // --or: any word may match (ranked by how many)
  bool fixed_strings = false;    // -F: plain words, no query syntax
  size_t limit = 10;             // -n: hits to show
  size_t offset = 0;             // --offset: hits to skip
  size_t snippet_chars = 200;    // --snippet-len: passage length in characters
  OutputMode mode = OutputMode::kText;
  bool null_separated = false;   // -0: with -l, end paths with NUL
  bool color = false;            // resolved from --color, NO_COLOR and the tty
};

}  // namespace trawl::searcher
