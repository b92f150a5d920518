#include "colors.h"

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "diag.h"
#include "error.h"

namespace trawl::searcher {
namespace {

// 0-255, decimal or 0x hex; -1 otherwise.
int byte_value(std::string_view s) {
  if (s.empty()) return -1;
  const bool hex = s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
  const std::string digits(hex ? s.substr(2) : s);
  char* end = nullptr;
  const long v = std::strtol(digits.c_str(), &end, hex ? 16 : 10);
  return *end == '\0' && !digits.empty() && v >= 0 && v <= 255 ? static_cast<int>(v) : -1;
}

// SGR parameters of colour `value` in the foreground (base 30) or
// background (base 40); "" if it is not a colour.
std::string colour(std::string_view value, int base) {
  static constexpr std::string_view kNames[] = {"black", "red",     "green", "yellow",
                                                "blue",  "magenta", "cyan",  "white"};
  for (int i = 0; i < 8; ++i) {
    if (value == kNames[i]) return std::to_string(base + i);
  }
  const std::vector<std::string> parts = CLI::detail::split(std::string(value), ',');
  std::string out = std::to_string(base + 8) + (parts.size() == 3 ? ";2" : ";5");
  if (parts.size() != 1 && parts.size() != 3) return "";
  for (const std::string& p : parts) {
    const int v = byte_value(p);
    if (v < 0) return "";
    out += ";" + std::to_string(v);
  }
  return out;
}

bool set_style(std::string_view value, Look* look) {
  if (value == "bold" || value == "nobold")
    look->bold = value == "bold";
  else if (value == "intense" || value == "nointense")
    look->intense = value == "intense", look->faint = false;
  else if (value == "underline" || value == "nounderline")
    look->underline = value == "underline";
  else
    return false;
  return true;
}

Look* look_of(std::string_view type, Palette* p) {
  if (type == "path") return &p->path;
  if (type == "line") return &p->line;
  if (type == "match") return &p->match;
  if (type == "title") return &p->title;
  if (type == "dim") return &p->dim;
  return nullptr;
}

// Applies one spec; false if it is malformed.
bool apply_spec(std::string_view spec, Palette* palette) {
  const std::vector<std::string> parts = CLI::detail::split(std::string(spec), ':');
  if (parts.empty()) return false;
  Look* look = look_of(parts[0], palette);
  if (look == nullptr) return false;
  if (parts.size() == 2 && parts[1] == "none") return *look = Look{}, true;
  if (parts.size() != 3) return false;
  if (parts[1] == "style") return set_style(parts[2], look);
  if (parts[1] != "fg" && parts[1] != "bg") return false;
  std::string sgr = colour(parts[2], parts[1] == "fg" ? 30 : 40);
  if (sgr.empty()) return false;
  (parts[1] == "fg" ? look->fg : look->bg) = std::move(sgr);
  return true;
}

}  // namespace

std::string Look::sgr() const {
  std::string params;
  const auto add = [&](const std::string& p) { params += (params.empty() ? "" : ";") + p; };
  if (bold) add("1");
  if (faint && !intense) add("2");
  if (underline) add("4");
  if (!fg.empty()) add(fg);
  if (!bg.empty()) add(bg);
  return params.empty() ? "" : "\x1b[" + params + "m";
}

Palette parse_colors(const std::vector<std::string>& specs) {
  Palette palette;
  for (const std::string& spec : specs) {
    if (!apply_spec(spec, &palette)) {
      throw Error(
          "--colors " + quote(spec) +
          ": expected TYPE:none or TYPE:fg|bg|style:VALUE (TYPE: path, line, match, title, dim)");
    }
  }
  return palette;
}

}  // namespace trawl::searcher
