// F1: the analyzer (ICU segmentation and folding) on arbitrary bytes made
// valid UTF-8 the way the extractors make them. Every term is valid UTF-8,
// non-empty, at most kMaxTermBytes long, and points at a byte range of the
// text; positions never go backwards; the ASCII fast path gives exactly
// the tokens of ICU alone.
#include <cstdint>
#include <string>
#include <vector>

#include "analyzer.h"
#include "fuzz_check.h"
#include "utf8.h"

using trawl::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static trawl::Analyzer analyzer;
  static trawl::Analyzer icu_only = [] {
    trawl::Analyzer a;
    a.set_fast_path(false);
    return a;
  }();
  const std::string text =
      trawl::utf8::repair(std::string_view(reinterpret_cast<const char*>(data), size));
  std::vector<trawl::Token> tokens;
  analyzer.analyze(text, &tokens);
  check(tokens.size() <= text.size() * 2 + 1, "more terms than the text can hold");
  uint32_t last_pos = 0;
  for (const trawl::Token& t : tokens) {
    check(!t.term.empty(), "empty term");
    check(t.term.size() <= trawl::kMaxTermBytes, "term too long");
    trawl::fuzz::check_utf8(t.term, "term is not UTF-8");
    check(t.begin <= t.end && t.end <= text.size(), "token range outside the text");
    check(t.pos >= last_pos, "positions go backwards");
    last_pos = t.pos;
  }
  std::vector<trawl::Token> reference;
  icu_only.analyze(text, &reference);
  check(reference.size() == tokens.size(), "fast path and ICU differ in the number of tokens");
  for (size_t i = 0; i < tokens.size(); ++i) {
    const trawl::Token& a = tokens[i];
    const trawl::Token& b = reference[i];
    check(a.term == b.term && a.pos == b.pos && a.begin == b.begin && a.end == b.end &&
              a.alias == b.alias,
          "fast path and ICU differ");
  }
  return 0;
}
