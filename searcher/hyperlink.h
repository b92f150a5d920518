// Hyperlinks (OSC 8) on the paths of text output, so that a terminal that
// supports them (kitty, WezTerm, iTerm2, GNOME Terminal, Windows Terminal,
// ...) opens the file on a click; others show the path unchanged. As
// ripgrep's --hyperlink-format: off unless asked for, and only when the
// output is coloured.
//
//   format_hyperlink("file://{host}{path}", {"/d/a b.txt", 12, 3, "box"})
//     -> "file://box/d/a%20b.txt"
//   hyperlink_template("vscode") -> "vscode://file{path}:{line}:{column}"
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace trawl::searcher {

struct LinkTarget {
  std::string path;   // absolute
  size_t line = 1;    // of the best passage (1 if the text has no lines)
  size_t column = 1;
  std::string host;   // this machine's name, for file:// links
};

// The template for --hyperlink-format FORMAT: an alias (none, default,
// file, kitty, vscode, vscode-insiders, vscodium, cursor, textmate,
// macvim) or a template of its own with {path} and optionally {host},
// {line}, {column}. "" for none. Throws trawl::Error for a template
// without {path} or with another {name}.
std::string hyperlink_template(std::string_view format);

// The URL `templ` makes for `target`: {path} percent-encoded (bytes other
// than letters, digits and -._~/ become %XX), the others as they are.
std::string format_hyperlink(std::string_view templ, const LinkTarget& target);

// `text` wrapped in the OSC 8 sequences that make it a link to `url`.
std::string osc8(std::string_view url, std::string_view text);

}  // namespace trawl::searcher
