// --colors SPEC: the colours of coloured output, with ripgrep's syntax.
//
//   --colors 'match:fg:green' --colors 'match:style:underline'
//   --colors 'path:fg:0x40,0x80,0xff' --colors 'line:none'
//
// SPEC is TYPE:none (no colour for TYPE) or TYPE:ATTRIBUTE:VALUE, where TYPE
// is path, line (line numbers), match (matched words), title or dim (rank,
// score, similar files); ATTRIBUTE is fg, bg or style; a colour is black,
// blue, green, red, cyan, magenta, yellow, white, an ANSI 256-colour
// number 0-255, or r,g,b (each 0-255, decimal or 0x hex); a style is bold,
// nobold, intense, nointense, underline, nounderline. Specs apply in order,
// on top of the defaults (path magenta, line green, match bold red, title
// bold, dim faint).
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace trawl::searcher {

// One kind of text's look: colours and styles, as SGR parameters.
struct Look {
  std::string fg;  // "31", "38;5;208", "38;2;64;128;255"; "" = default
  std::string bg;
  bool bold = false;
  bool intense = false;  // faint ("dim") when false and `faint`
  bool faint = false;
  bool underline = false;
  // The escape sequence that starts this look ("" for none).
  std::string sgr() const;
};

struct Palette {
  //          fg    bg  bold   intense faint  underline
  Look path{"35", "", false, false, false, false};
  Look line{"32", "", false, false, false, false};
  Look match{"31", "", true, false, false, false};
  Look title{"", "", true, false, false, false};
  Look dim{"", "", false, false, true, false};
};

// The palette after applying `specs` in order. Throws trawl::Error naming
// the spec for a bad one.
Palette parse_colors(const std::vector<std::string>& specs);

}  // namespace trawl::searcher
