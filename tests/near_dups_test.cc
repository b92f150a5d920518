// Near-duplicate detection on labelled pairs (tests/data/near_dups): pairs
// that tell the same story in different words must be near-duplicates;
// pairs on the same topic that tell different stories must not.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "document_builder.h"
#include "formats/format.h"
#include "minhash.h"

namespace trawl::indexer {
namespace {

std::string signature(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  Extraction ex;
  REQUIRE(extract_text(bytes, {}, &ex).ok());
  schema::DocRecord r;
  r.path = path;
  r.title = ex.docs[0].title;
  r.text = ex.docs[0].body;
  DocumentBuilder builder(Xapian::Stem("english"));
  return builder.build(r, path).get_value(schema::kSlotMinHash);
}

TEST_CASE("near-duplicates: labelled pairs") {
  const std::string dir = std::string(TRAWL_TEST_DATA) + "/near_dups/";
  std::ifstream pairs(dir + "pairs.tsv");
  int true_pos = 0, false_pos = 0, false_neg = 0, true_neg = 0;
  for (std::string line; std::getline(pairs, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream cols(line);
    std::string a, b;
    int same;
    cols >> a >> b >> same;
    const double sim = similarity(signature(dir + a), signature(dir + b));
    CAPTURE(a);
    CAPTURE(b);
    CAPTURE(sim);
    const bool collapsed = sim >= kNearDuplicate;
    CHECK(collapsed == (same == 1));
    if (collapsed) {
      ++(same ? true_pos : false_pos);
    } else {
      ++(same ? false_neg : true_neg);
    }
  }
  CHECK(true_pos + false_pos + false_neg + true_neg == 12);
  MESSAGE("same-story pairs folded: " << true_pos << "/" << (true_pos + false_neg)
                                      << ", different stories folded: " << false_pos << "/"
                                      << (false_pos + true_neg));
}

TEST_CASE("minhash: identical sets are identical, disjoint sets are not near") {
  std::vector<std::string> a = {"harbour", "bridge", "closure", "repairs", "ferry"};
  std::vector<std::string> b = {"glacier", "station", "permafrost", "seabird", "walrus"};
  CHECK(similarity(minhash(a), minhash(a)) == 1.0);
  CHECK(similarity(minhash(a), minhash(b)) < 0.1);
  CHECK(similarity(minhash({}), minhash(a)) == 0.0);
  CHECK(content_word("harbour"));
  CHECK_FALSE(content_word("the"));
  CHECK_FALSE(content_word("an"));
  CHECK_FALSE(content_word("2024"));
}

}  // namespace
}  // namespace trawl::indexer
