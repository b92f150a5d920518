// F2: snippets and passages. The first byte chooses the length, the next
// line is the query's words (their CJK character pairs too), the rest is
// the text. The snippet is valid UTF-8, about the asked length, and its
// highlights are sorted, non-overlapping spans inside it.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzer.h"
#include "cjk.h"
#include "fuzz_check.h"
#include "snippet.h"
#include "utf8.h"

using trawl::fuzz::check;

namespace {

void check_spans(const trawl::Snippet& s) {
  trawl::fuzz::check_utf8(s.text, "snippet is not UTF-8");
  uint32_t last = 0;
  for (const trawl::Span& span : s.highlights) {
    check(span.first < span.second, "empty highlight");
    check(span.first >= last, "highlights overlap or are unsorted");
    check(span.second <= s.text.size(), "highlight past the snippet");
    check(trawl::utf8::is_lead(s.text[span.first]), "highlight starts inside a character");
    last = span.second;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  static trawl::Analyzer analyzer;
  const size_t max_chars = 20 + data[0] % 200;
  std::string rest = trawl::utf8::repair(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  const size_t nl = rest.find('\n');
  const std::string query = nl == std::string::npos ? rest.substr(0, 16) : rest.substr(0, nl);
  const std::string text = nl == std::string::npos ? rest : rest.substr(nl + 1);

  trawl::TermMatcher matcher(Xapian::Stem("english"));
  std::vector<trawl::Token> q;
  analyzer.analyze(query, &q);
  for (size_t i = 0; i < q.size(); ++i) (i % 2 ? matcher.add_stem(q[i].term) : matcher.add_exact(q[i].term));
  std::vector<trawl::Token> bigrams;  // CJK pairs, as cjk_query.h adds them
  trawl::add_bigram_tokens(q, &bigrams);
  for (const trawl::Token& b : bigrams) matcher.add_bigram(b.term);
  std::vector<trawl::Token> tokens;
  analyzer.analyze(text, &tokens);
  trawl::SnippetOptions options;
  options.max_chars = max_chars;
  const trawl::Snippet s = trawl::make_snippet(text, tokens, matcher, options);
  check_spans(s);
  check(trawl::utf8::length(s.text) <= max_chars + 2 + 40, "snippet far longer than asked");
  const auto passages = trawl::make_passages(text, tokens, matcher, options, 1 + data[0] % 4);
  check(!passages.empty(), "no passage");
  for (size_t i = 0; i < passages.size(); ++i) {
    check_spans(passages[i]);
    check(passages[i].line >= 1 && passages[i].column >= 1, "line or column below 1");
    if (i > 0) check(passages[i].start > passages[i - 1].start, "passages out of order");
  }
  // -C: whole lines, as written at `start`; each line's highlights inside it.
  options.context = trawl::LineContext{data[0] % 3, (data[0] / 3) % 3};
  const auto blocks = trawl::make_passages(text, tokens, matcher, options, 1 + data[0] % 4);
  check(!blocks.empty(), "no line passage");
  for (size_t i = 0; i < blocks.size(); ++i) {
    const trawl::Snippet& b = blocks[i];
    check_spans(b);
    check(b.first_line == 0 || text.compare(b.start, b.text.size(), b.text) == 0,
          "lines not as written");
    if (i > 0 && b.first_line > 0) {
      check(b.start > blocks[i - 1].start + blocks[i - 1].text.size(), "line blocks overlap");
    }
    for (const trawl::SnippetLine& line : trawl::snippet_lines(b)) {
      for (const auto& [from, to] : line.highlights)
        check(from < to && to <= line.text.size(), "line highlight outside");
    }
  }
  return 0;
}
