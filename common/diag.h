// Diag: the one place that writes diagnostics (errors, warnings, notes).
//
// Every message has the shape
//   <prog>: error: <subject>: <problem>
// where <subject> is usually a quoted file name or query. Library code never
// prints: it returns Status or throws trawl::Error, and the caller hands the
// result to a Diag. Control characters in subjects are escaped so that a file
// name cannot move the terminal cursor or inject escape sequences.
//
// Thread-safe: messages from several threads never interleave within a line.
#pragma once

#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

namespace trawl {

class Diag {
 public:
  // REQUIRES: `err` outlives this object.
  Diag(std::string program, std::ostream& err);

  void error(std::string_view subject, std::string_view problem);
  void warning(std::string_view subject, std::string_view problem);
  // Informational line without a subject, e.g. the final summary.
  void note(std::string_view text);

  // Silences warnings and notes (errors are always printed).
  void set_quiet(bool quiet) { quiet_ = quiet; }
  bool quiet() const { return quiet_; }

  // Writes `text`, the output of another Diag that wrote to a buffer, and
  // counts its `errors` and `warnings` as this one's. Batch mode holds each
  // query's messages until the queries before it are printed.
  void relay(std::string_view text, int errors, int warnings);

  int errors() const { return errors_; }
  int warnings() const { return warnings_; }
  const std::string& program() const { return program_; }

 private:
  void write(std::string_view level, std::string_view subject,
             std::string_view problem);

  std::string program_;
  std::ostream& err_;
  std::mutex mu_;
  bool quiet_ = false;
  int errors_ = 0;
  int warnings_ = 0;
};

// Quotes user input for a message: 'text', with control characters escaped
// (\n, \t, \xNN) and anything past `max_bytes` replaced by "…".
std::string quote(std::string_view text, size_t max_bytes = 200);

// Escapes control characters (C0, DEL, C1) and invalid UTF-8 so that `text`
// is safe to print on a terminal. Printable text is unchanged.
std::string terminal_safe(std::string_view text);

}  // namespace trawl
