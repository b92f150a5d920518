// Run-level failures and the exit codes they map to.
//
// Expected failures of a single item (one bad file, one bad JSON line) are
// reported through Status and never throw. A trawl::Error means the whole run
// cannot go on: a bad option, a database that will not open, ICU failing to
// initialise. Only main() catches it and turns kind() into the exit code.
#pragma once

#include <stdexcept>
#include <string>

namespace trawl {

// Exit codes shared by both programs (grep conventions; see README.md).
enum ExitCode : int {
  kExitOk = 0,         // search: at least one hit; index: everything indexed
  kExitNoMatch = 1,    // search: no hit
  kExitSomeFailed = 1, // index: committed, but some files failed
  kExitError = 2,      // usage or fatal error
  kExitLocked = 3,     // index: the database is locked by another writer
};

class Error : public std::runtime_error {
 public:
  explicit Error(std::string message, int exit_code = kExitError)
      : std::runtime_error(std::move(message)), exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

}  // namespace trawl
