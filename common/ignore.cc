#include "ignore.h"

namespace trawl {
namespace {

// Drops unescaped trailing spaces (and a CR from a Windows line end).
std::string_view trim_line(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  while (!line.empty() && line.back() == ' ') {
    size_t backslashes = 0;
    for (size_t i = line.size() - 1; i > 0 && line[i - 1] == '\\'; --i) ++backslashes;
    if (backslashes % 2 == 1) break;  // "\ " keeps the space
    line.remove_suffix(1);
  }
  return line;
}

}  // namespace

IgnoreRules::IgnoreRules(std::string_view text, std::string dir) : dir_(std::move(dir)) {
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = trim_line(text.substr(pos, eol - pos));
    pos = eol + 1;
    if (line.empty() || line[0] == '#') continue;
    bool negate = line[0] == '!';
    if (negate) line.remove_prefix(1);
    if (!line.empty() && line[0] == '\\' && line.size() > 1 && (line[1] == '#' || line[1] == '!')) {
      line.remove_prefix(1);
    }
    bool dir_only = !line.empty() && line.back() == '/';
    if (dir_only) line.remove_suffix(1);
    if (line.empty()) continue;
    rules_.push_back(Rule{Glob(line), negate, dir_only});
  }
}

Match IgnoreRules::match(std::string_view rel_path, bool is_dir) const {
  if (!dir_.empty()) {
    if (rel_path.size() <= dir_.size() || rel_path.compare(0, dir_.size(), dir_) != 0 ||
        rel_path[dir_.size()] != '/') {
      return Match::kNone;
    }
    rel_path.remove_prefix(dir_.size() + 1);
  }
  for (auto it = rules_.rbegin(); it != rules_.rend(); ++it) {
    if (it->dir_only && !is_dir) continue;
    if (it->glob.matches(rel_path)) return it->negate ? Match::kWhitelist : Match::kIgnore;
  }
  return Match::kNone;
}

bool IgnoreStack::ignored(std::string_view rel_path, bool is_dir) const {
  for (auto level = levels_.rbegin(); level != levels_.rend(); ++level) {
    for (const IgnoreRules& rules : *level) {
      Match m = rules.match(rel_path, is_dir);
      if (m != Match::kNone) return m == Match::kIgnore;
    }
  }
  return false;
}

namespace {

// Turns -g patterns into ignore lines: an include is a whitelist line.
std::string as_ignore_text(const std::vector<std::string>& patterns, bool* has_includes) {
  std::string text;
  for (const std::string& p : patterns) {
    if (!p.empty() && p[0] == '!') {
      text += p.substr(1);
    } else {
      *has_includes = true;
      text += "!" + p;
    }
    text += '\n';
  }
  return text;
}

}  // namespace

GlobSet::GlobSet(const std::vector<std::string>& patterns)
    : rules_(as_ignore_text(patterns, &has_includes_), "") {}

bool GlobSet::included(std::string_view rel_path, bool is_dir) const {
  switch (rules_.match(rel_path, is_dir)) {
    case Match::kWhitelist: return true;
    case Match::kIgnore: return false;
    case Match::kNone: return is_dir || !has_includes_;
  }
  return true;
}

}  // namespace trawl
