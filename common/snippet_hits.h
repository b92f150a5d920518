// The matched words of a text, shared by the passage makers of common/
// (snippet.cc: passages of about max_chars; snippet_lines.cc: -C's whole
// lines). Internal to common/: not for the programs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "snippet.h"

namespace trawl {

// A token of the text that matches the query, as a byte range.
struct Hit {
  uint32_t begin;
  uint32_t end;
  std::string key;
  uint32_t group = 0;  // occurrence number of a phrase; its words merge into one span
};

// The hits of `tokens` (an analysis of the text) for `m`, in text order:
// words, CJK pairs, and phrase occurrences (their words share a group).
std::vector<Hit> find_hits(const std::vector<Token>& tokens, const TermMatcher& m);

// Highlight spans of `hits`: overlapping hits, a phrase's words and words
// joined by punctuation alone ("Russia's") merge into one span.
std::vector<Span> merge_spans(std::string_view text, const std::vector<Hit>& hits);

// -A/-B/-C: up to `count` passages of whole lines (the best matching lines
// and their context lines, merged where they meet), as written; empty if a
// block would exceed kMaxContextBytes (the caller makes ordinary ones).
std::vector<Snippet> line_passages(std::string_view text, const std::vector<Hit>& hits,
                                   size_t count, const LineContext& context);

}  // namespace trawl
