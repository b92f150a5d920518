// Searcher behaviour on small in-memory indexes: ranking rules, paging,
// wildcard caps, snippets and counts.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "search.h"
#include "support/test_index.h"

namespace trawl::searcher {
namespace {

std::vector<std::string> paths(const SearchResult& r) {
  std::vector<std::string> out;
  for (const Hit& h : r.hits) out.push_back(h.record.path);
  return out;
}

// The paths, space-separated (doctest prints strings, not vectors).
std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& p : v) out += p + " ";
  return out;
}

SearchResult run(const Xapian::Database& db, const std::string& query, SearchOptions options = {}) {
  Searcher s(db, "test");
  options.query = query;
  options.check_fresh = false;
  if (options.mode == OutputMode::kText) options.mode = OutputMode::kJson;
  return s.search(options);
}

// The hits of `query` as `key` sees them, first in JSON (made from whole
// records), then in `mode`, which makes them from value slots: the two must
// agree.
template <class Key>
std::pair<std::vector<std::string>, std::vector<std::string>> json_then(
    const Xapian::Database& db, const std::string& query, const SearchOptions& json,
    OutputMode mode, Key key) {
  SearchOptions light = json;
  light.mode = mode;
  return {key(run(db, query, json)), key(run(db, query, light))};
}

TEST_CASE("search: a title word outweighs the same word in a body of the same length") {
  Xapian::WritableDatabase db = testing::make_index({
      {"body", "Weekly notes", "The glacier moved and other news of the week."},
      {"title", "Glacier moved", "Weekly notes and other news of the week."},
  });
  SearchOptions all;
  all.collapse = false;  // the two share every word: near-duplicates
  CHECK(paths(run(db, "glacier", all)) == std::vector<std::string>{"title", "body"});
}

TEST_CASE("search: AND by default, --or ranks by how many words match") {
  Xapian::WritableDatabase db = testing::make_index({
      {"both", "", "red apples and green pears"},
      {"one", "", "red cars"},
      {"none", "", "blue sky"},
  });
  CHECK(paths(run(db, "red pears")) == std::vector<std::string>{"both"});
  SearchOptions any;
  any.match_any = true;
  CHECK(paths(run(db, "red pears", any)) == std::vector<std::string>{"both", "one"});
}

TEST_CASE("search: NEAR and phrases use positions") {
  Xapian::WritableDatabase db = testing::make_index({
      {"near", "", "the river quickly rose again"},
      {"far", "", "the river was calm for many long quiet days until it finally rose"},
  });
  CHECK(paths(run(db, "river NEAR/3 rose")) == std::vector<std::string>{"near"});
  CHECK(paths(run(db, "\"river quickly rose\"")) == std::vector<std::string>{"near"});
  CHECK(run(db, "\"rose river\"").hits.empty());
  // A phrase next to NEAR: the phrase, and its words near the other word.
  CHECK(paths(run(db, "\"the river\" NEAR/3 rose")) == std::vector<std::string>{"near"});
  CHECK(paths(run(db, "\"river was\" NEAR/3 quickly")).empty());
  // river is 10 words before "finally rose"
  CHECK(paths(run(db, "\"finally rose\" NEAR/5 river")).empty());
  CHECK(paths(run(db, "\"finally rose\" NEAR/10 river")) == std::vector<std::string>{"far"});
}

TEST_CASE("search: limit, offset and ranks") {
  std::vector<testing::TestDoc> docs;
  for (int i = 0; i < 12; ++i) {
    docs.push_back({"d" + std::to_string(i), "", std::string(i + 1, 'x') + " lake " +
                                                     std::string(i % 3 ? "" : "lake lake")});
  }
  Xapian::WritableDatabase db = testing::make_index(docs);
  SearchOptions options;
  options.limit = 5;
  options.collapse = false;
  SearchResult first = run(db, "lake", options);
  REQUIRE(first.hits.size() == 5);
  CHECK(first.hits[0].rank == 1);
  CHECK(first.matches_estimated == 12);
  options.offset = 10;
  SearchResult last = run(db, "lake", options);
  REQUIRE(last.hits.size() == 2);
  CHECK(last.hits[0].rank == 11);
  CHECK(last.hits[1].rank == 12);
  // -n 0: every match, folded or not.
  options.limit = 0;
  for (const bool collapse : {false, true}) {
    CAPTURE(collapse);
    options.collapse = collapse;
    options.offset = 0;
    CHECK(run(db, "lake", options).hits.size() == 12);
    options.offset = 3;
    SearchResult rest = run(db, "lake", options);
    REQUIRE(rest.hits.size() == 9);
    CHECK(rest.hits[0].rank == 4);
  }
}

struct GlobCase {
  std::vector<std::string> globs;
  std::vector<std::string> want;  // paths, in path order
};

// Relative to /c, as printed: /d/x.md is outside it (printed absolute).
const GlobCase kGlobs[] = {
    {{"*.md"}, {"/c/notes/a.md", "/d/x.md"}},
    {{"news/**"}, {"/c/news/b.txt", "/c/news/old/c.txt"}},
    {{"news/*"}, {"/c/news/b.txt"}},          // '*' stops at '/'
    {{"/news/*.txt"}, {"/c/news/b.txt"}},
    {{"!*.txt"}, {"/c/notes/a.md", "/d/x.md"}},
    {{"*.txt", "!old/"}, {"/c/news/b.txt"}},  // a folder excluded takes its files
    {{"!news/"}, {"/c/notes/a.md", "/d/x.md"}},
    {{"!news/", "news/old/c.txt"}, {}},  // not re-included below an excluded folder
    {{"*.txt", "!c.txt", "news/old/*"}, {"/c/news/b.txt", "/c/news/old/c.txt"}},  // last wins
    {{"/d/*"}, {"/d/x.md"}},
    {{"d/**"}, {"/d/x.md"}},
    {{"nothing/**"}, {}},
};

TEST_CASE("search: -g keeps the paths its globs keep, relative to the current folder") {
  Xapian::WritableDatabase db = testing::make_index({{"/c/notes/a.md", "", "lake"},
                                                     {"/c/news/b.txt", "", "lake"},
                                                     {"/c/news/old/c.txt", "", "lake"},
                                                     {"/d/x.md", "", "lake"}});
  for (const GlobCase& c : kGlobs) {
    CAPTURE(c.globs.front());
    SearchOptions options;
    options.globs = c.globs;
    options.cwd = "/c";
    std::vector<std::string> got = paths(run(db, "lake", options));
    std::sort(got.begin(), got.end());
    CHECK(joined(got) == joined(c.want));
    options.mode = OutputMode::kCount;
    CHECK(run(db, "lake", options).matches_estimated == c.want.size());
  }
}

TEST_CASE("search: -c counts exactly") {
  std::vector<testing::TestDoc> docs;
  for (int i = 0; i < 300; ++i) docs.push_back({std::string("d").append(std::to_string(i)), "", i % 2 ? "odd" : "even"});
  Xapian::WritableDatabase db = testing::make_index(docs);
  SearchOptions options;
  options.mode = OutputMode::kCount;
  SearchResult r = run(db, "odd", options);
  CHECK(r.matches_estimated == 150);
  CHECK(r.matches_lower == 150);
  CHECK(r.hits.empty());
}

TEST_CASE("search: -c counts what a ranked search matches, feedback and proximity included; -q agrees") {
  // Feedback (3+ content words) learns "pontoon" and "welders" from the
  // harbour documents; under --or they bring in the documents that hold
  // only those: the count must include them, as the ranked search does.
  std::vector<testing::TestDoc> docs;
  const char* extra[] = {"storm", "river", "council", "tolls", "cyclists"};
  for (int i = 0; i < 30; ++i) {
    docs.push_back({"h" + std::to_string(i), "",
                    std::string("harbour bridge ferry pontoon welders ") + extra[i % 5] +
                        (i % 2 ? " repairs" : " closure")});
    docs.push_back({"p" + std::to_string(i), "", std::string("pontoon welders gulls ") + extra[i % 5]});
    docs.push_back({"m" + std::to_string(i), "", "meadow orchard hedgerow"});
  }
  Xapian::WritableDatabase db = testing::make_index(docs);
  struct Case {
    const char* query;
    bool any;
  };
  const Case cases[] = {{"harbour", false},
                        {"harbour bridge", false},
                        {"harbour bridge ferry", false},
                        {"harbour bridge ferry repairs", false},
                        {"harbour bridge ferry", true},
                        {"harbour bridge ferry closure", true},
                        {"harbour bridge gulls", false},  // no document holds all three
                        {"\"harbour bridge\" ferry", false}};
  for (const Case& c : cases) {
    CAPTURE(c.query);
    CAPTURE(c.any);
    SearchOptions ranked;
    ranked.match_any = c.any;
    ranked.limit = 1000;
    ranked.collapse = false;
    const SearchResult all = run(db, c.query, ranked);
    SearchOptions count = ranked;
    count.mode = OutputMode::kCount;
    const SearchResult counted = run(db, c.query, count);
    CHECK(counted.matches_lower == all.hits.size());
    CHECK(counted.matches_upper == all.hits.size());
    SearchOptions quiet = ranked;
    quiet.mode = OutputMode::kQuiet;
    CHECK((run(db, c.query, quiet).matches_lower > 0) == !all.hits.empty());
    if (c.any) CHECK(all.hits.size() > 30);  // feedback widened the match
  }
}

TEST_CASE("search: -l lists the paths of the ranked hits, in their order") {
  std::vector<testing::TestDoc> docs;
  for (int i = 0; i < 60; ++i) {
    docs.push_back({"/c/d" + std::to_string(i) + ".txt", "",
                    std::string(i % 3 ? "harbour bridge " : "harbour ") + (i % 4 ? "ferry" : "storm") +
                        " note " + std::to_string(i)});
  }
  Xapian::WritableDatabase db = testing::make_index(docs);
  for (const char* query : {"harbour", "harbour bridge", "ferry OR storm", "bridge -ferry"}) {
    for (bool collapse : {true, false}) {
      CAPTURE(query);
      CAPTURE(collapse);
      SearchOptions json;
      json.collapse = collapse;
      json.limit = 25;
      const auto hits = json_then(db, query, json, OutputMode::kFiles, paths);
      CHECK(!hits.first.empty());
      CHECK(hits.second == hits.first);
    }
  }
}

TEST_CASE("search: TREC hits carry the record ids, from their slot or from older records") {
  std::vector<testing::TestDoc> docs;
  std::vector<std::string> record_ids;
  for (int i = 0; i < 30; ++i) {
    const std::string n = std::to_string(i);
    docs.push_back({"/c/d" + n + ".jsonl", "", "harbour ferry note " + n});
    record_ids.push_back(i % 2 ? "rec " + n : "");
  }
  Xapian::WritableDatabase db = testing::make_index(docs, record_ids);
  // Every third document as written before the id slot existed.
  for (Xapian::docid d = 1; d <= db.get_lastdocid(); d += 3) {
    Xapian::Document doc = db.get_document(d);
    doc.remove_value(schema::kSlotRecordId);
    db.replace_document(d, doc);
  }
  db.commit();
  const auto ids = [](const SearchResult& r) {
    std::vector<std::string> out;
    for (const Hit& h : r.hits) out.push_back(h.record.id + " " + h.record.path);
    return out;
  };
  for (const char* query : {"harbour", "ferry OR note", "note -ferry"}) {
    CAPTURE(query);
    SearchOptions json;
    json.collapse = false;
    json.limit = 30;
    const auto hits = json_then(db, query, json, OutputMode::kTrec, ids);
    CHECK(hits.second == hits.first);
  }
  CHECK(ids(run(db, "harbour", SearchOptions{})).size() == 10);
}

TEST_CASE("search: spelling suggestions allow fewer edits in shorter words") {
  Xapian::WritableDatabase db = testing::make_index(
      {{"/a.txt", "", "lighthouse harbour fish"}, {"/b.txt", "", "来 多 橋"}});
  for (const char* w : {"lighthouse", "harbour", "fish", "来", "多", "橋"}) db.add_spelling(w);
  db.commit();
  struct Case {
    const char* query;
    const char* want;  // "" = no suggestion
  };
  const Case cases[] = {
      {"lighthose", "lighthouse"},  // 9 characters: up to 2 edits
      {"lihgthuose", "lighthouse"},  // two transpositions
      {"hrbour", "harbour"},         // 6 characters, 1 edit
      {"fsih", "fish"},              // 4 characters: 1 edit (a transposition)
      {"harbr", ""},                 // 5 characters, 2 edits: too many
      {"fsh", "fish"},               // 3 characters, 1 edit
      {"東京", ""},                  // 2 characters: never corrected
      {"大阪", ""},
      {"ox", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.query);
    CHECK(run(db, c.query).did_you_mean == c.want);
  }
}

TEST_CASE("search: a wildcard expands to at most the cap, most frequent first") {
  std::vector<testing::TestDoc> docs;
  for (int i = 0; i < 400; ++i) {
    docs.push_back({std::string("d").append(std::to_string(i)), "",
                    std::string("sanction").append(std::to_string(i)).append(" filler")});
  }
  docs.push_back({"common1", "", "sanctionzz"});
  docs.push_back({"common2", "", "sanctionzz"});
  Xapian::WritableDatabase db = testing::make_index(docs);
  SearchOptions options;
  options.mode = OutputMode::kCount;
  SearchResult r = run(db, "sanction*", options);
  CHECK(r.matches_estimated >= 2);
  CHECK(r.matches_estimated <= 200 + 1);  // the default cap is 200 terms
  options.mode = OutputMode::kFiles;
  options.limit = 500;
  std::vector<std::string> p = paths(run(db, "sanction*", options));
  CHECK(std::count(p.begin(), p.end(), "common1") == 1);  // the frequent term is kept
}

TEST_CASE("search: snippets come from the stored text, titles are highlighted") {
  Xapian::WritableDatabase db = testing::make_index(
      {{"a", "Glacier report", std::string(3000, ' ') + "At the end the glacier calved."}});
  SearchResult r = run(db, "glacier");
  REQUIRE(r.hits.size() == 1);
  CHECK(r.hits[0].snippet.text == "At the end the glacier calved.");
  CHECK(r.hits[0].title_highlights == std::vector<Span>{{0, 7}});
}

TEST_CASE("search: an empty or word-less query matches nothing, without error") {
  Xapian::WritableDatabase db = testing::make_index({{"a", "", "words"}});
  for (const char* q : {"", "   ", "!!!", "\"\"", "()", "*"}) {
    CAPTURE(std::string_view(q));
    const SearchResult r = run(db, q);
    CHECK(r.hits.empty());
    CHECK(r.no_words);  // said on stderr (run_search.cc)
  }
  CHECK_FALSE(run(db, "words").no_words);
}

struct AnyCase {
  std::vector<std::string> lines;  // -f's lines
  std::string words;               // the query given beside them
  CaseMode mode;
  std::vector<std::string> want;   // paths, sorted
};

const AnyCase kAny[] = {
    {{"red apples", "blue sky"}, "", CaseMode::kIgnore, {"apples", "sky"}},
    {{"red apples", "\"green pears\""}, "", CaseMode::kIgnore, {"apples"}},
    {{"\"pears green\""}, "", CaseMode::kIgnore, {}},
    {{"cars"}, "sky", CaseMode::kIgnore, {"cars", "sky"}},
    {{"apple", "car"}, "", CaseMode::kIgnore, {"apples", "cars"}},  // stems, as one query
    {{"nothing", "harbour"}, "", CaseMode::kIgnore, {}},
    {{"!!!", "sky"}, "", CaseMode::kIgnore, {"sky"}},  // a word-less line adds nothing
    {{"harbour OR (cars", "sky AND blue)"}, "", CaseMode::kIgnore, {"cars", "sky"}},  // each line alone
    {{"Red", "sky"}, "", CaseMode::kIgnore, {"apples", "cars", "sky"}},
    {{"Red", "sky"}, "", CaseMode::kSmart, {"cars", "sky"}},
    {{"red", "Sky"}, "", CaseMode::kSmart, {"apples"}},  // a capital anywhere: all as typed
    {{"red", "sky"}, "", CaseMode::kSmart, {"apples", "cars", "sky"}},
    {{"red", "Blue"}, "", CaseMode::kSensitive, {"apples"}},
    {{}, "", CaseMode::kIgnore, {}},
};

TEST_CASE("search: -f lines match what any of them matches, each parsed alone") {
  Xapian::WritableDatabase db = testing::make_index({
      {"apples", "", "red apples and green pears"},
      {"cars", "", "Red cars in a row"},
      {"sky", "", "blue sky over the sea"},
  });
  for (const AnyCase& c : kAny) {
    CAPTURE(c.words);
    CAPTURE(c.lines.size());
    CAPTURE(c.lines.empty() ? std::string() : c.lines.front());
    SearchOptions o;
    o.collapse = false;
    o.case_mode = c.mode;
    o.query_files = {"names.txt"};
    o.query_lines = c.lines;
    std::vector<std::string> got = paths(run(db, c.words, o));
    std::sort(got.begin(), got.end());
    CHECK(joined(got) == joined(c.want));
    // Each hit is a hit of one of the queries alone (as typed is narrower
    // than folded, so this holds for -S too).
    o.query_files.clear();
    std::vector<std::string> alone;
    std::vector<std::string> each = c.lines;
    if (!c.words.empty()) each.push_back(c.words);
    for (const std::string& q : each) {
      for (const std::string& p : paths(run(db, q, o))) alone.push_back(p);
    }
    for (const std::string& p : got) CHECK(std::count(alone.begin(), alone.end(), p) > 0);
  }
}

TEST_CASE("search: each -f line gets its own proximity bonus, as alone") {
  Xapian::WritableDatabase db = testing::make_index({
      {"a", "", "the harbour bridge and the old lighthouse by the ferry"},
      {"b", "", "a ferry to the lighthouse"},
  });
  SearchOptions o;
  o.query_files = {"names.txt"};
  o.query_lines = {"harbour bridge", "lighthouse", "ferry"};
  const std::string parsed = run(db, "", o).parsed_query;
  CAPTURE(parsed);
  CHECK(parsed.find("harbour NEAR 8 bridge") != std::string::npos);
  CHECK(parsed.find("lighthouse NEAR") == std::string::npos);  // not paired across lines
}

struct WithoutCase {
  std::string query;
  CaseMode mode;
  std::vector<std::string> want;  // -L's paths, in order
};

const WithoutCase kWithout[] = {
    {"apples", CaseMode::kIgnore, {"cars", "sky", "sky2"}},
    {"red", CaseMode::kIgnore, {"sky", "sky2"}},
    {"red", CaseMode::kSensitive, {"cars", "sky", "sky2"}},  // "Red cars": not as typed
    {"Red", CaseMode::kSensitive, {"apples", "sky", "sky2"}},
    {"blue OR apples", CaseMode::kIgnore, {"cars", "sky2"}},
    {"nothing", CaseMode::kIgnore, {"apples", "cars", "sky", "sky2"}},
    {"red OR blue", CaseMode::kIgnore, {"sky2"}},
    {"red OR sky", CaseMode::kIgnore, {}},  // every file matches: none listed (exit 1)
};

TEST_CASE("search: -L lists the files none of whose documents match, in path order") {
  Xapian::WritableDatabase db = testing::make_index({
      {"sky2", "", "a grey sky"},
      {"apples", "", "red apples and green pears"},
      {"cars", "", "Red cars in a row"},
      {"sky", "", "blue sky over the sea"},
  });
  for (const WithoutCase& c : kWithout) {
    CAPTURE(c.query);
    SearchOptions o;
    o.mode = OutputMode::kFilesWithout;
    o.case_mode = c.mode;
    const SearchResult r = run(db, c.query, o);
    CHECK(paths(r) == c.want);
    CHECK(r.matches_lower == c.want.size());  // the exit status: 0 if any is listed
    // None of them matches the query; every other document does.
    o.mode = OutputMode::kFiles;
    o.limit = 0;
    o.collapse = false;
    for (const std::string& p : paths(run(db, c.query, o))) {
      CHECK(std::find(c.want.begin(), c.want.end(), p) == c.want.end());
    }
  }
}

}  // namespace
}  // namespace trawl::searcher
