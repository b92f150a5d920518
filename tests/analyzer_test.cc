// analyzer.h: text -> terms with positions, byte offsets into the input and
// aliases for compounds. Each expected analysis is written as
// "term@pos[begin,end)", with '*' after the position of an alias.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer.h"
#include "fold.h"

namespace trawl {
namespace {

std::string format(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.term + "@" + std::to_string(t.pos) + (t.alias ? "*" : "") + "[" +
           std::to_string(t.begin) + "," + std::to_string(t.end) + ")";
  }
  return out;
}

struct Case {
  std::string_view text;
  std::string_view expected;
  uint32_t first_pos = 0;
};

const Case kCases[] = {
    // Plain words, punctuation and empty input.
    {"Hello world", "hello@0[0,5) world@1[6,11)"},
    {"Hello, world!", "hello@0[0,5) world@1[7,12)"},
    {"End. Next", "end@0[0,3) next@1[5,9)"},
    {"", ""},
    {"  ... !!! --- ,,, ", ""},
    {"I \xE2\x9D\xA4 NY", "i@0[0,1) ny@1[6,8)"},  // the heart is not a word
    // Folding, with offsets into the original bytes.
    {"MONTRÉAL", "montreal@0[0,9)"},
    {"Straße", "strasse@0[0,7)"},
    {"Ёлка", "елка@0[0,8)"},
    {"Алексей Навальный", "алексей@0[0,14) навальный@1[15,33)"},
    // The example of the header.
    {"Russia's co-ordinated MONTRÉAL 1,400",
     "russia@0[0,6) s@1[7,8) russias@1*[0,8) co@2[9,11) ordinated@3[12,21) "
     "coordinated@3*[9,21) montreal@4[22,31) 1@5[32,33) 400@6[34,37) 1400@6*[32,37)"},
    // Multi-part words: apostrophes, inner periods, commas.
    {"Russia\xE2\x80\x99s", "russia@0[0,6) s@1[9,10) russias@1*[0,10)"},
    {"don't", "don@0[0,3) t@1[4,5) dont@1*[0,5)"},
    {"U.S. sanctions", "u@0[0,1) s@1[2,3) us@1*[0,3) sanctions@2[5,14)"},
    {"3.14", "3@0[0,1) 14@1[2,4) 314@1*[0,4)"},
    {"1,400", "1@0[0,1) 400@1[2,5) 1400@1*[0,5)"},
    {"snake_case", "snake_case@0[0,10)"},  // '_' is a Xapian word character
    // Hyphen compounds; the alias takes the last part's position only.
    {"e-mail", "e@0[0,1) mail@1[2,6) email@1*[0,6)"},
    {"COVID-19", "covid@0[0,5) 19@1[6,8) covid19@1*[0,8)"},
    {"co-ordinated plan",
     "co@0[0,2) ordinated@1[3,12) coordinated@1*[0,12) plan@2[13,17)"},
    {"state-of-the-art",
     "state@0[0,5) of@1[6,8) the@2[9,12) art@3[13,16) stateoftheart@3*[0,16)"},
    {"co\xE2\x80\x90operate", "co@0[0,2) operate@1[5,12) cooperate@1*[0,12)"},  // U+2010
    {"1,400-strong",
     "1@0[0,1) 400@1[2,5) strong@2[6,12) 1400strong@2*[0,12)"},
    {"a-b-c-d-e-f-g-h",  // kMaxCompoundParts parts
     "a@0[0,1) b@1[2,3) c@2[4,5) d@3[6,7) e@4[8,9) f@5[10,11) g@6[12,13) "
     "h@7[14,15) abcdefgh@7*[0,15)"},
    {"a-b-c-d-e-f-g-h-i",  // one part too many: no alias
     "a@0[0,1) b@1[2,3) c@2[4,5) d@3[6,7) e@4[8,9) f@5[10,11) g@6[12,13) "
     "h@7[14,15) i@8[16,17)"},
    // Not compounds: double hyphens, spaced hyphens, hyphens at the edges.
    {"well--known", "well@0[0,4) known@1[6,11)"},
    {"well - known", "well@0[0,4) known@1[7,12)"},
    {"-leading trailing-", "leading@0[1,8) trailing@1[9,17)"},
    // Scripts without spaces (ICU dictionaries).
    {"北京是中国的首都。", "北京@0[0,6) 是@1[6,9) 中国@2[9,15) 的@3[15,18) 首都@4[18,24)"},
    // first_pos.
    {"one two", "one@10[0,3) two@11[4,7)", 10},
    {"co-op", "co@7[0,2) op@8[3,5) coop@8*[0,5)", 7},
    {" ... ", "", 5},
};

TEST_CASE("Analyzer: terms, positions, byte offsets and aliases") {
  Analyzer analyzer;
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    CAPTURE(c.first_pos);
    std::vector<Token> tokens;
    const uint32_t next = analyzer.analyze(c.text, &tokens, c.first_pos);
    CHECK(format(tokens) == c.expected);
    uint32_t expected_next = c.first_pos;
    for (const Token& t : tokens) {
      if (!t.alias) expected_next = t.pos + 1;
      REQUIRE(t.begin < t.end);
      REQUIRE(t.end <= c.text.size());
      // A word's offsets cover the original spelling of that word.
      if (!t.alias) CHECK(fold(c.text.substr(t.begin, t.end - t.begin)) == t.term);
    }
    CHECK(next == expected_next);
  }
}

TEST_CASE("Analyzer: analyze appends and positions continue from the returned value") {
  Analyzer analyzer;
  std::vector<Token> tokens;
  uint32_t pos = analyzer.analyze("First part.", &tokens);
  CHECK(pos == 2);
  pos = analyzer.analyze("", &tokens, pos);
  CHECK(pos == 2);
  pos = analyzer.analyze("co-op third", &tokens, pos);
  CHECK(pos == 5);
  // Offsets are relative to each analysed text.
  CHECK(format(tokens) ==
        "first@0[0,5) part@1[6,10) co@2[0,2) op@3[3,5) coop@3*[0,5) third@4[6,11)");
}

TEST_CASE("Analyzer: a moved-to analyzer works") {
  Analyzer a;
  Analyzer b(std::move(a));
  Analyzer c;
  c = std::move(b);
  std::vector<Token> tokens;
  CHECK(c.analyze("still works", &tokens) == 2);
  CHECK(format(tokens) == "still@0[0,5) works@1[6,11)");
}

struct LongCase {
  std::string_view unit;  // repeated `count` times to make one word
  size_t count;
  bool kept;
};

const LongCase kLongCases[] = {
    {"a", 99, true},
    {"a", kMaxTermBytes, true},
    {"a", kMaxTermBytes + 1, false},
    {"a", 1000, false},
    {"ж", kMaxTermBytes / 2, true},       // 100 bytes
    {"ж", kMaxTermBytes / 2 + 1, false},  // 102 bytes
    {"Ж", kMaxTermBytes / 2, true},       // folds to ж: still 100 bytes
};

TEST_CASE("Analyzer: terms longer than kMaxTermBytes are dropped") {
  Analyzer analyzer;
  for (const LongCase& c : kLongCases) {
    CAPTURE(c.unit);
    CAPTURE(c.count);
    std::string word;
    for (size_t i = 0; i < c.count; ++i) word += c.unit;
    std::vector<Token> tokens;
    analyzer.analyze("ok " + word + " end", &tokens);
    std::vector<std::string> terms;
    for (const Token& t : tokens) {
      CHECK(t.term.size() <= kMaxTermBytes);
      terms.push_back(t.term);
    }
    std::vector<std::string> expected = {"ok"};
    if (c.kept) expected.push_back(fold(word));
    expected.push_back("end");
    CHECK(terms == expected);
  }
}

TEST_CASE("Analyzer: a compound whose concatenation is too long has no alias") {
  Analyzer analyzer;
  const std::string left(60, 'a');
  const std::string right(60, 'b');
  std::vector<Token> tokens;
  CHECK(analyzer.analyze(left + "-" + right, &tokens) == 2);
  CHECK(format(tokens) == left + "@0[0,60) " + right + "@1[61,121)");
}

struct StemCase {
  std::string_view term;
  bool stem;
};

const StemCase kStemCases[] = {
    {"running", true},
    {"über", true},
    {"навальный", true},
    {"αθηνα", true},
    {"北京", true},       // other letter
    {"ǅemal", true},      // title-case letter
    {"ʰa", true},         // modifier letter
    {"Running", false},   // upper case
    {"Über", false},
    {"2014", false},
    {"_x", false},
    {"", false},
    {"\xFF" "abc", false},  // invalid UTF-8
};

TEST_CASE("should_stem: terms starting with a letter that is not upper case") {
  for (const StemCase& c : kStemCases) {
    CAPTURE(c.term);
    CHECK(should_stem(c.term) == c.stem);
  }
}

}  // namespace
}  // namespace trawl
