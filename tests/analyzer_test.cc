// analyzer.h: text -> terms with positions, byte offsets into the input and
// aliases for compounds. Each expected analysis is written as
// "term@pos[begin,end)", with '*' after the position of an alias and
// "/accented" after a term whose word carries marks (Token::accented).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
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
    out += t.term + (t.accented.empty() ? "" : "/" + t.accented) + "@" + std::to_string(t.pos) +
           (t.alias ? "*" : "") + "[" + std::to_string(t.begin) + "," + std::to_string(t.end) + ")";
  }
  return out;
}

// A compound whose middle part is longer than kMaxTermBytes.
const std::string kLongMiddle = "co-" + std::string(101, 'x') + "-op";

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
    {"MONTRÉAL", "montreal/montréal@0[0,9)"},
    {"Straße", "strasse@0[0,7)"},
    {"Ёлка", "елка/ёлка@0[0,8)"},
    {"méta-données", "meta/méta@0[0,5) donnees/données@1[6,14) metadonnees@1*[0,14)"},
    {"l'été", "l@0[0,1) ete/été@1[2,7) lete@1*[0,7)"},
    {"ﬁnance", "finance@0[0,8)"},  // a ligature has no marks to keep
    {"Алексей Навальный", "алексей@0[0,14) навальный@1[15,33)"},
    // The example of the header.
    {"Russia's co-ordinated MONTRÉAL 1,400",
     "russia@0[0,6) s@1[7,8) russias@1*[0,8) co@2[9,11) ordinated@3[12,21) "
     "coordinated@3*[9,21) montreal/montréal@4[22,31) 1@5[32,33) 400@6[34,37) 1400@6*[32,37)"},
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
    {"co-ordinated plan", "co@0[0,2) ordinated@1[3,12) coordinated@1*[0,12) plan@2[13,17)"},
    {"state-of-the-art", "state@0[0,5) of@1[6,8) the@2[9,12) art@3[13,16) stateoftheart@3*[0,16)"},
    {"co\xE2\x80\x90operate", "co@0[0,2) operate@1[5,12) cooperate@1*[0,12)"},  // U+2010
    {"1,400-strong", "1@0[0,1) 400@1[2,5) strong@2[6,12) 1400strong@2*[0,12)"},
    {"a-b-c-d-e-f-g-h",  // kMaxCompoundParts parts
     "a@0[0,1) b@1[2,3) c@2[4,5) d@3[6,7) e@4[8,9) f@5[10,11) g@6[12,13) "
     "h@7[14,15) abcdefgh@7*[0,15)"},
    {kLongMiddle,  // a part too long is dropped and ends the compound
     "co@0[0,2) op@1[105,107)"},
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

namespace trawl {
namespace {

// Every file of the sample corpus (and of ../shared's seeds when present),
// a table of tricky strings, and generated text: the fast path must give
// exactly ICU's tokens.
std::vector<std::string> fast_path_inputs() {
  namespace fs = std::filesystem;
  std::vector<std::string> inputs = {
      "a:b _ __ a_ _a e.g. U.S.A 3.14 1,000 a.1 1.a can't a' 'a a''b x--y a1b2 _1 1_",
      "12:30 a;b a,b 1;2 a.b.c #tag @x a  b a\"b $5 co-ordinated Russia's 1,400.5",
      "email me: someone@example.org, or see http://example.org/a_b?c=1&d=2#top",
      "naïve café — “quoted” 東京都 Москва e\u0301 x\u200Dy ½ ﬁ tab\there\r\nline\fform\vv",
      "end.", "'", ".", "a", "9", "a.", ".a", "a..b", "1..2", "1.,2", "a.'b", "1'2", "1;a",
  };
  const fs::path roots[] = {fs::path(TRAWL_TEST_DATA) / ".." / ".." / "corpus",
                            fs::path(TRAWL_TEST_DATA) / ".." / ".." / ".." / "shared" /
                                "corpus" / "seeds"};
  for (const fs::path& root : roots) {
    if (!fs::is_directory(root)) continue;  // ../shared is absent in a user's clone
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path(), std::ios::binary);
      inputs.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  const std::string_view alphabet[] = {"a", "Z", "7", "0", ".", ",", ";", ":", "'", "-", "_",
                                       "@", " ", "\n", "/", "\"", "é", "—", "東", "\u0301"};
  uint64_t x = 0x9E3779B97F4A7C15ULL;
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    for (int k = 0; k < 1 + n % 23; ++k) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      s += alphabet[x % std::size(alphabet)];
    }
    inputs.push_back(s);
  }
  return inputs;
}

TEST_CASE("Analyzer: the ASCII fast path gives exactly ICU's tokens") {
  Analyzer fast;
  Analyzer icu;
  icu.set_fast_path(false);
  size_t files = 0;
  for (const std::string& text : fast_path_inputs()) {
    CAPTURE(text.substr(0, 80));
    std::vector<Token> a, b;
    CHECK(fast.analyze(text, &a, 5) == icu.analyze(text, &b, 5));
    CHECK(format(a) == format(b));
    files += text.size() > 1000;
  }
  CHECK(files >= 10);  // the sample corpus was read
}

}  // namespace
}  // namespace trawl
