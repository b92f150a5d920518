// Batch mode's query files and --weighting specs: tables of inputs.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "batch.h"
#include "error.h"
#include "weighting.h"

namespace trawl::searcher {
namespace {

struct QueriesCase {
  std::string_view file;
  std::vector<std::string> want;  // "id=text" per query read
  size_t warnings;                // lines reported and skipped
};

const QueriesCase kQueries[] = {
    {"{\"_id\": \"1\", \"text\": \"heated aircraft\"}\n{\"_id\": 2, \"text\": \"wings\"}\n",
     {"1=heated aircraft", "2=wings"}, 0},
    {"q1\tboundary layer\nq2\t\"exact phrase\" AND x\n", {"q1=boundary layer", "q2=\"exact phrase\" AND x"}, 0},
    {"# comment\n\n   \r\nq1\tfoo\r\n", {"q1=foo"}, 0},
    {"{\"id\": \"a\", \"query\": \"b\"}\n", {"a=b"}, 0},
    {"no tab here\n{\"_id\": \"x\"}\n{broken\nq\t  \n\tno id\nok\tfine\n", {"ok=fine"}, 5},
    {"", {}, 0},
};

TEST_CASE("read_queries: JSON Lines or id<TAB>query; bad lines named and skipped") {
  for (const QueriesCase& c : kQueries) {
    CAPTURE(c.file);
    std::istringstream in{std::string(c.file)};
    std::ostringstream err;
    Diag diag("trawl-search", err);
    std::vector<std::string> got;
    for (const BatchQuery& q : read_queries(in, "q.txt", diag)) got.push_back(q.id + "=" + q.text);
    CHECK(got == c.want);
    const std::string e = err.str();
    CHECK(static_cast<size_t>(std::count(e.begin(), e.end(), '\n')) == c.warnings);
    if (c.warnings > 0) CHECK(e.find("q.txt:") != std::string::npos);
  }
}

struct WeightingCase {
  std::string_view spec;
  std::string_view name;   // Xapian's Weight::name(), if accepted
  std::string_view error;  // part of the message, if refused
};

const WeightingCase kWeightings[] = {
    {"bm25", "Xapian::BM25Weight", ""},
    {"bm25:k1=1.5,b=0.9", "Xapian::BM25Weight", ""},
    {"bm25+:delta=0.5", "Xapian::BM25PlusWeight", ""},
    {"pl2:c=2", "Xapian::PL2Weight", ""},
    {"dph", "Xapian::DPHWeight", ""},
    {"ineb2", "Xapian::IneB2Weight", ""},
    {"lm:smoothing=jelinek-mercer,param=0.5", "Xapian::LMWeight", ""},
    {"tfidf:normalizations=ntn", "Xapian::TfIdfWeight", ""},
    {"coord", "Xapian::CoordWeight", ""},
    {"okapi", "", "unknown scheme"},
    {"bm25:k9=1", "", "unknown parameter 'k9=1' (known: b, k1, k2, k3, min_normlen)"},
    {"bm25:k1=fast", "", "k1 must be a number >= 0, not 'fast'"},
    {"bm25:b=2", "", "b must be between 0 and 1"},
    {"dph:c=1", "", "(this scheme takes none)"},
    {"lm:smoothing=magic", "", "smoothing is dirichlet or jelinek-mercer"},
};

TEST_CASE("make_weighting: schemes with parameters, clear refusals") {
  for (const WeightingCase& c : kWeightings) {
    CAPTURE(c.spec);
    if (c.error.empty()) {
      CHECK(make_weighting(std::string(c.spec))->name() == c.name);
    } else {
      try {
        make_weighting(std::string(c.spec));
        FAIL_CHECK("accepted");
      } catch (const Error& e) {
        CHECK(std::string(e.what()).find(c.error) != std::string::npos);
        CHECK(std::string(e.what()).find(std::string(c.spec)) != std::string::npos);
      }
    }
  }
}

}  // namespace
}  // namespace trawl::searcher
