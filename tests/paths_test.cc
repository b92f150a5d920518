// paths.h: where the database is (flag > $TRAWL_DB > default), how stored
// paths are shown, and lexical absolute paths. The file system is faked
// through the injected is_dir function.
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "paths.h"

namespace trawl {
namespace {

// $TRAWL_DB: a missing variable (nullptr) is not the same as an empty one.
struct Env {
  bool set;
  std::string_view value;
  std::string storage() const { return std::string(value); }
};

constexpr Env kUnset{false, ""};

const char* env_arg(const Env& env, const std::string& storage) {
  return env.set ? storage.c_str() : nullptr;
}

struct IndexCase {
  std::string_view flag;
  Env env;
  std::string_view cwd;
  std::string_view expected;
};

const IndexCase kIndexCases[] = {
    // The flag wins, then the environment, then cwd/.trawl.
    {"/data/db", {true, "/env/db"}, "/home/u", "/data/db"},
    {"rel/db", {true, "/env/db"}, "/home/u", "/home/u/rel/db"},
    {"../db/", kUnset, "/home/u", "/home/db"},
    {"", {true, "/env/db"}, "/home/u", "/env/db"},
    {"", {true, "env/db"}, "/home/u", "/home/u/env/db"},
    {"", {true, "./a/../env"}, "/home/u", "/home/u/env"},
    {"", {true, ""}, "/home/u", "/home/u/.trawl"},
    {"", kUnset, "/home/u", "/home/u/.trawl"},
    {"", kUnset, "/", "/.trawl"},
};

TEST_CASE("index_db_path: flag, then $TRAWL_DB, then cwd/.trawl") {
  for (const IndexCase& c : kIndexCases) {
    CAPTURE(c.flag);
    CAPTURE(c.env.set);
    CAPTURE(c.env.value);
    CAPTURE(c.cwd);
    const std::string env = c.env.storage();
    CHECK(index_db_path(c.flag, env_arg(c.env, env), std::string(c.cwd)) == c.expected);
  }
}

struct SearchCase {
  std::string_view flag;
  Env env;
  std::string_view cwd;
  std::string_view dirs;      // existing directories, space-separated
  std::string_view expected;  // "" = nullopt
};

const SearchCase kSearchCases[] = {
    // A named database is used as is, found or not.
    {"/data/db", {true, "/env/db"}, "/home/u", "/home/u/.trawl", "/data/db"},
    {"db", kUnset, "/home/u", "", "/home/u/db"},
    {"", {true, "/env/db"}, "/home/u", "/home/u/.trawl", "/env/db"},
    {"", {true, "env"}, "/home/u", "", "/home/u/env"},
    // Otherwise the nearest .trawl in cwd or a parent.
    {"", {true, ""}, "/home/u", "/home/u/.trawl", "/home/u/.trawl"},
    {"", kUnset, "/home/u/proj/sub", "/home/u/proj/sub/.trawl", "/home/u/proj/sub/.trawl"},
    {"", kUnset, "/home/u/proj/sub", "/home/u/proj/.trawl", "/home/u/proj/.trawl"},
    {"", kUnset, "/home/u/proj/sub", "/home/u/proj/.trawl /home/u/.trawl",
     "/home/u/proj/.trawl"},
    {"", kUnset, "/home/u/proj/sub", "/home/.trawl", "/home/.trawl"},
    {"", kUnset, "/home/u/proj/sub", "/.trawl", "/.trawl"},
    {"", kUnset, "/", "/.trawl", "/.trawl"},
    // Not found: children and look-alike siblings do not count.
    {"", kUnset, "/home/u/proj", "", ""},
    {"", kUnset, "/", "", ""},
    {"", kUnset, "/home/u", "/home/u/proj/.trawl", ""},
    {"", kUnset, "/home/user2", "/home/user/.trawl /home/user2.trawl", ""},
    {"", kUnset, "/home/u", "/home/u/trawl /home/u/.trawl.old", ""},
};

std::set<std::string> split(std::string_view s) {
  std::set<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

TEST_CASE("search_db_path: flag, then $TRAWL_DB, then the nearest .trawl upwards") {
  for (const SearchCase& c : kSearchCases) {
    CAPTURE(c.flag);
    CAPTURE(c.env.set);
    CAPTURE(c.env.value);
    CAPTURE(c.cwd);
    CAPTURE(c.dirs);
    const std::set<std::string> dirs = split(c.dirs);
    const std::string env = c.env.storage();
    const std::optional<std::string> found =
        search_db_path(c.flag, env_arg(c.env, env), std::string(c.cwd),
                       [&dirs](const std::string& p) { return dirs.count(p) > 0; });
    if (c.expected.empty()) {
      CHECK_FALSE(found.has_value());
    } else {
      REQUIRE(found.has_value());
      CHECK(*found == c.expected);
    }
  }
}

struct WalkCase {
  std::string_view cwd;
  std::vector<std::string> asked;  // is_dir calls, in order
};

const WalkCase kWalkCases[] = {
    {"/a/b/c", {"/a/b/c/.trawl", "/a/b/.trawl", "/a/.trawl", "/.trawl"}},
    {"/a", {"/a/.trawl", "/.trawl"}},
    {"/", {"/.trawl"}},
};

TEST_CASE("search_db_path: walks from cwd up to / and stops") {
  for (const WalkCase& c : kWalkCases) {
    CAPTURE(c.cwd);
    std::vector<std::string> asked;
    const std::optional<std::string> found =
        search_db_path("", nullptr, std::string(c.cwd), [&asked](const std::string& p) {
          asked.push_back(p);
          return false;
        });
    CHECK_FALSE(found.has_value());
    CHECK(asked == c.asked);
  }
}

struct DisplayCase {
  std::string_view path;
  std::string_view cwd;
  std::string_view expected;
};

const DisplayCase kDisplayCases[] = {
    {"/home/u/corpus/a.txt", "/home/u", "corpus/a.txt"},
    {"/home/u/a.txt", "/home/u", "a.txt"},
    {"/home/u/.hidden/x", "/home/u", ".hidden/x"},
    {"/home/user2/a.txt", "/home/u", "/home/user2/a.txt"},  // a prefix, not a parent
    {"/home/u.txt", "/home/u", "/home/u.txt"},
    {"/etc/passwd", "/home/u", "/etc/passwd"},
    {"/home/a.txt", "/home/u", "/home/a.txt"},              // above cwd: as is
    {"/a.txt", "/", "a.txt"},
    {"/home/u/x", "/", "home/u/x"},
    {"/data/Навальный/北京.txt", "/data", "Навальный/北京.txt"},
};

TEST_CASE("display_path: relative to cwd when under it, else as is") {
  for (const DisplayCase& c : kDisplayCases) {
    CAPTURE(c.path);
    CAPTURE(c.cwd);
    CHECK(display_path(c.path, c.cwd) == c.expected);
  }
}

struct AbsoluteCase {
  std::string_view path;
  std::string_view cwd;
  std::string_view expected;
};

const AbsoluteCase kAbsoluteCases[] = {
    {"a.txt", "/home/u", "/home/u/a.txt"},
    {"/abs/x", "/home/u", "/abs/x"},
    {"../a", "/home/u", "/home/a"},
    {"../../../../a", "/home/u", "/a"},
    {"./a/./b/../c", "/home/u", "/home/u/a/c"},
    {"a//b", "/home/u", "/home/u/a/b"},
    {".", "/home/u", "/home/u"},
    {"dir/", "/home/u", "/home/u/dir"},
    {"x", "/home/u/", "/home/u/x"},
    {"/", "/home/u", "/"},
    {"..", "/", "/"},
    {"/a/b/../../c/.", "/home/u", "/c"},
};

TEST_CASE("absolute_path: absolute and lexically normal") {
  for (const AbsoluteCase& c : kAbsoluteCases) {
    CAPTURE(c.path);
    CAPTURE(c.cwd);
    CHECK(absolute_path(std::string(c.path), std::string(c.cwd)) == c.expected);
  }
}

TEST_CASE("current_dir: the process's absolute current directory") {
  const std::string cwd = current_dir();
  REQUIRE_FALSE(cwd.empty());
  CHECK(cwd.front() == '/');
  CHECK(std::filesystem::equivalent(cwd, std::filesystem::current_path()));
}

}  // namespace
}  // namespace trawl
