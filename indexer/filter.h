// External filters (--filter EXT:COMMAND): converters for formats trawl does
// not parse itself, e.g. --filter 'docx:pandoc -t plain'.
//
// The command is split on spaces into arguments and run directly, never
// through a shell; the file's path replaces an argument "%f", or is added as
// the last argument. Its standard output is the document's text; standard
// input is /dev/null; the first line of its standard error explains a
// failure. It runs in its own process group, which is killed when it exceeds
// its time or output limit. Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace trawl::indexer {

struct FilterSpec {
  std::string ext;                // lower case, without the dot
  std::vector<std::string> argv;  // command and arguments
};

struct FilterLimits {
  int timeout_ms = 30000;           // the filter is killed after this long
  size_t max_output = 64u << 20;    // and when its output grows past this
};

// Parses "EXT:COMMAND [ARG...]". Fails for a missing extension or command.
Status parse_filter(std::string_view spec, FilterSpec* out);

// Runs `filter` on `path` and returns its standard output in *output. Fails
// if the command cannot be started, exits non-zero or by a signal, times out
// or writes too much.
Status run_filter(const FilterSpec& filter, const std::string& path, const FilterLimits& limits,
                  std::string* output);

}  // namespace trawl::indexer
