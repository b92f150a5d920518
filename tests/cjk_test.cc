// CJK bigram backup terms (common/cjk.h) and the query backups built from
// them (searcher/cjk_query.h). The end-to-end cases (index, query,
// highlight) are rows of analysis_table_test.cc.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "analyzer.h"
#include "cjk.h"
#include "cjk_query.h"

namespace trawl {
namespace {

struct WordCase {
  std::string_view term;
  bool cjk;
};

const WordCase kWords[] = {
    {"东京", true},       {"東京", true},         {"カタカナ", true},  {"ひらがな", true},
    {"서울", true},       {"京", true},           {"tokyo", false},    {"東京2020", false},
    {"", false},          {"ñandú", false},       {"москва", false},   {"สวัสดี", false},
    {"\xE4\xB8", false},  // a cut character
};

TEST_CASE("cjk: which words are CJK") {
  for (const WordCase& c : kWords) {
    CAPTURE(c.term);
    CHECK(is_cjk_word(c.term) == c.cjk);
  }
}

struct BigramCase {
  std::string_view text;
  std::string_view bigrams;  // "term@pos" joined with spaces
};

const BigramCase kBigrams[] = {
    // ICU: 外国 人参 政権. A pair straddling two words sits at the first's position.
    {"外国人参政権", "XC外国@0 XC国人@0 XC人参@1 XC参政@1 XC政権@2"},
    {"东京都", "XC东京@0 XC京都@1"},
    {"东京 大阪", "XC东京@0 XC大阪@1"},  // a space ends a run
    {"东京、大阪", "XC东京@0 XC大阪@1"},  // so does punctuation
    {"京", ""},                           // one character: no pair
    {"Tokyo and Osaka", ""},
    {"サンフランシスコ", "XCサン@0 XCンフ@0 XCフラ@0 XCラン@1 XCンシ@1 XCシス@1 XCスコ@1"},
};

std::string bigrams_of(std::string_view text) {
  Analyzer analyzer;
  std::vector<Token> tokens, bigrams;
  analyzer.analyze(text, &tokens);
  add_bigram_tokens(tokens, &bigrams);
  std::string out;
  for (const Token& b : bigrams) {
    if (!out.empty()) out += ' ';
    out += b.term + "@" + std::to_string(b.pos);
    CHECK(b.begin < b.end);
    CHECK(b.end <= text.size());
  }
  return out;
}

TEST_CASE("cjk: bigram tokens of a text") {
  for (const BigramCase& c : kBigrams) {
    CAPTURE(c.text);
    CHECK(bigrams_of(c.text) == c.bigrams);
  }
}

TEST_CASE("cjk: the bigrams of a query word match those of the text") {
  CHECK(cjk_bigrams("参政権") == std::vector<std::string>{"XC参政", "XC政権"});
  CHECK(cjk_bigrams("京").empty());
  CHECK(cjk_bigrams("").empty());
}

using Xapian::Query;

struct BackupCase {
  std::string_view name;
  Query query;
  std::string_view want;  // get_description()
};

Query phrase(std::vector<std::string> words) {
  return Query(Query::OP_PHRASE, words.begin(), words.end(), static_cast<Xapian::termcount>(words.size()));
}

TEST_CASE("cjk: query words get their bigrams as a backup") {
  const BackupCase kCases[] = {
      {"word", Query("东京"), "Query((东京 OR XC东京))"},
      {"stem leaf", Query("Z东京"), "Query((Z东京 OR XC东京))"},
      {"split word", phrase({"参", "政権"}),
       "Query(((参 PHRASE 2 政権) OR (XC参政 AND XC政権)))"},
      {"inside AND", Query(Query::OP_AND, Query("东京"), Query("tokyo")),
       "Query(((东京 OR XC东京) AND tokyo))"},
      {"one character", Query("京"), "Query(京)"},
      {"field word", Query("S东京"), "Query(S东京)"},
      {"field stem", Query("ZS东京"), "Query(ZS东京)"},
      {"latin", Query("tokyo"), "Query(tokyo)"},
      {"mixed phrase", phrase({"东京", "tower"}), "Query((东京 PHRASE 2 tower))"},
  };
  for (const BackupCase& c : kCases) {
    CAPTURE(c.name);
    CHECK(searcher::add_cjk_backups(c.query).get_description() == c.want);
  }
}

}  // namespace
}  // namespace trawl
