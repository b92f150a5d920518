// snippet.h: TermMatcher, make_snippet and highlight_all. Highlights are
// checked through the bytes they point at: "a|b" lists the highlighted
// substrings of the snippet (or title) in order.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analyzer.h"
#include "snippet.h"
#include "utf8.h"

namespace trawl {
namespace {

constexpr std::string_view kEllipsis = "…";

std::vector<std::string> split(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// A query, as space-separated lists of what TermMatcher is given.
struct Query {
  std::string_view exact;
  std::string_view stems = "";
  std::string_view wildcards = "";
  std::string_view phrase = "";
};

TermMatcher make_matcher(const Query& q) {
  TermMatcher m(Xapian::Stem("english"));
  for (std::string& t : split(q.exact)) m.add_exact(t);
  for (std::string& t : split(q.stems)) m.add_stem(t);
  for (std::string& t : split(q.wildcards)) m.add_wildcard(t);
  if (!q.phrase.empty()) m.add_phrase(split(q.phrase));
  return m;
}

std::vector<Token> analyze(std::string_view text) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  analyzer.analyze(text, &tokens);
  return tokens;
}

// The highlighted substrings joined with '|'; checks that the spans are
// sorted, non-overlapping, non-empty and inside `text`.
std::string highlighted(std::string_view text, const std::vector<Span>& spans) {
  std::string out;
  uint32_t last_end = 0;
  for (const Span& s : spans) {
    CHECK(s.first < s.second);
    CHECK(s.first >= last_end);
    if (s.second > text.size()) {
      FAIL_CHECK("span past the end of the text");
      break;
    }
    last_end = s.second;
    if (!out.empty()) out += '|';
    out += text.substr(s.first, s.second - s.first);
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// ---- TermMatcher -------------------------------------------------------------

struct MatchCase {
  std::string_view term;
  std::string_view key;  // "" = no match
};

// exact {navalny, 2014}, stems {jail, sanction}, wildcard {crit}, english stemmer.
const MatchCase kMatchCases[] = {
    {"navalny", "navalny"},
    {"2014", "2014"},
    {"jail", "Zjail"},
    {"jailed", "Zjail"},   // different words, same stem: the same key
    {"jails", "Zjail"},
    {"jailing", "Zjail"},
    {"sanctions", "Zsanction"},
    {"sanctioned", "Zsanction"},
    {"critic", "critic"},  // wildcard: each word is its own key
    {"criticism", "criticism"},
    {"crit", "crit"},
    {"cri", ""},
    {"navalnyi", ""},
    {"jailer", ""},        // stem "jailer"
    {"2015", ""},
    {"", ""},
};

TEST_CASE("TermMatcher::match: exact, stem and wildcard keys") {
  const TermMatcher m = make_matcher({"navalny 2014", "jail sanction", "crit"});
  for (const MatchCase& c : kMatchCases) {
    CAPTURE(c.term);
    CHECK(m.match(std::string(c.term)) == c.key);
  }
}

TEST_CASE("TermMatcher: empty() and phrases") {
  CHECK(TermMatcher().empty());
  CHECK(make_matcher({""}).empty());
  const Query non_empty[] = {{"a"}, {"", "a"}, {"", "", "a"}, {"", "", "", "a b"}};
  for (const Query& q : non_empty) {
    CAPTURE(q.exact);
    CAPTURE(q.stems);
    CAPTURE(q.wildcards);
    CAPTURE(q.phrase);
    CHECK_FALSE(make_matcher(q).empty());
  }
  const TermMatcher m = make_matcher({"", "", "", "jailed in 2014"});
  REQUIRE(m.phrases().size() == 1);
  CHECK(m.phrases()[0] == std::vector<std::string>{"jailed", "in", "2014"});
  CHECK(m.match("jailed") == "");  // phrase words alone do not match
}

// ---- highlight_all -------------------------------------------------------------

struct HighlightCase {
  std::string_view text;
  Query query;
  std::string_view highlighted;
};

const HighlightCase kHighlightCases[] = {
    {"Alexei Navalny: the jailed critic", {"navalny", "jail"}, "Navalny|jailed"},
    {"jailed Navalny", {"navalny", "jail"}, "jailed|Navalny"},  // a space: two spans
    {"the jailed, the jail", {"", "jail"}, "jailed|jail"},
    {"Sanctions, sanctioned", {"", "", "sanct"}, "Sanctions|sanctioned"},
    {"Навальный вернулся", {"навальный"}, "Навальный"},
    {"北京是中国的首都", {"首都"}, "首都"},
    // Parts separated only by punctuation merge into one span.
    {"co-ordinated effort", {"co ordinated"}, "co-ordinated"},
    {"U.S. policy", {"u s"}, "U.S"},
    {"Russia's move", {"russia s"}, "Russia's"},
    {"co-ordinated effort", {"coordinated"}, "co-ordinated"},  // the alias
    {"1,400 prisoners", {"1400"}, "1,400"},
    // Phrases: only in order, one span per occurrence.
    {"He was jailed in 2014 again.", {"", "", "", "jailed in 2014"}, "jailed in 2014"},
    {"Jailed, then in 2014 freed.", {"", "", "", "jailed in 2014"}, ""},
    {"in 2014 jailed", {"", "", "", "jailed in 2014"}, ""},
    {"jailed in 2014 and jailed in 2014", {"", "", "", "jailed in 2014"},
     "jailed in 2014|jailed in 2014"},
    // Nothing to highlight.
    {"nothing here", {"absent"}, ""},
    {"nothing here", {""}, ""},
    {"", {"absent"}, ""},
};

TEST_CASE("highlight_all") {
  for (const HighlightCase& c : kHighlightCases) {
    CAPTURE(c.text);
    CAPTURE(c.query.exact);
    CAPTURE(c.query.stems);
    CAPTURE(c.query.wildcards);
    CAPTURE(c.query.phrase);
    const std::vector<Span> spans = highlight_all(c.text, analyze(c.text), make_matcher(c.query));
    CHECK(highlighted(c.text, spans) == c.highlighted);
  }
}

// ---- make_snippet: short texts, exact results ------------------------------------

struct SnippetCase {
  std::string_view name;
  std::string_view text;
  Query query;
  std::string_view snippet;
  std::string_view highlighted;
  size_t max_chars = 200;
};

const SnippetCase kSnippetCases[] = {
    {"whole short text", "Alexei Navalny was jailed.", {"navalny", "jail"},
     "Alexei Navalny was jailed.", "Navalny|jailed"},
    {"no match: the start of the text", "Short text here.", {"absent"}, "Short text here.", ""},
    {"empty text", "", {"absent"}, "", ""},
    {"white space collapsed", "alpha   beta \t gamma \r\n delta  epsilon", {"gamma"},
     "alpha beta gamma delta epsilon", "gamma"},
    {"leading and trailing blanks dropped", " \n  gamma at the end \n\t ", {"gamma"},
     "gamma at the end", "gamma"},
    {"starts at a sentence", "Canada joined the call. Alexei Navalny was jailed in 2021.",
     {"navalny", "jail"}, "…Alexei Navalny was jailed in 2021.", "Navalny|jailed"},
    {"phrase", "He was jailed in 2014 again.", {"", "", "", "jailed in 2014"},
     "He was jailed in 2014 again.", "jailed in 2014"},
    {"multibyte highlights", "Суд над Навальным: «ёлка» и Straße.", {"елка strasse"},
     "Суд над Навальным: «ёлка» и Straße.", "ёлка|Straße"},
    {"cut at the end at a word boundary",
     "gamma one two three four five six seven eight nine ten eleven twelve", {"gamma"},
     "gamma one two three four five six…", "gamma", 35},
};

TEST_CASE("make_snippet: short texts") {
  for (const SnippetCase& c : kSnippetCases) {
    CAPTURE(c.name);
    SnippetOptions options;
    options.max_chars = c.max_chars;
    const Snippet s = make_snippet(c.text, analyze(c.text), make_matcher(c.query), options);
    CHECK(s.text == c.snippet);
    CHECK(highlighted(s.text, s.highlights) == c.highlighted);
  }
}

// ---- make_snippet: long texts -------------------------------------------------------

std::string repeat(std::string_view unit, size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) out += unit;
  return out;
}

// text = filler × n + decoy + filler × n + target + filler × n, where only the
// target holds every query word.
struct LongCase {
  std::string_view name;
  std::string_view filler;
  std::string_view decoy;
  std::string_view target;
  Query query;
  std::string_view expected_inside;  // must appear in the snippet
  std::string_view highlighted;
};

const LongCase kLongCases[] = {
    {"english", "Lorem ipsum dolor sit amet, consectetur. ", "Navalny once. ",
     "Alexei Navalny was jailed in 2021. ", {"navalny", "jail"}, "Navalny was jailed",
     "Navalny|jailed"},
    {"cyrillic", "Съешь же ещё этих мягких французских булок, да выпей чаю. ",
     "Навальный один. ", "Алексей Навальный вернулся в Россию. ", {"навальный вернулся"},
     "Навальный вернулся", "Навальный|вернулся"},
    {"chinese without spaces", "北京是中国的首都。", "他们在上海。", "他们在东京开会。",
     {"他们 东京"}, "他们在东京", "他们|东京"},
    {"phrase", "The weather was mild and calm. ", "He was jailed later. ",
     "He was jailed in 2014 again. ", {"", "", "", "jailed in 2014"}, "jailed in 2014",
     "jailed in 2014"},
};

const size_t kMaxChars[] = {20, 21, 33, 50, 80, 200};

TEST_CASE("make_snippet: the best window far into a long text, never cut inside a code point") {
  for (const LongCase& c : kLongCases) {
    const std::string fill = repeat(c.filler, 60);
    const std::string text =
        fill + std::string(c.decoy) + fill + std::string(c.target) + fill;
    const std::vector<Token> tokens = analyze(text);
    const TermMatcher matcher = make_matcher(c.query);
    for (size_t max_chars : kMaxChars) {
      CAPTURE(c.name);
      CAPTURE(max_chars);
      SnippetOptions options;
      options.max_chars = max_chars;
      const Snippet s = make_snippet(text, tokens, matcher, options);
      CAPTURE(s.text);
      CHECK(utf8::is_valid(s.text));
      CHECK(s.text.find(c.expected_inside) != std::string::npos);
      CHECK(highlighted(s.text, s.highlights) == c.highlighted);
      CHECK(starts_with(s.text, kEllipsis));
      CHECK(ends_with(s.text, kEllipsis));
      CHECK(s.text.find("  ") == std::string::npos);
      // About max_chars characters, plus the two ellipses.
      CHECK(utf8::length(s.text) <= max_chars + 2);
    }
  }
}

TEST_CASE("make_snippet: without a match, the start of a long text") {
  const std::string_view fillers[] = {
      "Lorem ipsum dolor sit amet. ",
      "Съешь же ещё этих мягких французских булок. ",
      "北京是中国的首都。",
  };
  for (std::string_view filler : fillers) {
    const std::string text = repeat(filler, 50);
    for (size_t max_chars : kMaxChars) {
      CAPTURE(filler);
      CAPTURE(max_chars);
      SnippetOptions options;
      options.max_chars = max_chars;
      const Snippet s = make_snippet(text, analyze(text), make_matcher({"absent"}), options);
      CAPTURE(s.text);
      CHECK(utf8::is_valid(s.text));
      CHECK(s.highlights.empty());
      REQUIRE(ends_with(s.text, kEllipsis));
      const std::string_view body =
          std::string_view(s.text).substr(0, s.text.size() - kEllipsis.size());
      CHECK_FALSE(body.empty());
      CHECK(starts_with(text, body));  // the start of the text, nothing collapsed here
      CHECK(utf8::length(s.text) <= max_chars + 1);
      // Cut at a word boundary when the text has spaces.
      if (filler.find(' ') != std::string_view::npos) {
        CHECK(text[body.size()] == ' ');
      }
    }
  }
}

// ---- make_passages -----------------------------------------------------------

// A text of numbered lines; "x" marks where the query word "harbour" goes.
struct PassageCase {
  const char* name;
  std::vector<int> lines_with_match;  // 1-based lines holding "harbour"
  size_t count;                       // passages asked for
  std::vector<uint32_t> want_lines;   // lines of the passages returned
};

const PassageCase kPassageCases[] = {
    {"one match, three asked", {5}, 3, {5}},
    {"far apart, all returned in text order", {2, 20, 40}, 3, {2, 20, 40}},
    {"more matches than asked", {2, 20, 40, 60}, 2, {}},  // any two, in order
    {"neighbours share a passage", {10, 10}, 2, {10}},
    {"no match: the start", {}, 3, {1}},
};

TEST_CASE("make_passages: the best N, never overlapping, in text order, with line and column") {
  for (const PassageCase& c : kPassageCases) {
    CAPTURE(c.name);
    std::string text;
    for (int line = 1; line <= 60; ++line) {
      const int matches =
          static_cast<int>(std::count(c.lines_with_match.begin(), c.lines_with_match.end(), line));
      text += "Line " + std::to_string(line) + " tells of tides";
      for (int k = 0; k < matches; ++k) text += " and the harbour";
      text += ".\n";
    }
    SnippetOptions options;
    options.max_chars = 40;
    const std::vector<Snippet> ps =
        make_passages(text, analyze(text), make_matcher({"harbour"}), options, c.count);
    REQUIRE(!ps.empty());
    CHECK(ps.size() <= std::max<size_t>(c.count, 1));
    if (!c.want_lines.empty()) {
      std::vector<uint32_t> lines;
      for (const Snippet& p : ps) lines.push_back(p.line);
      CHECK(lines == c.want_lines);
    } else {
      CHECK(ps.size() == c.count);
    }
    for (size_t i = 0; i < ps.size(); ++i) {
      CAPTURE(ps[i].text);
      if (i > 0) CHECK(ps[i].start >= ps[i - 1].start + 1);  // in text order, distinct
      if (c.lines_with_match.empty()) continue;
      // line:column points at "harbour" in the text.
      size_t at = 0;
      for (uint32_t l = 1; l < ps[i].line; ++l) at = text.find('\n', at) + 1;
      CHECK(text.compare(at + ps[i].column - 1, 7, "harbour") == 0);
      CHECK(highlighted(ps[i].text, ps[i].highlights).find("harbour") != std::string::npos);
    }
  }
}

// -C: passages of whole lines, rendered as "N:line" (a match) or "N-line",
// blocks separated by "--".
std::string line_blocks(const std::vector<Snippet>& ps) {
  std::string out;
  for (const Snippet& p : ps) {
    if (!out.empty()) out += "|--";
    for (const SnippetLine& l : snippet_lines(p)) {
      if (!out.empty()) out += '|';
      out += std::to_string(l.number) + (l.highlights.empty() ? "-" : ":") + std::string(l.text);
    }
  }
  return out;
}

TEST_CASE(
    "make_passages -A/-B/-C: whole lines around the best matching lines, merged as grep does") {
  const std::string text = "one\ntwo\nthe harbour\nfour\nfive\nsix\nharbour and tides\neight\n";
  struct Case {
    const char* query;
    int before, after;  // -B, -A (-C N: both N)
    size_t count;
    const char* want;
  };
  const Case cases[] = {
      {"harbour", 0, 0, 1, "3:the harbour"},
      {"harbour tides", 0, 0, 1, "7:harbour and tides"},  // more distinct words win
      {"harbour", 1, 1, 1, "2-two|3:the harbour|4-four"},
      {"harbour", 1, 1, 2, "2-two|3:the harbour|4-four|--|6-six|7:harbour and tides|8-eight"},
      {"harbour", 2, 2, 2,
       "1-one|2-two|3:the harbour|4-four|5-five|6-six|7:harbour and tides|8-eight"},
      {"harbour", 9, 9, 1,
       "1-one|2-two|3:the harbour|4-four|5-five|6-six|7:harbour and tides|8-eight"},
      {"absent", 1, 1, 1, "1-one|2-two"},                    // no match: the first lines
      {"harbour", 2, -1, 1, "1-one|2-two|3:the harbour"},    // -B 2
      {"harbour", -1, 2, 1, "3:the harbour|4-four|5-five"},  // -A 2
      {"harbour", 0, 1, 2, "3:the harbour|4-four|--|7:harbour and tides|8-eight"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string_view(c.query));
    CAPTURE(c.before);
    CAPTURE(c.after);
    SnippetOptions options;
    options.context = LineContext{c.before, c.after};
    const std::vector<Snippet> ps =
        make_passages(text, analyze(text), make_matcher({c.query}), options, c.count);
    CHECK(line_blocks(ps) == c.want);
    for (const Snippet& p : ps) {
      CHECK(text.compare(p.start, p.text.size(), p.text) == 0);  // as written, at `start`
      if (p.highlights.empty()) continue;
      // line:column points at the first highlight.
      size_t at = 0;
      for (uint32_t l = 1; l < p.line; ++l) at = text.find('\n', at) + 1;
      CHECK(at + p.column - 1 == p.start + p.highlights.front().first);
    }
  }
  // A block longer than kMaxContextBytes (a text without line breaks) falls
  // back to an ordinary passage.
  const std::string flat = std::string(kMaxContextBytes, 'x') + " harbour " + std::string(100, 'y');
  SnippetOptions options;
  options.context = LineContext{1, 1};
  const std::vector<Snippet> ps =
      make_passages(flat, analyze(flat), make_matcher({"harbour"}), options, 1);
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].first_line == 0);
  CHECK(ps[0].text.size() < 1000);
}

}  // namespace
}  // namespace trawl
