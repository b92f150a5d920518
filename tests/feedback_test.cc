// Feedback expansion (searcher/feedback.cc) gives the words, order and
// weights of Xapian's own ESet, on the sample corpus: for groups of
// documents and several sizes, including the ties between rare words.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "extras.h"
#include "support/test_index.h"

namespace trawl::searcher {
namespace {

class PlainWords : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
  }
};

std::vector<testing::TestDoc> corpus_docs() {
  namespace fs = std::filesystem;
  std::vector<testing::TestDoc> docs;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(TRAWL_TEST_DATA) / ".." / ".." / "corpus")) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    docs.push_back({e.path().string(), e.path().filename().string(), text});
  }
  std::sort(docs.begin(), docs.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return docs;
}

TEST_CASE("expandable: content words, not prefixed terms or accented forms") {
  struct Case {
    const char* term;
    bool offered;
  };
  const Case cases[] = {
      {"harbour", true},   {"Sharbour", false}, {"XCab", false},   {"the", false},
      {"2024", false},     {"resume", true},    {"résumé", false},  // the folded word stands for
                                                                    // both
      {"навальный", true}, {"ёлка", false},     {"елка", true},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string_view(c.term));
    CHECK(expandable(c.term) == c.offered);
  }
}

TEST_CASE("feedback: best_expansion_terms ranks as Xapian's ESet") {
  const std::vector<testing::TestDoc> docs = corpus_docs();
  REQUIRE(docs.size() >= 30);
  Xapian::WritableDatabase db = testing::make_index(docs);
  Xapian::Enquire enquire(db);
  const PlainWords decider;
  struct Case {
    Xapian::docid first;
    size_t docs;
    size_t terms;
  };
  const Case cases[] = {{1, 2, 10}, {1, 10, 10}, {5, 10, 10}, {11, 10, 10}, {20, 10, 10},
                        {1, 3, 1},  {7, 5, 40},  {15, 10, 200}, {25, 8, 10}, {1, 30, 10}};
  for (const Case& c : cases) {
    CAPTURE(c.first);
    CAPTURE(c.docs);
    CAPTURE(c.terms);
    std::vector<Xapian::docid> ids;
    Xapian::RSet rset;
    for (Xapian::docid d = c.first; d < c.first + c.docs && d <= db.get_lastdocid(); ++d) {
      ids.push_back(d);
      rset.add_document(d);
    }
    const Xapian::ESet want =
        enquire.get_eset(static_cast<Xapian::termcount>(c.terms), rset,
                         Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
    const std::vector<ExpandTerm> got = best_expansion_terms(db, ids, c.terms, decider);
    if (getenv("FB_DEBUG")) {
      size_t j = 0;
      for (auto it = want.begin(); it != want.end(); ++it, ++j) {
        printf("%zu want %s %.17g | got %s %.17g\n", j, (*it).c_str(), it.get_weight(),
               j < got.size() ? got[j].term.c_str() : "-", j < got.size() ? got[j].weight : 0.0);
      }
    }
    REQUIRE(got.size() == want.size());
    // The same weights in the same order; the same words wherever the
    // weight is not tied with the last one kept (at the cut, either of two
    // equal words may be kept).
    size_t i = 0;
    const double cut = got.empty() ? 0 : got.back().weight;
    std::vector<std::string> a, b;
    for (auto it = want.begin(); it != want.end(); ++it, ++i) {
      CHECK(got[i].weight == doctest::Approx(it.get_weight()).epsilon(1e-12));
      if (it.get_weight() > cut * (1 + 1e-12)) a.push_back(*it), b.push_back(got[i].term);
    }
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    CHECK(a == b);
  }
}

TEST_CASE("feedback: documents over max_length are left out; none short enough, no expansion") {
  // Lengths in words: 8, 12 and 40 (title words count too).
  const Xapian::WritableDatabase db = testing::make_index({
      {"/a", "harbour", "the harbour bridge closed for ferry repairs today"},
      {"/b", "harbour", "harbour bridge ferry crossings rise while the bridge repairs go on"},
      {"/c", "harbour",
       "harbour bridge notes: ferry timetables, tolls, cyclists, lanes, paint, rivets, cables, "
       "lights, barriers, pontoons, tugs, cranes, divers, welders, inspectors, engineers, "
       "surveyors, councillors, residents, tourists, buses, taxis, trams and repairs"},
  });
  const Xapian::Query q(Xapian::Query::OP_OR, Xapian::Query("harbour"), Xapian::Query("bridge"));
  struct Case {
    Xapian::termcount max_length;
    bool expands;
  };
  const Case cases[] = {
      {1000, true},   // all three documents
      {20, true},     // the two short ones
      {10, false},    // one document only: too few
      {5, false},     // shorter than every document: no match is even run
  };
  CHECK(db.get_doclength_lower_bound() > 5);
  for (const Case& c : cases) {
    CAPTURE(c.max_length);
    FeedbackOptions options;
    options.max_length = c.max_length;
    const Xapian::Query got = feedback_terms(db, q, Xapian::BM25Weight(), nullptr, options);
    CHECK(!got.empty() == c.expands);
  }
}

}  // namespace
}  // namespace trawl::searcher
