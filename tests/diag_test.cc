// diag.h: the message shape "<prog>: <level>: <subject>: <problem>", escaping
// of control characters, truncation of quoted input, quiet mode and counts.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "diag.h"
#include "utf8.h"

namespace trawl {
namespace {

using namespace std::string_view_literals;

enum class Level { kError, kWarning, kNote };

struct MessageCase {
  Level level;
  std::string_view subject;  // ignored for notes
  std::string_view problem;  // the text of a note
  std::string_view expected;
};

const MessageCase kMessageCases[] = {
    {Level::kError, "'docs/a.txt'", "invalid UTF-8 at byte 1042",
     "trawl-index: error: 'docs/a.txt': invalid UTF-8 at byte 1042\n"},
    {Level::kError, "", "no query given", "trawl-index: error: no query given\n"},
    {Level::kWarning, "'b.md'", "empty body", "trawl-index: warning: 'b.md': empty body\n"},
    {Level::kWarning, "", "nothing to do", "trawl-index: warning: nothing to do\n"},
    {Level::kNote, "", "indexed 3 files", "trawl-index: indexed 3 files\n"},
    // Control characters and invalid bytes in the problem are escaped.
    {Level::kError, "'x'", "bad\nline\tand\x1B[2J", "trawl-index: error: 'x': bad\\nline\\tand\\x1B[2J\n"},
    {Level::kError, "'x'", "invalid \xFF byte", "trawl-index: error: 'x': invalid \\xFF byte\n"},
    {Level::kWarning, "'x'", "cr\r", "trawl-index: warning: 'x': cr\\r\n"},
};

void emit(Diag& diag, const MessageCase& c) {
  switch (c.level) {
    case Level::kError: diag.error(c.subject, c.problem); break;
    case Level::kWarning: diag.warning(c.subject, c.problem); break;
    case Level::kNote: diag.note(c.problem); break;
  }
}

TEST_CASE("Diag: message shape") {
  for (const MessageCase& c : kMessageCases) {
    CAPTURE(c.subject);
    CAPTURE(c.problem);
    std::ostringstream err;
    Diag diag("trawl-index", err);
    emit(diag, c);
    CHECK(err.str() == c.expected);
    CHECK(diag.program() == "trawl-index");
  }
}

// "Control characters in subjects are escaped so that a file name cannot move
// the terminal cursor or inject escape sequences."
const MessageCase kSubjectCases[] = {
    {Level::kError, "a\x1B[2Jb", "p", "trawl-index: error: a\\x1B[2Jb: p\n"},
    {Level::kError, "line\nbreak", "p", "trawl-index: error: line\\nbreak: p\n"},
    {Level::kWarning, "bell\x07", "p", "trawl-index: warning: bell\\x07: p\n"},
    {Level::kWarning, "c1 \xC2\x9B" "31m", "p", "trawl-index: warning: c1 \\x9B31m: p\n"},
};

TEST_CASE("Diag: control characters in subjects are escaped") {
  for (const MessageCase& c : kSubjectCases) {
    CAPTURE(c.subject);
    std::ostringstream err;
    Diag diag("trawl-index", err);
    emit(diag, c);
    CHECK(err.str() == c.expected);
  }
}

// A script of calls: 'e' error, 'w' warning, 'n' note, 'q' quiet on, 'Q' quiet off.
struct QuietCase {
  std::string_view script;
  std::string_view expected;
  int errors;
  int warnings;
};

const QuietCase kQuietCases[] = {
    {"", "", 0, 0},
    {"ewn", "P: error: 's': e\nP: warning: 's': w\nP: n\n", 1, 1},
    {"eee", "P: error: 's': e\nP: error: 's': e\nP: error: 's': e\n", 3, 0},
    {"qewnw", "P: error: 's': e\n", 1, 2},  // silenced warnings still count
    {"qwQw", "P: warning: 's': w\n", 0, 2},
    {"qnQn", "P: n\n", 0, 0},
    {"wqeQe", "P: warning: 's': w\nP: error: 's': e\nP: error: 's': e\n", 2, 1},
};

TEST_CASE("Diag: quiet mode silences warnings and notes, never errors; counts") {
  for (const QuietCase& c : kQuietCases) {
    CAPTURE(c.script);
    std::ostringstream err;
    Diag diag("P", err);
    for (char op : c.script) {
      switch (op) {
        case 'e': diag.error("'s'", "e"); break;
        case 'w': diag.warning("'s'", "w"); break;
        case 'n': diag.note("n"); break;
        case 'q': diag.set_quiet(true); break;
        case 'Q': diag.set_quiet(false); break;
      }
    }
    CHECK(err.str() == c.expected);
    CHECK(diag.errors() == c.errors);
    CHECK(diag.warnings() == c.warnings);
  }
}

TEST_CASE("Diag: lines from several threads never interleave") {
  std::ostringstream err;
  Diag diag("P", err);
  constexpr int kThreads = 4;
  constexpr int kPerThread = 200;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&diag] {
      for (int i = 0; i < kPerThread; ++i) {
        diag.error("'some/long/subject/name.txt'", "a problem of some length");
        diag.warning("'w'", "another problem");
      }
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(diag.errors() == kThreads * kPerThread);
  CHECK(diag.warnings() == kThreads * kPerThread);
  std::istringstream lines(err.str());
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    if (line != "P: error: 'some/long/subject/name.txt': a problem of some length" &&
        line != "P: warning: 'w': another problem") {
      FAIL_CHECK("interleaved line: " << line);
    }
  }
  CHECK(count == 2 * kThreads * kPerThread);
}

struct QuoteCase {
  std::string_view text;
  size_t max_bytes;
  std::string_view expected;
};

const QuoteCase kQuoteCases[] = {
    {"a.txt", 200, "'a.txt'"},
    {"", 200, "''"},
    {"北京/Навальный.txt", 200, "'北京/Навальный.txt'"},
    {"a\nb", 200, "'a\\nb'"},
    {"tab\there", 200, "'tab\\there'"},
    {"\x1B[31mred", 200, "'\\x1B[31mred'"},
    {"\0"sv, 200, "'\\x00'"},
    {"bad \xFF", 200, "'bad \\xFF'"},
    // Truncation: max_bytes of the input, on a code point boundary.
    {"abc", 3, "'abc'"},
    {"abcdef", 3, "'abc…'"},
    {"abcdef", 0, "'…'"},
    {"ééé", 5, "'éé…'"},
    {"ééé", 4, "'éé…'"},
    {"€", 2, "'…'"},
    {"a\nbcdef", 3, "'a\\nb…'"},
};

TEST_CASE("quote: quotes, escapes and truncates") {
  for (const QuoteCase& c : kQuoteCases) {
    CAPTURE(c.text);
    CAPTURE(c.max_bytes);
    CHECK(quote(c.text, c.max_bytes) == c.expected);
  }
}

TEST_CASE("quote: the default limit is 200 bytes") {
  const std::string limit(200, 'a');
  CHECK(quote(limit) == "'" + limit + "'");
  CHECK(quote(limit + "b") == "'" + limit + "…'");
  CHECK(quote(std::string(1000, 'a')) == "'" + limit + "…'");
}

struct SafeCase {
  std::string_view text;
  std::string_view expected;
};

const SafeCase kSafeCases[] = {
    // Printable text is unchanged.
    {"", ""},
    {"plain text: 'quoted' \"double\" a\\b", "plain text: 'quoted' \"double\" a\\b"},
    {"café 北京 Навальный 😀", "café 北京 Навальный 😀"},
    {"\xC2\xA0nbsp", "\xC2\xA0nbsp"},   // U+00A0 is not a C1 control
    // C0 and DEL.
    {"\n", "\\n"},
    {"\t", "\\t"},
    {"\r", "\\r"},
    {"\0"sv, "\\x00"},
    {"\x07", "\\x07"},
    {"\x1B[2J", "\\x1B[2J"},
    {"\x1F", "\\x1F"},
    {"\x7F", "\\x7F"},
    {"plain text, ends\x7Fthen more\ttab", "plain text, ends\\x7Fthen more\\ttab"},
    // C1.
    {"\xC2\x80", "\\x80"},
    {"\xC2\x85", "\\x85"},
    {"\xC2\x9B" "31m", "\\x9B31m"},
    {"\xC2\x9F", "\\x9F"},
    // Invalid UTF-8.
    {"\xFF", "\\xFF"},
    {"caf\xE9", "caf\\xE9"},
    {"\xC0\xAF", "\\xC0\\xAF"},
};

TEST_CASE("terminal_safe escapes control characters and invalid UTF-8") {
  for (const SafeCase& c : kSafeCases) {
    CAPTURE(c.text);
    const std::string safe = terminal_safe(c.text);
    CHECK(safe == c.expected);
    CHECK(utf8::is_valid(safe));
    for (char ch : safe) {
      const auto b = static_cast<unsigned char>(ch);
      CHECK_FALSE((b < 0x20 || b == 0x7F));
    }
    CHECK(terminal_safe(safe) == safe);  // escaping twice changes nothing
  }
}

}  // namespace
}  // namespace trawl
