// Command-line parsing shared by both programs' main(): CLI11 with trawl's
// message shape and grep's exit code for usage errors (2).
// Header-only; include it only from a main.cc that links CLI11.
#pragma once

#include <CLI/CLI.hpp>

#include "diag.h"
#include "error.h"

namespace trawl {

inline constexpr int kContinue = -1;

// Parses argv into `app`. Returns kContinue when the program should run,
// else the exit code: 0 after --help or --version, 2 after a usage error
// (reported through `diag` as "<prog>: error: <problem> (see --help)").
inline int parse_command_line(CLI::App& app, int argc, char** argv, Diag& diag) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    diag.error("", std::string(e.what()) + " (see --help)");
    return kExitError;
  }
  return kContinue;
}

}  // namespace trawl
