// Range ends (date_bound, parse_bytes) and synonym files (parse_synonyms):
// tables of what users type and what trawl makes of it.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "dates.h"
#include "rewrite.h"
#include "synonyms.h"

namespace trawl {
namespace {

struct BoundCase {
  std::string_view text;
  std::string_view start;  // date_bound(text, false); "" = not a date
  std::string_view end;    // date_bound(text, true)
};

const BoundCase kBounds[] = {
    {"2024", "20240101", "20241231"},
    {"2024-05", "20240501", "20240531"},
    {"2024-5", "20240501", "20240531"},
    {"2024-05-03", "20240503", "20240503"},
    {"20240503", "20240503", "20240503"},
    // A month's end bound may name a day the month lacks: as a string it
    // still sorts after every real day of that month.
    {"2024-02", "20240201", "20240231"},
    {"2024-13", "", ""},
    {"2024-05-32", "", ""},
    {"24", "", ""},
    {"", "", ""},
    {"May 2024", "", ""},
};

TEST_CASE("date_bound: years, months and days as YYYYMMDD") {
  for (const BoundCase& c : kBounds) {
    CAPTURE(c.text);
    CHECK(date_bound(c.text, false) == c.start);
    CHECK(date_bound(c.text, true) == c.end);
  }
}

struct NormalizeCase {
  std::string_view text;
  std::string_view iso;  // "" = not a date
};

const NormalizeCase kNormalize[] = {
    {"2024-05-03", "2024-05-03"},
    {"2024-05-03T10:00:00Z", "2024-05-03T10:00:00Z"},
    {"Friday, May 3, 2024", "2024-05-03"},
    // Seconds that do not parse after "HH:MM:" (a fuzzer's find) stop there.
    {"2024/05/03 22:41:", "2024-05-03T22:41:00Z"},
    {"2024/05/03 22:41:x", "2024-05-03T22:41:00Z"},
    {"22 22:4100/2", ""},
    {"", ""},
};

TEST_CASE("normalize_date: ISO forms, words, and broken times never overrun") {
  for (const NormalizeCase& c : kNormalize) {
    CAPTURE(c.text);
    const std::string got = normalize_date(c.text);
    if (c.iso.empty()) {
      CHECK(got.empty());
    } else {
      CHECK(got.substr(0, 10) == c.iso.substr(0, 10));
    }
  }
}

struct BytesCase {
  std::string_view text;
  int64_t bytes;  // -1 = malformed
};

const BytesCase kBytes[] = {
    {"1000", 1000},        {"0", 0},          {"500K", 512000},     {"10k", 10240},
    {"10M", 10485760},     {"1.5M", 1572864}, {"2G", 2147483648LL}, {"10MB", 10485760},
    {"10mib", 10485760},   {"3KiB", 3072},    {"7b", 7},            {"x", -1},
    {"", -1},              {"-5", -1},        {"10T", -1},          {"10iB", -1},
    {"1e30G", -1},         {"10MBs", -1},
};

TEST_CASE("parse_bytes: sizes with K, M, G units") {
  for (const BytesCase& c : kBytes) {
    CAPTURE(c.text);
    CHECK(searcher::parse_bytes(c.text) == c.bytes);
  }
}

struct SynonymCase {
  std::string_view text;
  std::vector<std::vector<std::string>> groups;
  std::string_view error;  // "" = parses
};

const SynonymCase kSynonyms[] = {
    {"Alexei, Alexey, Aleksei\n", {{"alexei", "alexey", "aleksei"}}, ""},
    {"# comment\n\n  boat ,ship\n", {{"boat", "ship"}}, ""},
    {"U.S., United States\n", {{"u s", "united states"}}, ""},
    {"Montréal, Montreal\r\ncafé, coffee house", {{"montreal", "montreal"}, {"cafe", "coffee house"}}, ""},
    {"a, b\nlonely\n", {}, "line 2: a group needs at least two entries, separated by commas"},
    {"boat ship vessel\n", {}, "line 1: a group needs at least two entries, separated by commas"},
    {"", {}, ""},
};

TEST_CASE("parse_synonyms: groups of folded entries, bad lines named") {
  for (const SynonymCase& c : kSynonyms) {
    CAPTURE(c.text);
    std::vector<std::vector<std::string>> groups;
    Status s = indexer::parse_synonyms(c.text, &groups);
    if (c.error.empty()) {
      REQUIRE(s.ok());
      CHECK(groups == c.groups);
    } else {
      REQUIRE(!s.ok());
      CHECK(s.message() == c.error);
    }
  }
}

}  // namespace
}  // namespace trawl
