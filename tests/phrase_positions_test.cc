// Phrase places from position lists (phrase_positions.h): which words are
// read, and the starts found with all or some of them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "phrase_positions.h"
#include "support/test_index.h"

namespace trawl::searcher {
namespace {

TEST_CASE("phrase positions: common words are not read; starts agree with the text") {
  // "and" is everywhere; "pride" and "prejudice" are rare.
  std::string text;
  for (int i = 0; i < 200; ++i) {  // 17 words, "and" 8 times
    text += "bread and butter and tea and milk and honey and cake and jam and figs and nuts\n";
  }
  text += "of pride and prejudice\n";  // body positions 1400.. (7 words a line)
  text += "pride and joy, prejudice and pride\n";
  const Xapian::Database db = testing::make_index({{"a.txt", "", text}});
  schema::DocRecord record;
  REQUIRE(schema::decode_record(db.get_document(1).get_data(), &record));
  const Xapian::termpos first = schema::kBodyPosition + 200 * 17 + 1;  // "pride" on the 201st line
  std::vector<Xapian::termpos> and_jam;  // "and jam" on every one of the first 200 lines
  for (Xapian::termpos line = 0; line < 200; ++line) and_jam.push_back(schema::kBodyPosition + line * 17 + 11);

  struct Case {
    std::vector<std::string> terms;
    std::vector<uint32_t> probes;  // expected
    std::vector<Xapian::termpos> exact, probed;  // starts with every word, with the probes
  };
  const Case kCases[] = {
      {{"pride", "and", "prejudice"}, {0, 2}, {first}, {first}},
      {{"and", "prejudice"}, {0, 1}, {first + 1}, {first + 1}},  // two words: both read
      {{"pride", "and"}, {0, 1}, {first, first + 3}, {first, first + 3}},
      {{"and", "jam", "and"}, {1}, and_jam, and_jam},  // only jam read
      {{"prejudice", "pride"}, {0, 1}, {first + 2}, {first + 2}},  // across a line end
      {{"pride", "prejudice"}, {0, 1}, {}, {}},
      {{"pride", "and", "tea"}, {0}, {}, {first, first + 3, first + 8}},  // a superset
  };
  for (const Case& c : kCases) {
    CAPTURE(c.terms.front());
    CAPTURE(c.terms.size());
    const std::vector<uint32_t> probes = phrase_probes(db, c.terms);
    CHECK(probes == c.probes);
    std::vector<uint32_t> all;
    for (uint32_t k = 0; k < c.terms.size(); ++k) all.push_back(k);
    const std::vector<Xapian::termpos> exact = phrase_starts(db, 1, record, c.terms, all);
    CHECK(exact == c.exact);
    CHECK(phrase_starts(db, 1, record, c.terms, probes) == c.probed);
  }
}

}  // namespace
}  // namespace trawl::searcher
