#include "glob.h"

#include "utf8.h"

namespace trawl {
namespace {

char32_t code_point(std::string_view s, size_t i, size_t* len) {
  char32_t cp;
  size_t n = utf8::decode(s, i, &cp);
  if (n == 0) n = 1, cp = static_cast<unsigned char>(s[i]) | 0x110000;  // raw byte
  *len = n;
  return cp;
}

// Matches the class starting at pattern[p] ('[') against code point `c`.
// Sets *end to the index after ']', or npos if the class is unterminated
// (then the '[' is a literal character).
bool match_class(std::string_view pattern, size_t p, char32_t c, size_t* end) {
  size_t q = p + 1;
  bool negate = q < pattern.size() && (pattern[q] == '!' || pattern[q] == '^');
  if (negate) ++q;
  bool matched = false;
  bool first = true;
  while (q < pattern.size() && (pattern[q] != ']' || first)) {
    first = false;
    if (pattern[q] == '\\' && q + 1 < pattern.size()) ++q;
    size_t n;
    char32_t lo = code_point(pattern, q, &n);
    q += n;
    char32_t hi = lo;
    if (q + 1 < pattern.size() && pattern[q] == '-' && pattern[q + 1] != ']') {
      ++q;
      if (pattern[q] == '\\' && q + 1 < pattern.size()) ++q;
      hi = code_point(pattern, q, &n);
      q += n;
    }
    if (lo <= c && c <= hi) matched = true;
  }
  if (q >= pattern.size()) {
    *end = std::string_view::npos;
    return false;
  }
  *end = q + 1;
  return matched != negate;
}

}  // namespace

bool match_component(std::string_view pattern, std::string_view name) {
  size_t p = 0, s = 0;
  size_t star_p = std::string_view::npos, star_s = 0;
  while (s < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star_p = p++;
      star_s = s;
      continue;
    }
    if (p < pattern.size()) {
      size_t n;
      char32_t c = code_point(name, s, &n);
      if (pattern[p] == '?') {
        ++p, s += n;
        continue;
      }
      if (pattern[p] == '[') {
        size_t end;
        bool ok = match_class(pattern, p, c, &end);
        if (end != std::string_view::npos) {
          if (ok) {
            p = end, s += n;
            continue;
          }
        } else if (name[s] == '[') {  // unterminated class: a literal '['
          ++p, ++s;
          continue;
        }
      } else {
        size_t lit = p;
        if (pattern[lit] == '\\' && lit + 1 < pattern.size()) ++lit;
        if (pattern[lit] == name[s]) {
          p = lit + 1, ++s;
          continue;
        }
      }
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p + 1;  // let the last '*' swallow one more character
    s = ++star_s;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

Glob::Glob(std::string_view pattern) : pattern_(pattern) {
  bool anchored = !pattern.empty() && pattern[0] == '/';
  if (anchored) pattern.remove_prefix(1);
  // No '/' left: the pattern may match at any depth.
  if (!anchored && pattern.find('/') == std::string_view::npos) components_.push_back("**");
  size_t pos = 0;
  while (pos <= pattern.size()) {
    size_t slash = pattern.find('/', pos);
    if (slash == std::string_view::npos) slash = pattern.size();
    std::string_view part = pattern.substr(pos, slash - pos);
    if (!part.empty() && !(part == "**" && !components_.empty() && components_.back() == "**")) {
      components_.emplace_back(part);
    }
    pos = slash + 1;
  }
}

bool Glob::match_from(size_t pi, const std::vector<std::string_view>& parts, size_t si,
                      std::vector<signed char>& memo) const {
  if (pi == components_.size()) return si == parts.size();
  signed char& m = memo[pi * (parts.size() + 1) + si];
  if (m >= 0) return m;
  bool result = false;
  if (components_[pi] == "**") {
    for (size_t k = si; k <= parts.size() && !result; ++k) {
      result = match_from(pi + 1, parts, k, memo);
    }
  } else if (si < parts.size() && match_component(components_[pi], parts[si])) {
    result = match_from(pi + 1, parts, si + 1, memo);
  }
  m = result;
  return result;
}

bool Glob::matches(std::string_view path) const {
  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > pos) parts.push_back(path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  std::vector<signed char> memo((components_.size() + 1) * (parts.size() + 1), -1);
  return match_from(0, parts, 0, memo);
}

}  // namespace trawl
