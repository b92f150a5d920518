// The proximity bonus (searcher/proximity.h): which documents get it. Each
// pair of neighbouring query words is one OP_NEAR over the OR of each
// word's forms; it must give the bonus to exactly the documents where some
// form of one word is within the window of some form of the other, as a
// NEAR per pair of forms does, and change nothing else.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "proximity.h"
#include "support/test_index.h"

namespace trawl::searcher {
namespace {

using testing::TestDoc;

// A word of a query as the query builder makes it: its forms, OP_SYNONYM.
Xapian::Query word(const std::vector<std::string>& forms) {
  if (forms.size() == 1) return Xapian::Query(forms[0]);
  std::vector<Xapian::Query> terms(forms.begin(), forms.end());
  return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

// Documents whose weight under `q` is above their weight under `plain`.
std::set<std::string> boosted(const Xapian::Database& db, const Xapian::Query& plain,
                              const Xapian::Query& q) {
  auto weights = [&](const Xapian::Query& query) {
    Xapian::Enquire e(db);
    e.set_query(query);
    std::map<std::string, double> out;
    const Xapian::MSet m = e.get_mset(0, db.get_doccount());
    for (auto it = m.begin(); it != m.end(); ++it) {
      out[it.get_document().get_value(schema::kSlotPath)] = it.get_weight();
    }
    return out;
  };
  const auto before = weights(plain), after = weights(q);
  CHECK(before.size() == after.size());  // the bonus never changes the matches
  std::set<std::string> out;
  for (const auto& [path, w] : after) {
    if (w > before.at(path) + 1e-9) out.insert(path);
  }
  return out;
}

TEST_CASE("proximity: the bonus goes to documents with forms of neighbouring words close") {
  const Xapian::WritableDatabase db = testing::make_index({
      {"/adjacent", "a", "the shuttle launch was delayed"},
      {"/forms", "b", "two shuttles launched on the same day"},
      {"/window", "c", "shuttle one two three four five six launches"},
      {"/far", "d", "shuttle one two three four five six seven eight nine ten launch"},
      {"/reversed", "e", "launching of a shuttle"},
      {"/one-word", "f", "a shuttle and nothing more, shuttle again"},
      {"/third", "g", "the shuttle crew and the launch pad were ready for space"},
      {"/space", "h", "space shuttle crews prepare the launch"},
  });
  const Xapian::Query shuttle = word({"shuttle", "shuttles"});
  const Xapian::Query launch = word({"launch", "launched", "launches", "launching"});
  const Xapian::Query space = word({"space"});
  struct Case {
    const char* name;
    std::vector<Xapian::Query> words;
    Xapian::Query::op op;
    std::set<std::string> want;
  };
  const std::vector<Case> cases = {
      {"two words, AND", {shuttle, launch}, Xapian::Query::OP_AND,
       {"/adjacent", "/forms", "/window", "/reversed", "/third", "/space"}},
      {"two words, OR", {shuttle, launch}, Xapian::Query::OP_OR,
       {"/adjacent", "/forms", "/window", "/reversed", "/third", "/space"}},
      {"three words: each neighbouring pair", {space, shuttle, launch}, Xapian::Query::OP_OR,
       {"/adjacent", "/forms", "/window", "/reversed", "/third", "/space"}},
      {"one word: no bonus", {shuttle}, Xapian::Query::OP_OR, {}},
  };
  ProximityOptions all_forms;  // the choice of forms is the next test's
  all_forms.forms = 8;
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const Xapian::Query plain(c.op, c.words.begin(), c.words.end());
    CHECK(boosted(db, plain, add_proximity(db, plain, all_forms)) == c.want);
  }
}

// A CJK word OR'd with its bigram backup (cjk_query.h), as the query
// builder makes it.
Xapian::Query with_bigrams(const std::string& w, const std::vector<std::string>& bigrams) {
  const Xapian::Query backup(Xapian::Query::OP_AND, bigrams.begin(), bigrams.end());
  return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(w), backup);
}

TEST_CASE("proximity: a CJK word's bigram backup is part of the word, not a neighbour") {
  const Xapian::WritableDatabase db = testing::make_index({
      {"/near", "", "东京的人口很多"},
      {"/far", "", "人口 一 二 三 四 五 六 七 八 九 十 很多"},
      {"/one", "", "人口"},
  });
  const Xapian::Query population = with_bigrams("人口", {"XC人口"});
  const Xapian::Query many = with_bigrams("很多", {"XC很多"});
  struct Case {
    const char* name;
    Xapian::Query query;
    std::set<std::string> want;
  };
  const Case cases[] = {
      {"one word and its bigram: no bonus", population, {}},
      {"two words with bigrams", Xapian::Query(Xapian::Query::OP_AND, population, many), {"/near"}},
      {"two words, OR", Xapian::Query(Xapian::Query::OP_OR, population, many), {"/near"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(boosted(db, c.query, add_proximity(db, c.query, ProximityOptions{})) == c.want);
  }
}

TEST_CASE("proximity: a word of many forms is looked for in its most frequent ones") {
  // "launching" is last in alphabetical order of six forms but the most
  // frequent: it must be among the four looked for.
  const Xapian::WritableDatabase db = testing::make_index({
      {"/late", "a", "the shuttle launching went well"},
      {"/l2", "b", "launching again"},
      {"/l3", "c", "more launching"},
      {"/rare", "d",
       "shuttle launchers one two three four five six seven eight nine ten launcher launch "
       "launched launches"},
  });
  const Xapian::Query shuttle = word({"shuttle"});
  const Xapian::Query launch =
      word({"launch", "launched", "launcher", "launchers", "launches", "launching"});
  struct Case {
    size_t forms;
    std::set<std::string> want;
  };
  const Case cases[] = {
      {ProximityOptions{}.forms, {"/late"}},  // the default
      {4, {"/late"}},           // launching (3 documents) is among the 4 most frequent
      {1, {"/late"}},           // it is the most frequent
      {6, {"/late", "/rare"}},  // all forms: "shuttle launchers" is close too
  };
  for (const Case& c : cases) {
    CAPTURE(c.forms);
    ProximityOptions options;
    options.forms = c.forms;
    const Xapian::Query plain(Xapian::Query::OP_OR, shuttle, launch);
    CHECK(boosted(db, plain, add_proximity(db, plain, options)) == c.want);
  }
}

TEST_CASE("title field: only the title terms the database holds; the same weights") {
  const Xapian::WritableDatabase db = testing::make_index({
      {"/a", "Shuttle launch", "the shuttle launch was delayed"},
      {"/b", "Launches", "two shuttles launched on the same day"},
      {"/c", "Notes", "shuttle launching notes"},
  });
  struct Case {
    std::vector<std::string> forms;
    std::vector<std::string> title_terms;  // the S terms kept
  };
  // clang-format off
  const std::vector<Case> cases = {
      {{"shuttle", "shuttles"},                          {"Sshuttle"}},
      {{"launch", "launched", "launches", "launching"},  {"Slaunch", "Slaunches"}},
      {{"delayed"},                                      {}},
  };
  // clang-format on
  const std::string prefix(schema::kTitlePrefix);
  for (const Case& c : cases) {
    CAPTURE(c.forms[0]);
    const Xapian::Query q = word(c.forms);
    const Xapian::Query with_title = add_title_field(db, q, prefix, 0.5);
    std::vector<std::string> kept;
    for (auto t = with_title.get_unique_terms_begin(); t != with_title.get_unique_terms_end();
         ++t) {
      if ((*t).compare(0, prefix.size(), prefix) == 0) kept.push_back(*t);
    }
    CHECK(kept == c.title_terms);
    // Every form under the prefix, present or not, weighs the same.
    std::vector<std::string> all;
    for (const std::string& f : c.forms) all.push_back(prefix + f);
    const Xapian::Query full(Xapian::Query::OP_AND_MAYBE, q,
                             Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, word(all), 0.5));
    Xapian::Enquire pruned(db), unpruned(db);
    pruned.set_query(with_title);
    unpruned.set_query(full);
    const Xapian::MSet a = pruned.get_mset(0, 10), b = unpruned.get_mset(0, 10);
    REQUIRE(a.size() == b.size());
    for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
      CHECK(*i == *j);
      CHECK(i.get_weight() == doctest::Approx(j.get_weight()).epsilon(1e-12));
    }
  }
}

}  // namespace
}  // namespace trawl::searcher
