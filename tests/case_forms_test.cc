// -s/-S/-i: words matched as typed, checked in the text (case_forms.h):
// short texts, texts in pieces with the typed word beyond the passage
// finder's budget, titles, accents, the query's structure, counts and
// highlights.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "case_forms.h"
#include "search.h"
#include "support/test_index.h"

namespace trawl::searcher {
namespace {

// About `kb` KB of lines with `word` (lower case) on every line, and
// `last` on the last one.
std::string long_text(size_t kb, std::string_view word, std::string_view last) {
  std::string text = "Harbour log\n\n";
  for (size_t i = 0; text.size() < kb * 1024; ++i) {
    text += "line " + std::to_string(i) + " the ferry crossed with an " + std::string(word) +
            " crate aboard\n";
  }
  return text + "the last line names " + std::string(last) + "\n";
}

Xapian::Database case_index() {
  return testing::make_index({
      {"a.txt", "", "The US limits trade with its partners."},
      {"b.txt", "", "Tell us about trade and the weather."},
      {"c.txt", "", "Apple released a phone. Then apple pie."},
      // 200 KB: the capital is some 50 pieces in, past kMaxCasePieces.
      {"d.txt", "", long_text(200, "apple", "Apple Computer")},
      {"e.txt", "", long_text(40, "apple", "nothing")},
      {"f.txt", "", "Résumé writing tips for the spring."},
      {"g.txt", "", "We resume the meeting at noon."},
      {"h.txt", "NASA budget", "the budget of the agency grows"},
      {"i.txt", "", "USA and USSR talks, and us"},  // US only inside other words
      {"j.txt", "", "the (US)-led talks"},
  });
}

std::vector<std::string> paths(const SearchResult& r) {
  std::vector<std::string> out;
  for (const Hit& h : r.hits) out.push_back(h.record.path);
  std::sort(out.begin(), out.end());
  return out;
}

SearchResult run(const Xapian::Database& db, std::string_view query, CaseMode mode,
                 OutputMode out = OutputMode::kJson) {
  Searcher s(db, "test");
  SearchOptions o;
  o.query = std::string(query);
  o.case_mode = mode;
  o.mode = out;
  o.check_fresh = false;
  o.collapse = false;
  return s.search(o);
}

TEST_CASE("case: has_upper") {
  struct Case {
    std::string_view form;
    bool upper;
  };
  const Case kCases[] = {
      {"us", false}, {"US", true},     {"uS", true},  {"résumé", false}, {"Résumé", true},
      {"1400", false}, {"Ǆ", true},    {"ǅ", true},   {"東京", false},    {"ß", false},
      {"\xff", false},  // not UTF-8: stops, no upper
  };
  for (const Case& c : kCases) {
    CAPTURE(c.form);
    CHECK(has_upper(c.form) == c.upper);
  }
}

TEST_CASE("case: mask blanks the words not written as typed") {
  struct Case {
    std::string_view text;
    std::string_view term, form;  // asked: term written as form
    std::string_view kept;        // the terms left, space-separated
  };
  const Case kCases[] = {
      {"US and us", "us", "US", "us and"},
      {"US and us", "us", "us", "and us"},
      {"APPLE Apple apple", "apple", "Apple", "apple"},
      // Blanked: the first (written otherwise); the second is not asked for
      // (the query wants the marks: its term is résumé).
      {"Résumé resume résumé", "résumé", "résumé", "resume resume"},
      {"Résumé resume", "resume", "resume", "resume"},
      {"Russia's", "russia", "Russia", "russia s russias"},
      {"russia's", "russia", "Russia", "s russias"},
      {"e-mail E-mail", "email", "e-mail", "e mail email e mail"},
  };
  Analyzer analyzer;
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    CAPTURE(c.form);
    CaseForms forms;
    forms.add(std::string(c.term), std::string(c.form));
    std::vector<Token> tokens;
    analyzer.analyze(c.text, &tokens);
    forms.mask(c.text, &tokens);
    std::string kept;
    for (const Token& t : tokens) {
      if (!t.term.empty()) kept += (kept.empty() ? "" : " ") + t.term;
    }
    CHECK(kept == c.kept);
  }
}

TEST_CASE("case: -s, -S and -i find the documents that write the words so") {
  const Xapian::Database db = case_index();
  using V = std::vector<std::string>;
  struct Case {
    std::string_view query;
    CaseMode mode;
    V expected;
  };
  const auto kI = CaseMode::kIgnore, kS = CaseMode::kSensitive, kSmart = CaseMode::kSmart;
  const Case kCases[] = {
      {"US", kI, {"a.txt", "b.txt", "i.txt", "j.txt"}},
      {"US", kS, {"a.txt", "j.txt"}},
      {"us", kS, {"b.txt", "i.txt"}},
      {"US", kSmart, {"a.txt", "j.txt"}},
      {"us", kSmart, {"a.txt", "b.txt", "i.txt", "j.txt"}},
      {"talks", kS, {"i.txt", "j.txt"}},
      {"Apple", kS, {"c.txt", "d.txt"}},  // d.txt: only its last line
      {"apple", kS, {"c.txt", "d.txt", "e.txt"}},
      {"Apple OR US", kS, {"a.txt", "c.txt", "d.txt", "j.txt"}},
      {"Apple AND US", kS, {}},
      {"Apple -pie", kS, {"d.txt"}},  // excluded words are not checked
      {"Trade", kS, {}},
      {"Trade", kI, {"a.txt", "b.txt"}},
      {"NASA", kS, {"h.txt"}},  // in the title
      {"nasa", kS, {}},
      {"résumé", kS, {}},  // f.txt writes Résumé
      {"Résumé", kS, {"f.txt"}},
      {"resume", kS, {"g.txt"}},  // accents as typed, and no other forms
      {"resume", kI, {"f.txt", "g.txt"}},
      {"resumed", kI, {"f.txt", "g.txt"}},  // other forms, accents folded
      {"resumed", kS, {}},
      {"\"apple pie\"", kS, {"c.txt"}},
      {"\"Apple pie\"", kS, {}},  // c.txt has Apple and pie, not the phrase so
      {"\"Apple Computer\"", kS, {"d.txt"}},  // in a long text
      {"\"apple computer\"", kS, {}},
      {"\"apple crate\"", kS, {"d.txt", "e.txt"}},
      {"\"Apple crate\"", kS, {}},
      {"\"NASA budget\"", kS, {"h.txt"}},  // in the title
      {"\"the agency\"", kS, {"h.txt"}},
      {"\"The agency\"", kS, {}},
      {"Apple NEAR Computer", kS, {"d.txt"}},  // NEAR: its words one by one
      {"Apple NEAR crate", kS, {"d.txt"}},
      {"App*", kS, {"c.txt", "d.txt", "e.txt"}},  // wildcards are not checked
  };
  for (const Case& c : kCases) {
    CAPTURE(c.query);
    CAPTURE(static_cast<int>(c.mode));
    CHECK(paths(run(db, c.query, c.mode)) == c.expected);
    CHECK(run(db, c.query, c.mode, OutputMode::kCount).matches_estimated == c.expected.size());
  }
}

TEST_CASE("case: a phrase written as typed is found wherever it falls among the pieces") {
  // Every line ends with "apple" and the next starts with "computer", and
  // anchors sit at line starts (stored_text.h), so every anchor falls
  // inside that phrase. Document k writes it "Apple Computer" once, over
  // lines k + 40 and k + 41: in one of them it crosses the end of a piece.
  std::vector<testing::TestDoc> docs;
  constexpr size_t kDocs = 160;
  for (size_t k = 0; k < kDocs; ++k) {
    std::string text;
    for (size_t line = 0; line < 300; ++line) {
      text += line == k + 41 ? "Computer" : "computer";
      text += " crate " + std::to_string(line) + " the ";
      text += line == k + 40 ? "Apple\n" : "apple\n";
    }
    docs.push_back({"doc" + std::to_string(k) + ".txt", "", text});
  }
  const Xapian::Database db = testing::make_index(docs);
  Searcher s(db, "test");
  SearchOptions o;
  o.query = "\"Apple Computer\"";
  o.case_mode = CaseMode::kSensitive;
  o.mode = OutputMode::kCount;
  o.check_fresh = false;
  CHECK(s.search(o).matches_estimated == kDocs);
  o.query = "\"Computer crate\"";
  CHECK(s.search(o).matches_estimated == kDocs);
  o.query = "\"Apple computer\"";
  CHECK(s.search(o).matches_estimated == 0);
}

TEST_CASE("case: passages show and highlight the words written as typed") {
  const Xapian::Database db = case_index();
  struct Case {
    std::string_view query;
    CaseMode mode;
    std::string_view path;
    std::string_view highlighted;  // every highlight's text
  };
  const auto kI = CaseMode::kIgnore, kS = CaseMode::kSensitive;
  const Case kCases[] = {
      {"Apple", kS, "c.txt", "Apple"},
      {"apple", kS, "c.txt", "apple"},
      {"Apple", kS, "d.txt", "Apple"},  // found past the passage finder's budget
      {"NASA", kS, "h.txt", ""},        // the body has no NASA
      // A phrase's place in a long text comes from its words' positions
      // (its words alone are not matched).
      {"\"apple computer\"", kI, "d.txt", "Apple Computer"},
      {"\"Apple Computer\"", kS, "d.txt", "Apple Computer"},
      {"\"the last line\"", kI, "d.txt", "the last line"},  // "the" is not read
      {"\"line names Apple\"", kS, "d.txt", "line names Apple"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.query);
    CAPTURE(c.path);
    const SearchResult r = run(db, c.query, c.mode);
    const auto hit = std::find_if(r.hits.begin(), r.hits.end(),
                                  [&](const Hit& h) { return h.record.path == c.path; });
    REQUIRE(hit != r.hits.end());
    const Snippet& s = hit->snippet;
    CHECK(s.highlights.size() == (c.highlighted.empty() ? 0u : 1u));
    for (const Span& h : s.highlights) CHECK(s.text.substr(h.first, h.second - h.first) == c.highlighted);
  }
  const SearchResult title = run(db, "NASA", CaseMode::kSensitive);
  REQUIRE(title.hits.size() == 1);
  CHECK(title.hits[0].title_highlights.size() == 1);
}

}  // namespace
}  // namespace trawl::searcher
