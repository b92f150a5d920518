#include "hyperlink.h"

#include <cstdio>

#include "diag.h"
#include "error.h"

namespace trawl::searcher {
namespace {

struct Alias {
  std::string_view name;
  std::string_view templ;
};

constexpr Alias kAliases[] = {
    {"none", ""},
    {"default", "file://{host}{path}"},
    {"file", "file://{host}{path}"},
    {"kitty", "file://{host}{path}#{line}"},
    {"vscode", "vscode://file{path}:{line}:{column}"},
    {"vscode-insiders", "vscode-insiders://file{path}:{line}:{column}"},
    {"vscodium", "vscodium://file{path}:{line}:{column}"},
    {"cursor", "cursor://file{path}:{line}:{column}"},
    {"textmate", "txmt://open?url=file://{path}&line={line}&column={column}"},
    {"macvim", "mvim://open?url=file://{path}&line={line}&column={column}"},
};

constexpr std::string_view kFields[] = {"path", "host", "line", "column"};

bool unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

std::string percent_encoded(std::string_view path) {
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c)) {
      out.push_back(ch);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out.append(hex);
    }
  }
  return out;
}

// The value of field `name` for `target`.
std::string field(std::string_view name, const LinkTarget& target) {
  if (name == "path") return percent_encoded(target.path);
  if (name == "host") return percent_encoded(target.host);
  if (name == "line") return std::to_string(target.line);
  return std::to_string(target.column);
}

}  // namespace

std::string hyperlink_template(std::string_view format) {
  for (const Alias& a : kAliases) {
    if (a.name == format) return std::string(a.templ);
  }
  bool has_path = false;
  for (size_t open = format.find('{'); open != std::string_view::npos;
       open = format.find('{', open + 1)) {
    const size_t close = format.find('}', open);
    const std::string_view name =
        format.substr(open + 1, close == std::string_view::npos ? close : close - open - 1);
    bool known = false;
    for (std::string_view f : kFields) known = known || (close != std::string_view::npos && f == name);
    if (!known) {
      throw Error("--hyperlink-format " + quote(format) + ": unknown field '{" + std::string(name) +
                  (close == std::string_view::npos ? "'" : "}'") +
                  " (use {path}, {host}, {line}, {column}, or an alias such as default or vscode)");
    }
    has_path = has_path || name == "path";
  }
  if (!has_path) {
    throw Error("--hyperlink-format " + quote(format) +
                ": no {path} (use an alias such as default or vscode, or a template with {path})");
  }
  return std::string(format);
}

std::string format_hyperlink(std::string_view templ, const LinkTarget& target) {
  std::string out;
  size_t at = 0;
  for (size_t open = templ.find('{'); open != std::string_view::npos; open = templ.find('{', at)) {
    const size_t close = templ.find('}', open);
    if (close == std::string_view::npos) break;  // hyperlink_template refuses these
    out.append(templ.substr(at, open - at)).append(field(templ.substr(open + 1, close - open - 1), target));
    at = close + 1;
  }
  return out.append(templ.substr(at));
}

std::string osc8(std::string_view url, std::string_view text) {
  return std::string("\x1b]8;;").append(url).append("\x1b\\").append(text).append("\x1b]8;;\x1b\\");
}

}  // namespace trawl::searcher
