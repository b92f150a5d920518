// --colors (searcher/colors.h): ripgrep's colour specs -> escape sequences.
#include "colors.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "error.h"

namespace trawl::searcher {
namespace {

TEST_CASE("parse_colors: specs on top of the defaults, in order") {
  struct Case {
    std::vector<std::string> specs;
    const char* match;  // the match look's escape sequence
    const char* path;
  };
  const std::vector<Case> cases = {
      {{}, "\x1b[1;31m", "\x1b[35m"},  // the defaults: bold red, magenta
      {{"match:fg:green"}, "\x1b[1;32m", "\x1b[35m"},
      {{"match:none"}, "", "\x1b[35m"},
      {{"match:none", "match:fg:blue"}, "\x1b[34m", "\x1b[35m"},
      {{"match:style:nobold", "match:style:underline"}, "\x1b[4;31m", "\x1b[35m"},
      {{"match:bg:yellow"}, "\x1b[1;31;43m", "\x1b[35m"},
      {{"path:fg:208"}, "\x1b[1;31m", "\x1b[38;5;208m"},
      {{"path:fg:0x40,128,0xff"}, "\x1b[1;31m", "\x1b[38;2;64;128;255m"},
      {{"path:bg:1,2,3"}, "\x1b[1;31m", "\x1b[35;48;2;1;2;3m"},
      {{"path:none", "path:style:bold"}, "\x1b[1;31m", "\x1b[1m"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.specs.size());
    const Palette p = parse_colors(c.specs);
    CHECK(p.match.sgr() == c.match);
    CHECK(p.path.sgr() == c.path);
  }
  Palette defaults;
  CHECK(defaults.line.sgr() == "\x1b[32m");
  CHECK(defaults.title.sgr() == "\x1b[1m");
  CHECK(defaults.dim.sgr() == "\x1b[2m");
  CHECK(parse_colors({"dim:style:intense"}).dim.sgr() == "");
}

TEST_CASE("parse_colors: a bad spec is named") {
  for (const char* bad :
       {"match", "match:fg", "match:fg:purple", "colour:fg:red", "match:fg:256", "match:fg:1,2",
        "match:style:blink", "match:fg:red:extra", "path:none:x", "match:fg:0xZZ", ""}) {
    CAPTURE(std::string(bad));
    try {
      parse_colors({bad});
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(std::string(e.what()).rfind("--colors '" + std::string(bad) + "': expected", 0) == 0);
    }
  }
}

}  // namespace
}  // namespace trawl::searcher
