// Command-line parsing shared by both programs' main(): CLI11 with trawl's
// message shape and grep's exit code for usage errors (2).
// Header-only; include it only from a main.cc that links CLI11.
#pragma once

#include <CLI/CLI.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "diag.h"
#include "error.h"

namespace trawl {

inline constexpr int kContinue = -1;

// Parses argv into `app`. Returns kContinue when the program should run,
// else the exit code: 0 after --help or --version, 2 after a usage error
// (reported through `diag` as "<prog>: error: <problem> (see --help)").
// As above, for arguments already reversed (CLI11's order: last first).
inline int parse_command_line(CLI::App& app, std::vector<std::string> reversed_args, Diag& diag) {
  try {
    app.parse(reversed_args);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    diag.error("", std::string(e.what()) + " (see --help)");
    return kExitError;
  }
  return kContinue;
}


inline int parse_command_line(CLI::App& app, int argc, char** argv, Diag& diag) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::reverse(args.begin(), args.end());  // CLI11 takes arguments in reverse
  return parse_command_line(app, std::move(args), diag);
}

}  // namespace trawl
