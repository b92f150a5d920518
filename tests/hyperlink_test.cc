// --hyperlink-format: aliases and templates, the URLs they make, and the
// OSC 8 wrapping.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "error.h"
#include "hyperlink.h"

namespace trawl::searcher {
namespace {

struct LinkCase {
  std::string_view format;
  std::string_view want;  // for /d/a b#ü.txt, line 12, column 3, host "box"
};

const LinkCase kLinks[] = {
    {"none", ""},
    {"default", "file://box/d/a%20b%23%C3%BC.txt"},
    {"file", "file://box/d/a%20b%23%C3%BC.txt"},
    {"kitty", "file://box/d/a%20b%23%C3%BC.txt#12"},
    {"vscode", "vscode://file/d/a%20b%23%C3%BC.txt:12:3"},
    {"textmate", "txmt://open?url=file:///d/a%20b%23%C3%BC.txt&line=12&column=3"},
    {"emacs://open?file={path}&line={line}", "emacs://open?file=/d/a%20b%23%C3%BC.txt&line=12"},
    {"{path}{path}", "/d/a%20b%23%C3%BC.txt/d/a%20b%23%C3%BC.txt"},
    {"x{path}}", "x/d/a%20b%23%C3%BC.txt}"},
};

TEST_CASE("hyperlinks: aliases and templates make these URLs") {
  const LinkTarget target{"/d/a b#\xc3\xbc.txt", 12, 3, "box"};
  for (const LinkCase& c : kLinks) {
    CAPTURE(c.format);
    const std::string templ = hyperlink_template(c.format);
    CHECK((templ.empty() ? "" : format_hyperlink(templ, target)) == c.want);
  }
}

TEST_CASE("hyperlinks: templates without {path} or with unknown fields are refused") {
  for (const char* bad : {"", "file://{host}", "{path}{lin}", "{path}{", "vscode:{path}:{Line}", "{}"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(hyperlink_template(bad), Error);
  }
}

TEST_CASE("hyperlinks: OSC 8 wraps the text") {
  CHECK(osc8("file:///a", "a") == "\x1b]8;;file:///a\x1b\\a\x1b]8;;\x1b\\");
}

}  // namespace
}  // namespace trawl::searcher
