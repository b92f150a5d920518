// utf8.h: decoding, validation, repair, truncation and length, checked
// against the UTF-8 definition (RFC 3629): no overlong forms, no surrogates,
// nothing above U+10FFFF, no truncated sequences.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "utf8.h"

namespace trawl {
namespace {

using namespace std::string_view_literals;

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

struct DecodeCase {
  std::string_view input;
  size_t index;
  size_t length;       // 0 = invalid
  char32_t cp = 0;     // checked only when length > 0
};

const DecodeCase kDecodeCases[] = {
    // Valid forms of every length, including the boundaries of each length.
    {"A", 0, 1, U'A'},
    {"\x7F", 0, 1, 0x7F},
    {"\0"sv, 0, 1, 0},
    {"\xC2\x80", 0, 2, 0x80},             // smallest 2-byte
    {"\xC3\xA9", 0, 2, 0xE9},             // é
    {"\xDF\xBF", 0, 2, 0x7FF},            // largest 2-byte
    {"\xE0\xA0\x80", 0, 3, 0x800},        // smallest 3-byte
    {"\xE2\x82\xAC", 0, 3, 0x20AC},       // €
    {"\xED\x9F\xBF", 0, 3, 0xD7FF},       // just below the surrogates
    {"\xEE\x80\x80", 0, 3, 0xE000},       // just above the surrogates
    {"\xEF\xBF\xBF", 0, 3, 0xFFFF},
    {"\xF0\x90\x80\x80", 0, 4, 0x10000},  // smallest 4-byte
    {"\xF0\x9F\x98\x80", 0, 4, 0x1F600},  // 😀
    {"\xF4\x8F\xBF\xBF", 0, 4, 0x10FFFF}, // largest code point
    // Decoding at an index, with bytes after the code point.
    {"a\xC3\xA9", 1, 2, 0xE9},
    {"\xE2\x82\xAC" "x", 0, 3, 0x20AC},
    {"x\xF0\x9F\x98\x80y", 1, 4, 0x1F600},
    // Overlong forms.
    {"\xC0\x80", 0, 0},                   // NUL in 2 bytes
    {"\xC1\xBF", 0, 0},                   // U+7F in 2 bytes
    {"\xE0\x80\xAF", 0, 0},               // '/' in 3 bytes
    {"\xE0\x9F\xBF", 0, 0},               // U+7FF in 3 bytes
    {"\xF0\x80\x80\xAF", 0, 0},           // '/' in 4 bytes
    {"\xF0\x8F\xBF\xBF", 0, 0},           // U+FFFF in 4 bytes
    // Surrogates.
    {"\xED\xA0\x80", 0, 0},               // U+D800
    {"\xED\xB0\x80", 0, 0},               // U+DC00
    {"\xED\xBF\xBF", 0, 0},               // U+DFFF
    // Above U+10FFFF, and lead bytes that never occur.
    {"\xF4\x90\x80\x80", 0, 0},           // U+110000
    {"\xF5\x80\x80\x80", 0, 0},
    {"\xF7\xBF\xBF\xBF", 0, 0},
    {"\xF8\x88\x80\x80\x80", 0, 0},       // old 5-byte form
    {"\xFC\x84\x80\x80\x80\x80", 0, 0},   // old 6-byte form
    {"\xFE", 0, 0},
    {"\xFF", 0, 0},
    // Continuation bytes without a lead.
    {"\x80", 0, 0},
    {"\xBF", 0, 0},
    {"\xC3\xA9", 1, 0},                   // the second byte of é
    // Truncated sequences, at the end of the input and before other bytes.
    {"\xC3", 0, 0},
    {"\xE2\x82", 0, 0},
    {"\xF0\x9F\x98", 0, 0},
    {"a\xE2\x82", 1, 0},
    {"\xC3" "A", 0, 0},
    {"\xE2\x82" "A", 0, 0},
    {"\xE2(\xA1", 0, 0},
    {"\xF0\x9F\x98" "A", 0, 0},
};

TEST_CASE("utf8::decode accepts exactly the valid sequences") {
  for (const DecodeCase& c : kDecodeCases) {
    CAPTURE(c.input);
    CAPTURE(c.index);
    char32_t cp = 0xDEAD;
    CHECK(utf8::decode(c.input, c.index, &cp) == c.length);
    if (c.length > 0) CHECK(static_cast<uint32_t>(cp) == static_cast<uint32_t>(c.cp));
  }
}

struct AppendCase {
  char32_t cp;
  std::string_view bytes;
};

const AppendCase kAppendCases[] = {
    {0, "\0"sv},
    {U'A', "A"},
    {0x7F, "\x7F"},
    {0x80, "\xC2\x80"},
    {0xE9, "\xC3\xA9"},
    {0x7FF, "\xDF\xBF"},
    {0x800, "\xE0\xA0\x80"},
    {0x20AC, "\xE2\x82\xAC"},
    {0xFFFD, kReplacement},
    {0xFFFF, "\xEF\xBF\xBF"},
    {0x10000, "\xF0\x90\x80\x80"},
    {0x1F600, "\xF0\x9F\x98\x80"},
    {0x10FFFF, "\xF4\x8F\xBF\xBF"},
};

TEST_CASE("utf8::append encodes and decode reads it back") {
  for (const AppendCase& c : kAppendCases) {
    CAPTURE(static_cast<uint32_t>(c.cp));
    std::string out = "x";
    utf8::append(&out, c.cp);
    std::string expected = "x";
    expected.append(c.bytes);  // (not "x" + ...: GCC 12 warns -Wrestrict there)
    CHECK(out == expected);
    char32_t back = 0;
    CHECK(utf8::decode(out, 1, &back) == c.bytes.size());
    CHECK(static_cast<uint32_t>(back) == static_cast<uint32_t>(c.cp));
  }
}

struct ValidCase {
  std::string_view input;
  bool valid;
};

const ValidCase kValidCases[] = {
    {"", true},
    {"plain ascii", true},
    {"\0 nul inside"sv, true},
    {"café Навальный 北京 😀", true},
    {"\xF4\x8F\xBF\xBF", true},
    {"caf\xC3", false},                  // truncated at the end
    {"caf\xC3" "e", false},
    {"\xC0\xAF", false},                 // overlong
    {"ok \xED\xA0\x80 ok", false},       // surrogate
    {"\xF4\x90\x80\x80", false},         // above U+10FFFF
    {"\x80 starts with a continuation", false},
    {"Latin-1 caf\xE9", false},
    {"\xFF\xFE", false},
};

TEST_CASE("utf8::is_valid") {
  for (const ValidCase& c : kValidCases) {
    CAPTURE(c.input);
    CHECK(utf8::is_valid(c.input) == c.valid);
  }
}

// Cases where every invalid byte is its own invalid sequence, so the number
// of U+FFFD is not a matter of convention.
struct RepairCase {
  std::string_view input;
  std::string_view expected;
};

const RepairCase kRepairCases[] = {
    {"", ""},
    {"abc", "abc"},
    {"café 北京 😀", "café 北京 😀"},
    {"\0"sv, "\0"sv},
    {"a\xFF" "b", "a\uFFFD" "b"},
    {"\x80", "\uFFFD"},
    {"\xFE\xFF", "\uFFFD\uFFFD"},
    {"\xC0\xAF", "\uFFFD\uFFFD"},                        // overlong '/'
    {"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD"},              // surrogate
    {"\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD"},    // U+110000
    {"Latin-1 caf\xE9!", "Latin-1 caf\uFFFD!"},
    {"\xC3\xA9\xFF\xE2\x82\xAC", "é\uFFFD€"},
    {"end \xC3", "end \uFFFD"},
};

TEST_CASE("utf8::repair replaces invalid bytes with U+FFFD and keeps the rest") {
  for (const RepairCase& c : kRepairCases) {
    CAPTURE(c.input);
    const std::string repaired = utf8::repair(c.input);
    CHECK(repaired == c.expected);
    CHECK(utf8::is_valid(repaired));
  }
}

// Truncated sequences: how many U+FFFD they become is a convention, but the
// result is valid and the valid neighbours survive.
const std::string_view kRepairTruncated[] = {
    "a\xE2\x82" "b",
    "a\xF0\x9F\x98" "b",
    "a\xE2\x82\xE2\x82" "b",
    "a\xC3\xE2\x82\xAC" "b",
};

TEST_CASE("utf8::repair of truncated sequences keeps the valid neighbours") {
  for (std::string_view input : kRepairTruncated) {
    CAPTURE(input);
    const std::string repaired = utf8::repair(input);
    CHECK(utf8::is_valid(repaired));
    REQUIRE(repaired.size() >= 2 + kReplacement.size());
    CHECK(repaired.front() == 'a');
    CHECK(repaired.back() == 'b');
    CHECK(repaired.substr(1, kReplacement.size()) == kReplacement);
  }
}

struct TruncateCase {
  std::string_view input;
  size_t max_bytes;
  std::string_view expected;
};

const TruncateCase kTruncateCases[] = {
    {"", 0, ""},
    {"", 5, ""},
    {"abc", 5, "abc"},
    {"abc", 3, "abc"},
    {"abc", 2, "ab"},
    {"abc", 0, ""},
    {"éé", 4, "éé"},
    {"éé", 3, "é"},           // would end inside the second é
    {"éé", 1, ""},
    {"€", 2, ""},
    {"€", 3, "€"},
    {"a€", 3, "a"},
    {"a€b", 4, "a€"},
    {"😀", 3, ""},
    {"a😀b", 4, "a"},
    {"a😀b", 5, "a😀"},
    {"Навальный", 5, "На"},
};

TEST_CASE("utf8::truncate cuts on a code point boundary") {
  for (const TruncateCase& c : kTruncateCases) {
    CAPTURE(c.input);
    CAPTURE(c.max_bytes);
    const std::string_view cut = utf8::truncate(c.input, c.max_bytes);
    CHECK(cut == c.expected);
    CHECK(cut.data() == c.input.data());  // a prefix, not a copy
    CHECK(utf8::is_valid(cut));
  }
}

struct LengthCase {
  std::string_view input;
  size_t length;
};

const LengthCase kLengthCases[] = {
    {"", 0},
    {"abc", 3},
    {"é", 1},
    {"€", 1},
    {"😀", 1},
    {"aé€😀", 4},
    {"Навальный", 9},
    {"北京是中国的首都", 8},
    {"a\xFF" "b", 3},   // an invalid lead byte counts as one
};

TEST_CASE("utf8::length counts code points") {
  for (const LengthCase& c : kLengthCases) {
    CAPTURE(c.input);
    CHECK(utf8::length(c.input) == c.length);
  }
}

// "invalid bytes count as one each": also continuation bytes that have no lead.
const LengthCase kLengthInvalidCases[] = {
    {"\x80", 1},
    {"a\x80" "b", 3},
    {"\xC0\xAF", 2},        // overlong: two invalid bytes
    {"\xE2\x82", 2},        // truncated: two invalid bytes
};

TEST_CASE("utf8::length counts each invalid byte as one") {
  for (const LengthCase& c : kLengthInvalidCases) {
    CAPTURE(c.input);
    CHECK(utf8::length(c.input) == c.length);
  }
}

struct LeadCase {
  char byte;
  bool lead;
};

const LeadCase kLeadCases[] = {
    {'a', true}, {'\0', true}, {'\xC3', true}, {'\xE2', true}, {'\xF0', true},
    {'\x80', false}, {'\xA9', false}, {'\xBF', false},
};

TEST_CASE("utf8::is_lead") {
  for (const LeadCase& c : kLeadCases) {
    CAPTURE(static_cast<int>(static_cast<unsigned char>(c.byte)));
    CHECK(utf8::is_lead(c.byte) == c.lead);
  }
}

}  // namespace
}  // namespace trawl
