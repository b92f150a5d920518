// Command-line parsing shared by both programs' main(): CLI11 with trawl's
// message shape and grep's exit code for usage errors (2).
// Header-only; include it only from a main.cc that links CLI11.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <xapian.h>

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

// Runs `run` (returns an exit code) and turns what it throws into a message
// and an exit code, as both main()s and each trawl-index --watch run do:
// trawl::Error with its own code, Xapian::Error naming the database
// `db_path`, anything else as an error (2).
template <class F>
int guarded(Diag& diag, const std::string& db_path, F&& run) {
  try {
    return run();
  } catch (const Error& e) {
    diag.error("", e.what());
    return e.exit_code();
  } catch (const Xapian::Error& e) {
    diag.error("database " + quote(db_path), e.get_description());
    return kExitError;
  } catch (const std::exception& e) {
    diag.error("", e.what());
    return kExitError;
  }
}

inline int parse_command_line(CLI::App& app, int argc, char** argv, Diag& diag) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::reverse(args.begin(), args.end());  // CLI11 takes arguments in reverse
  return parse_command_line(app, std::move(args), diag);
}

}  // namespace trawl
