// The analysis contract, end to end: for each case, a document is indexed
// through the real DocumentBuilder, the query goes through the real
// QueryBuilder and Searcher, and the snippet must highlight exactly the
// expected words of the original text.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "search.h"
#include "support/test_index.h"

namespace trawl {
namespace {

struct Case {
  std::string_view text;         // the document's body
  std::string_view query;        // what the user types
  std::string_view highlighted;  // the highlighted strings, '|'-separated; "" = no match
  std::string_view language = "english";
  // A second document, which the query must not find.
  std::string_view other = "Unrelated words about the weather.";
};

const Case kCases[] = {
    // Case and accents.
    {"Winter in Montréal is long.", "montreal", "Montréal"},
    {"Winter in Montréal is long.", "MONTRÉAL", "Montréal"},
    {"MONTRÉAL, Québec (CU) - the meeting began.", "montreal", "MONTRÉAL"},
    {"MONTRÉAL, Québec (CU) - the meeting began.", "Québec", "Québec"},
    {"The naïve plan failed.", "naive", "naïve"},
    {"A small cafe opened.", "café", "cafe"},
    {"Die Müller family moved.", "muller", "Müller"},
    {"Αθήνα is the capital.", "αθηνα", "Αθήνα"},
    {"Flights to Łódź and Ærø.", "lodz aero", "Łódź|Ærø"},
    // Typed with marks: only that spelling (when some document has it;
    // "café" above finds "cafe" because none has "café"). The other
    // document holds the word without its marks.
    {"Send your résumé today.", "résumé", "résumé", "english", "Please resume the talks today."},
    {"Le Résumé des débats.", "RÉSUMÉ", "Résumé", "french", "Le resume des debats."},
    {"Two résumés arrived.", "résumé", "résumés", "english", "Two resumes arrived."},
    {"Le résumé des débats.", "\"résumé des\"", "résumé des", "french", "Le resume des débats."},
    {"Flights to Łódź today.", "łódź", "Łódź", "english", "Flights to Lodz today."},
    {"Thế giới hôm nay.", "thế", "Thế", "none", "The thể thao hôm nay."},
    {"Новогодняя ёлка стоит.", "ёлка", "ёлка", "russian", "Новогодняя елка стоит."},
    // Full case folding, compatibility forms.
    {"Die Straße ist lang.", "strasse", "Straße"},
    {"Die strasse ist lang.", "Straße", "strasse"},
    {"Corporate ﬁnance rules.", "finance", "ﬁnance"},
    {"Model ＡＢＣ sold out.", "abc", "ＡＢＣ"},
    {"NASA launched it.", "nasa", "NASA"},
    // Apostrophes.
    {"After Russia's move, allies met.", "Russia", "Russia's"},
    {"After Russia’s move, allies met.", "Russia's", "Russia’s"},
    {"After Russia's move, allies met.", "russia’s", "Russia's"},
    {"Il fait beau l'été.", "été", "été"},
    {"We don't know.", "dont", "don't"},
    // Hyphens.
    {"The co-ordinated sanctions began.", "coordinated", "co-ordinated"},
    {"The co-ordinated sanctions began.", "co-ordinated", "co-ordinated"},
    {"Send an e-mail today.", "email", "e-mail"},
    // ...and the other way: a compound typed finds it joined (compounds.h).
    {"Send an email today.", "e-mail", "email"},
    {"The coordinated sanctions began.", "co-ordinated", "coordinated"},
    {"Nearly 1400 political prisoners.", "1,400", "1400"},
    {"Emails were sent.", "e-mail", "Emails"},
    {"Send an email today.", "\"an e-mail\"", ""},  // inside a phrase: as typed
    {"COVID-19 cases fell.", "covid-19", "COVID-19"},
    // Numbers and acronyms.
    {"Nearly 1,400 political prisoners.", "1400", "1,400"},
    {"Nearly 1,400 political prisoners.", "1,400", "1,400"},
    {"The conviction dates from 2014.", "2014", "2014"},
    {"Talks with the U.S. and Canada.", "U.S.", "U.S"},
    // Stemming, wildcards, phrases.
    {"New sanctions were imposed.", "sanctioned", "sanctions"},
    {"She was running late.", "run", "running"},
    {"New sanctions were imposed.", "sanct*", "sanctions"},
    {"He was jailed in 2014 again.", "\"jailed in 2014\"", "jailed in 2014"},
    {"Jailed, then in 2014 freed.", "\"jailed in 2014\"", ""},
    // Cyrillic.
    {"Алексей Навальный вернулся.", "навальный", "Навальный"},
    {"Алексей Навальный вернулся.", "НАВАЛЬНЫЙ", "Навальный"},
    {"Новогодняя ёлка стоит.", "елка", "ёлка"},
    {"Суд над Навальным продолжается.", "Навальный", "Навальным", "russian"},
    // Scripts without spaces.
    {"北京是中国的首都。", "北京", "北京"},
    {"中华人民共和国成立了。", "共和国", "共和国"},
    {"東京の天気は晴れです。", "東京", "東京"},
    {"コンピュータを使う人が増えた。", "コンピュータ", "コンピュータ"},
    {"สวัสดีครับ ทุกคน", "สวัสดี", "สวัสดี"},
    // CJK words that ICU segments differently in the query and the text
    // (cjk.h): bigram backup terms find them, and the words holding the
    // matched characters light up.
    {"外国人参政権の議論が続く。", "参政権", "人参政権"},  // 外国 人参 政権 / 参 政権
    {"我住在东京都，人口很多。", "东京", "东京都"},        // 东 京都 / 东京
    {"サンフランシスコは霧の街。", "フランシスコ", "サンフランシスコ"},
    {"서울특별시는 수도입니다.", "특별시", "서울특별시는"},
    {"我住在东京都，人口很多。", "东京 人口", "东京都，人口"},
    {"我住在东京都，人口很多。", "\"东京\"", "东京都"},
    {"外国人参政権の議論。", "参政権 政治", ""},  // every word must match
    {"我住在东京都。", "京东", ""},               // bigrams in order of the text
    {"我住在东京都。", "京", ""},                 // one character: words only
    // No false friends.
    {"Montreux jazz festival.", "montreal", ""},
    {"Strasbourg is French.", "strasse", ""},
};

// The highlighted substrings of the hit's snippet, joined with '|'.
std::string highlighted(const searcher::Hit& hit) {
  std::string out;
  for (const Span& s : hit.snippet.highlights) {
    if (!out.empty()) out += '|';
    out += hit.snippet.text.substr(s.first, s.second - s.first);
  }
  return out;
}

TEST_CASE("analysis: every case matches through index, query and highlight") {
  CHECK(std::size(kCases) >= 30);
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    CAPTURE(c.query);
    Xapian::WritableDatabase db = testing::make_index(
        {{"doc", "", std::string(c.text)}, {"other", "", std::string(c.other)}}, c.language);
    searcher::Searcher searcher(db, "test");
    searcher::SearchOptions options;
    options.query = std::string(c.query);
    options.mode = searcher::OutputMode::kJson;
    searcher::SearchResult result = searcher.search(options);
    if (c.highlighted.empty()) {
      CHECK(result.hits.empty());
      continue;
    }
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].record.path == "doc");
    CHECK(highlighted(result.hits[0]) == c.highlighted);
  }
}

TEST_CASE("analysis: a word typed without marks, or with --fold-accents, finds every spelling") {
  struct Query {
    const char* text;
    bool fold_accents;
    size_t hits;
  };
  const Query queries[] = {
      {"resume", false, 3}, {"résumé", false, 1},
      {"résumé", true, 3},  {"RESUMÉ", false, 1},  // accented form "resumé": one document has it
      {"rèsume", false, 3},                        // no document has that spelling: folded
  };
  Xapian::WritableDatabase db = testing::make_index({{"a", "", "Send your résumé."},
                                                     {"b", "", "Please resume the talks."},
                                                     {"c", "", "An old resumé spelling."}});
  for (const Query& q : queries) {
    CAPTURE(std::string_view(q.text));
    CAPTURE(q.fold_accents);
    searcher::Searcher searcher(db, "test");
    searcher::SearchOptions options;
    options.query = q.text;
    options.fold_accents = q.fold_accents;
    options.mode = searcher::OutputMode::kJson;
    options.collapse = false;
    CHECK(searcher.search(options).hits.size() == q.hits);
  }
}

}  // namespace
}  // namespace trawl
