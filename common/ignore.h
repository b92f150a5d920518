// Ignore rules: .gitignore, .ignore and .trawlignore files, and the
// command line's -g/--glob patterns, with ripgrep's semantics. Shared by
// trawl-index's crawl and trawl-search's -g filter, so that a glob means
// the same to both.
//
//   # .gitignore in folder "src"      path "src/a.o"      -> ignored
//   *.o                               path "src/keep.o"   -> whitelisted
//   !keep.o                           path "src/gen/"     -> ignored (dir only)
//   gen/
//
// Lines (man gitignore): blank lines and '#' comments are skipped ('\#'
// escapes); trailing spaces are dropped unless escaped; '!' negates ('\!'
// escapes); a trailing '/' matches folders only; a '/' at the start or in
// the middle anchors the pattern to the file's folder, otherwise it matches
// at any depth below it; the last matching line decides.
//
// IgnoreStack holds the files of the folders from the crawl root down to the
// current one. A deeper folder's files win over shallower ones; within one
// folder .trawlignore > .ignore > .gitignore. A file cannot be re-included
// below an ignored folder: the crawler never enters an ignored folder.
//
// All classes are immutable once built (IgnoreStack: between push and pop)
// and cheap to query.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "glob.h"

namespace trawl {

enum class Match { kNone, kIgnore, kWhitelist };

// The names of the ignore files, highest precedence first.
inline constexpr std::string_view kIgnoreFiles[] = {".trawlignore", ".ignore", ".gitignore"};

class IgnoreRules {
 public:
  // Parses the text of an ignore file found in folder `dir` ("" = the crawl
  // root; otherwise relative to it, without a trailing '/').
  IgnoreRules(std::string_view text, std::string dir);

  // The verdict for `rel_path` (relative to the crawl root).
  Match match(std::string_view rel_path, bool is_dir) const;
  bool empty() const { return rules_.empty(); }

 private:
  struct Rule {
    Glob glob;
    bool negate;
    bool dir_only;
  };
  std::string dir_;
  std::vector<Rule> rules_;
};

class IgnoreStack {
 public:
  // Adds the rules of a folder, highest precedence first (empty rules are
  // fine). Every push must be matched by a pop.
  void push(std::vector<IgnoreRules> level) { levels_.push_back(std::move(level)); }
  void pop() { levels_.pop_back(); }

  // True if `rel_path` is ignored by the deepest rule that matches it.
  bool ignored(std::string_view rel_path, bool is_dir) const;

 private:
  std::vector<std::vector<IgnoreRules>> levels_;
};

// -g/--glob patterns: 'GLOB' includes, '!GLOB' excludes; later ones win. If
// any pattern includes, a file must match one to be kept; folders are only
// removed by an excluding pattern.
class GlobSet {
 public:
  explicit GlobSet(const std::vector<std::string>& patterns);
  bool included(std::string_view rel_path, bool is_dir) const;
  bool empty() const { return rules_.empty(); }

 private:
  bool has_includes_ = false;  // declared first: set while rules_ is built
  IgnoreRules rules_;
};

}  // namespace trawl
