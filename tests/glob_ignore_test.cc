// Glob matching, ignore files and -g globs. The IgnoreRules table was checked
// against git itself (git check-ignore --no-index on a scratch repository),
// except where marked: there we follow ripgrep ('?' is one character).
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "crawl.h"
#include "ignore.h"
#include "support/mem_file_system.h"

inline std::string testing_join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += s + " ";
  return out;
}

namespace trawl::indexer {
namespace {

struct GlobCase {
  std::string_view pattern;
  std::string_view path;
  bool matches;
};

const GlobCase kGlobs[] = {
    {"*.o", "a.o", true},           {"*.o", "src/deep/a.o", true},   {"*.o", "a.c", false},
    {"*.o", ".o", true},            {"*.o", "a.o/b", false},         {"a*", "abc", true},
    {"a*", "ba", false},            {"*a", "ba", true},              {"*a*", "xax", true},
    {"a*b*c", "axxbyyc", true},     {"a*b*c", "axxbyy", false},      {"?", "x", true},
    {"?", "xy", false},             {"?", "", false},                {"?", "é", true},
    {"??", "é", false},             {"?x", "日x", true},             {"[abc]", "b", true},
    {"[abc]", "d", false},          {"[!abc]", "d", true},           {"[^abc]", "a", false},
    {"[a-c]", "b", true},           {"[a-c]", "d", false},           {"[]]", "]", true},
    {"[!]]", "a", true},            {"[a-]", "-", true},             {"[é]", "é", true},
    {"[à-ü]", "é", true},           {"[unterminated", "[unterminated", true},
    {"a\\*b", "a*b", true},         {"a\\*b", "axb", false},         {"\\[x]", "[x]", true},
    {"/top", "top", true},          {"/top", "a/top", false},        {"doc/*.md", "doc/a.md", true},
    {"doc/*.md", "x/doc/a.md", false}, {"doc/*.md", "doc/x/a.md", false},
    {"**/tmp", "tmp", true},        {"**/tmp", "a/b/tmp", true},     {"**/tmp", "a/tmpx", false},
    {"logs/**", "logs/a", true},    {"logs/**", "logs/a/b/c", true}, {"logs/**", "xlogs/a", false},
    {"a/**/b", "a/b", true},        {"a/**/b", "a/x/y/b", true},     {"a/**/b", "x/a/b", false},
    {"a/**/**/b", "a/x/b", true},   {"**", "anything/at/all", true}, {"src/**/*.c", "src/a.c", true},
    {"src/**/*.c", "src/x/y/a.c", true}, {"src/**/*.c", "lib/a.c", false},
    {"*.[oa]", "lib.a", true},      {"*.[oa]", "lib.so", false},     {"x/y", "x/y", true},
    {"*.md", "notes.md.bak", false},
    {"x/y/", "x/y", true},          {"a//b", "a/b", true},           {"", "", true},
    // Pathological patterns finish (no exponential backtracking).
    {"a*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false},
    {"**/**/**/**/**/**/**/**/z", "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y", false},
};

TEST_CASE("glob: gitignore-style matching") {
  CHECK(std::size(kGlobs) >= 60);
  for (const GlobCase& c : kGlobs) {
    CAPTURE(c.pattern);
    CAPTURE(c.path);
    CHECK(Glob(c.pattern).matches(c.path) == c.matches);
  }
}

struct RuleCase {
  std::string_view text;  // the ignore file
  std::string_view path;  // relative to the file's folder
  bool is_dir;
  bool ignored;
};

const RuleCase kRules[] = {
#include "glob_ignore_cases.inc"
};

TEST_CASE("ignore rules: one file, checked against git") {
  CHECK(std::size(kRules) >= 30);
  for (const RuleCase& c : kRules) {
    CAPTURE(c.text);
    CAPTURE(c.path);
    IgnoreRules rules(c.text, "");
    CHECK((rules.match(c.path, c.is_dir) == Match::kIgnore) == c.ignored);
  }
}

TEST_CASE("ignore rules: a file in a subfolder applies below it only") {
  IgnoreRules rules("*.tmp\n/anchored\n", "sub/dir");
  CHECK(rules.match("sub/dir/a.tmp", false) == Match::kIgnore);
  CHECK(rules.match("sub/dir/x/a.tmp", false) == Match::kIgnore);
  CHECK(rules.match("sub/a.tmp", false) == Match::kNone);
  CHECK(rules.match("sub/dir/anchored", false) == Match::kIgnore);
  CHECK(rules.match("sub/dir/x/anchored", false) == Match::kNone);
  CHECK(rules.match("sub/dirx/a.tmp", false) == Match::kNone);
}

struct CrawlCase {
  std::string_view name;
  std::vector<std::pair<std::string, std::string>> files;  // path under /r, content
  std::vector<std::string> globs;
  std::vector<std::string> expected;  // files reported, relative to /r
};

const CrawlCase kCrawls[] = {
    {"an ignored folder is not entered, even with a whitelist below",
     {{".gitignore", "foo\n!foo/keep.txt\n"}, {"foo/keep.txt", ""}, {"bar.txt", ""}},
     {},
     {"bar.txt"}},
    {"dir-only pattern",
     {{".gitignore", "out/\n"}, {"out/a.txt", ""}, {"x/out", ""}},
     {},
     {"x/out"}},
    {"a deeper file wins over a shallower one",
     {{".gitignore", "*.log\n"}, {"sub/.gitignore", "!keep.log\n"}, {"a.log", ""},
      {"sub/keep.log", ""}, {"sub/b.log", ""}},
     {},
     {"sub/keep.log"}},
    {".trawlignore beats .ignore beats .gitignore in one folder",
     {{".gitignore", "a.txt\nb.txt\nc.txt\n"}, {".ignore", "!b.txt\n"}, {".trawlignore", "!c.txt\nd.txt\n"},
      {"a.txt", ""}, {"b.txt", ""}, {"c.txt", ""}, {"d.txt", ""}},
     {},
     {"b.txt", "c.txt"}},
    {"anchored patterns are relative to their file's folder",
     {{"sub/.gitignore", "/x.txt\n"}, {"sub/x.txt", ""}, {"sub/deep/x.txt", ""}, {"x.txt", ""}},
     {},
     {"sub/deep/x.txt", "x.txt"}},
    {"include globs keep matching files only, folders still entered",
     {{"a.md", ""}, {"b.txt", ""}, {"docs/c.md", ""}},
     {"*.md"},
     {"a.md", "docs/c.md"}},
    {"exclude globs remove files and folders",
     {{"a.md", ""}, {"b.txt", ""}, {"docs/c.md", ""}},
     {"!docs"},
     {"a.md", "b.txt"}},
    {"later globs win",
     {{"a.md", ""}, {"b.md", ""}},
     {"*.md", "!b.md"},
     {"a.md"}},
    {"later globs win (the other way)",
     {{"a.md", ""}, {"b.md", ""}},
     {"!*.md", "b.md"},
     {"b.md"}},
    {"globs with paths",
     {{"src/a.c", ""}, {"src/gen/b.c", ""}, {"lib/c.c", ""}},
     {"src/**", "!src/gen/**"},
     {"src/a.c"}},
    {"globs beat nothing: ignore files still apply",
     {{".gitignore", "b.md\n"}, {"a.md", ""}, {"b.md", ""}},
     {"*.md"},
     {"a.md"}},
};

TEST_CASE("crawl: ignore files and globs together") {
  for (const CrawlCase& c : kCrawls) {
    CAPTURE(c.name);
    testing::MemFileSystem fs;
    fs.add_dir("/r");
    for (const auto& [path, content] : c.files) fs.add_file("/r/" + path, content);
    CrawlOptions options;
    options.rules.globs = c.globs;
    options.roots = {"/r"};
    std::vector<std::string> found;
    Crawler(fs, options)
        .crawl(
            "/r", [&](const FileRef& f) { found.push_back(f.path.substr(3)); },
            [](const std::string&, SkipReason) {}, [](const std::string&, const Status&) {});
    INFO(::testing_join(found));
    CHECK(found == c.expected);
  }
}

TEST_CASE("crawl: --no-ignore reads no ignore file") {
  testing::MemFileSystem fs;
  fs.add_file("/r/.gitignore", "*.txt\n");
  fs.add_file("/r/a.txt", "");
  CrawlOptions options;
  options.rules.no_ignore = true;
  options.roots = {"/r"};
  std::vector<std::string> found;
  Crawler(fs, options)
      .crawl(
          "/r", [&](const FileRef& f) { found.push_back(f.path); },
          [](const std::string&, SkipReason) {}, [](const std::string&, const Status&) {});
  CHECK(found == std::vector<std::string>{"/r/a.txt"});
  CHECK(fs.reads("/r/.gitignore") == 0);
}

}  // namespace
}  // namespace trawl::indexer
