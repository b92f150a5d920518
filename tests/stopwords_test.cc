// Query-side stopwords (searcher/stopwords.h): the English list and nothing
// else; other languages have none.
#include <doctest/doctest.h>

#include "stopwords.h"

namespace trawl::searcher {
namespace {

TEST_CASE("stopwords: English function words, not negations or content words") {
  const auto stopper = make_stopper("english");
  REQUIRE(stopper != nullptr);
  struct Case {
    const char* term;
    bool stop;
  };
  const Case cases[] = {
      {"a", true},          {"the", true},         {"yourselves", true}, {"about", true},
      {"which", true},      {"would", true},       {"not", false},       {"no", false},
      {"", false},          {"yourselvess", false}, {"The", false},      {"shuttle", false},
      {"aa", false},        {"zzz", false},        {"whom", true},       {"thereof", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.term);
    CHECK((*stopper)(c.term) == c.stop);
  }
  CHECK(make_stopper("en") != nullptr);
  CHECK(make_stopper("german") == nullptr);
  CHECK(make_stopper("none") == nullptr);
}

}  // namespace
}  // namespace trawl::searcher
