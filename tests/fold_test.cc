// fold.h: the normal form of a word. Marks are dropped on Latin, Greek,
// Arabic and Hebrew letters and kept where they make a different letter
// (Japanese dakuten, Cyrillic й, Indic and Thai signs).
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "fold.h"
#include "utf8.h"

namespace trawl {
namespace {

struct Case {
  std::string_view input;
  std::string_view expected;
};

const Case kCases[] = {
    // ASCII: lower case only, everything else unchanged.
    {"", ""},
    {"hello", "hello"},
    {"HeLLo", "hello"},
    {"NASA", "nasa"},
    {"C++", "c++"},
    {"ABC-123_x.Y", "abc-123_x.y"},
    // The examples of the header.
    {"MONTRÉAL", "montreal"},
    {"Straße", "strasse"},
    {"ＡＢＣ", "abc"},
    {"ﬁnance", "finance"},
    {"Łódź", "lodz"},
    {"Навальный", "навальный"},
    // Latin accents, precomposed and combining.
    {"naïve", "naive"},
    {"Ångström", "angstrom"},
    {"Señor", "senor"},
    {"Ça", "ca"},
    {"Crème", "creme"},
    {"Cafe\u0301", "cafe"},            // e + combining acute
    {"İstanbul", "istanbul"},          // dotted capital I: no dot left over
    // Full case folding of ß.
    {"STRASSE", "strasse"},
    {"straße", "strasse"},
    {"ẞ", "ss"},                      // capital sharp s
    // Ligatures and other compatibility forms.
    {"ﬂow", "flow"},
    {"oﬀer", "offer"},
    {"ﬆ", "st"},
    {"Ｔｒａｗｌ", "trawl"},            // fullwidth letters
    {"１２３", "123"},                 // fullwidth digits
    {"x²", "x2"},
    {"Ⅻ", "xii"},                     // roman numeral
    {"½", "1\u20442"},                 // 1⁄2: the analyzer splits at ⁄
    // Latin letters with strokes, and ligature letters.
    {"Ærø", "aero"},
    {"Øresund", "oresund"},
    {"Đorđe", "dorde"},
    {"Œuvre", "oeuvre"},
    {"Þór", "thor"},
    {"Ħamrun", "hamrun"},
    {"ı", "i"},                       // dotless i
    // Greek: tonos and dialytika dropped, final sigma folded.
    {"Αθήνα", "αθηνα"},
    {"ΕΛΛΆΔΑ", "ελλαδα"},
    {"Ελλάδα", "ελλαδα"},
    {"Σοφός", "σοφοσ"},
    {"ϊ", "ι"},
    // Cyrillic: й keeps its breve, ё and ї lose the diaeresis.
    {"НАВАЛЬНЫЙ", "навальный"},
    {"йод", "йод"},
    {"Йод", "йод"},
    {"ёлка", "елка"},
    {"Ёлка", "елка"},
    {"е\u0308лка", "елка"},            // decomposed ё
    {"и\u0306од", "йод"},              // decomposed й: breve kept, recomposed
    {"Їжак", "іжак"},
    // Arabic harakat and Hebrew niqqud are dropped.
    {"كَتَبَ", "كتب"},
    {"שָׁלוֹם", "שלום"},
    // Marks that make a different letter are kept.
    {"が", "が"},
    {"かが", "かが"},
    {"ガ", "ガ"},
    {"パン", "パン"},                  // handakuten
    {"ｶﾞ", "ガ"},                      // half-width kana compose
    {"कुछ", "कुछ"},                    // Devanagari vowel sign u (non-spacing)
    {"हिंदी", "हिंदी"},
    {"ไม่", "ไม่"},                    // Thai tone mark
    // Scripts without case are unchanged.
    {"北京", "北京"},
    {"한국어", "한국어"},
};

TEST_CASE("fold: case, accents, compatibility forms, per-script marks") {
  for (const Case& c : kCases) {
    CAPTURE(c.input);
    const std::string folded = fold(c.input);
    CHECK(folded == c.expected);
    CHECK(utf8::is_valid(folded));
    CHECK(fold(folded) == folded);  // a normal form: folding again is a no-op
  }
}

TEST_CASE("fold: the marked form is kept when folding drops or replaces a mark") {
  struct Marked {
    const char* input;
    const char* folded;
    const char* marked;  // "": none
  };
  const Marked cases[] = {
      {"Résumé", "resume", "résumé"},
      {"MONTRÉAL", "montreal", "montréal"},
      {"thế", "the", "thế"},
      {"Łódź", "lodz", "łódź"},
      {"Ёлка", "елка", "ёлка"},
      {"naïve", "naive", "naïve"},
      {"Straße", "strasse", ""},  // no mark: ß folds to ss
      {"ﬁnance", "finance", ""},  // a ligature is not a mark
      {"hello", "hello", ""},
      {"Навальный", "навальный", ""},
      {"が", "が", ""},
      {"北京", "北京", ""},
      {"e\u0301te\u0301", "ete", "été"},  // decomposed input: the marked form is composed
  };
  for (const Marked& c : cases) {
    CAPTURE(std::string_view(c.input));
    std::string marked = "stale";
    CHECK(fold(c.input, &marked) == c.folded);
    CHECK(marked == c.marked);
    if (!marked.empty()) CHECK(fold(marked) == c.folded);
    CHECK(fold(c.input) == c.folded);
  }
}

TEST_CASE("has_marks: accented forms, not folded terms") {
  struct MarkCase {
    const char* term;
    bool marked;
  };
  const MarkCase cases[] = {
      {"résumé", true},     {"resume", false}, {"thế", true},    {"the", false},
      {"łódź", true},       {"lodz", false},   {"ёлка", true},   {"елка", false},
      {"навальный", false}, {"αθήνα", true},   {"αθηνα", false}, {"北京", false},
      {"が", false},        {"हिंदी", false},   {"", false},      {"\xC3", false},
  };
  for (const MarkCase& c : cases) {
    CAPTURE(std::string_view(c.term));
    CHECK(has_marks(c.term) == c.marked);
  }
}

TEST_CASE("fold: the ASCII fast path lower-cases A-Z and keeps every other byte") {
  for (int b = 0; b < 0x80; ++b) {
    const char c = static_cast<char>(b);
    CAPTURE(b);
    const char expected = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
    CHECK(fold(std::string(1, c)) == std::string(1, expected));
    CHECK(fold(std::string("x") + c + "Y") == std::string("x") + expected + "y");
  }
}

struct AsciiCase {
  std::string_view input;
  bool ascii;
};

const AsciiCase kAsciiCases[] = {
    {"", true},
    {"abc XYZ 123 !~", true},
    {"\x7F", true},
    {"é", false},
    {"abc\x80", false},
    {"ＡＢＣ", false},
};

TEST_CASE("is_ascii") {
  for (const AsciiCase& c : kAsciiCases) {
    CAPTURE(c.input);
    CHECK(is_ascii(c.input) == c.ascii);
  }
}

}  // namespace
}  // namespace trawl
