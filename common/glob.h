// Glob: one compiled gitignore-style pattern, matched against '/'-separated
// relative paths.
//
//   Glob("*.log")        matches "a.log", "logs/b.log"     (no '/': any depth)
//   Glob("/build")       matches "build" only              (anchored)
//   Glob("doc/*.md")     matches "doc/a.md", not "x/doc/a.md" nor "doc/x/a.md"
//   Glob("**/tmp")       matches "tmp", "a/b/tmp"
//   Glob("logs/**")      matches "logs/a", "logs/a/b"
//   Glob("a/**/b")       matches "a/b", "a/x/y/b"
//   Glob("[!a-c]?.txt")  matches "d1.txt"; '?' is one UTF-8 character
//
// '*' and '?' never match '/'; '\' escapes the next character. Matching is
// byte-wise except that '?' and classes take whole UTF-8 characters. The
// matcher is iterative within a path component and memoised across
// components: no input makes it exponential. Immutable after construction;
// safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace trawl {

class Glob {
 public:
  // Compiles `pattern` as a gitignore line body (no '!' or trailing-'/'
  // handling here: see IgnoreRules). A pattern without any '/' matches at
  // any depth; a leading '/' anchors it.
  explicit Glob(std::string_view pattern);

  bool matches(std::string_view path) const;

  const std::string& pattern() const { return pattern_; }

 private:
  bool match_from(size_t pi, const std::vector<std::string_view>& parts, size_t si,
                  std::vector<signed char>& memo) const;

  std::string pattern_;
  std::vector<std::string> components_;  // "**" stands for any number of folders
};

// Matches one path component against one pattern component ('*', '?',
// classes, escapes; no '/').
bool match_component(std::string_view pattern, std::string_view name);

}  // namespace trawl
