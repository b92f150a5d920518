// Near-duplicate detection on labelled pairs (tests/data/near_dups): pairs
// that tell the same story in different words must be near-duplicates;
// pairs on the same topic that tell different stories must not.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "document_builder.h"
#include "extract_file.h"
#include "minhash.h"

namespace trawl::indexer {
namespace {

namespace fs = std::filesystem;

// The MinHash slot of the document the indexer would build for the first
// document of the file at `path` (any format).
std::string signature(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  FileExtraction ex;
  REQUIRE(extract_file(IndexOptions{}, path, bytes, &ex).ok());
  REQUIRE(!ex.extraction.docs.empty());
  schema::DocRecord r;
  r.path = path;
  r.title = ex.extraction.docs[0].title;
  r.text = ex.extraction.docs[0].body;
  DocumentBuilder builder(Xapian::Stem("english"));
  std::vector<std::pair<std::string, std::string>> texts;
  return builder.build(r, path, &texts).get_value(schema::kSlotMinHash);
}

// Every pair of the one-document files under `dir` (JSON Lines files hold
// many documents and are left out) whose signatures are near-duplicates,
// as "a b" with the file names sorted.
std::vector<std::string> folded_pairs(const fs::path& dir) {
  std::vector<std::pair<std::string, std::string>> sigs;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (!e.is_regular_file() || name[0] == '.' || name == "README.md") continue;
    if (e.path().extension() == ".jsonl") continue;
    sigs.emplace_back(name, signature(e.path().string()));
  }
  std::sort(sigs.begin(), sigs.end());
  std::vector<std::string> out;
  for (size_t i = 0; i < sigs.size(); ++i) {
    for (size_t j = i + 1; j < sigs.size(); ++j) {
      const double sim = similarity(sigs[i].second, sigs[j].second);
      if (sim >= 0.15) MESSAGE(sigs[i].first << " " << sigs[j].first << " similarity " << sim);
      if (sim >= kNearDuplicate) out.push_back(sigs[i].first + " " + sigs[j].first);
    }
  }
  MESSAGE(dir.filename().string() << ": " << sigs.size() << " documents, "
                                  << sigs.size() * (sigs.size() - 1) / 2 << " pairs, "
                                  << out.size() << " folded");
  return out;
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
    MESSAGE(a << " " << b << " similarity " << sim << " (same story: " << same << ")");
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

// Precision over a whole collection: of the 500-odd pairs of corpus/, only
// the one labelled same-story pair (corpus/README.md) is folded; the concert
// on the same bridge is not.
TEST_CASE("near-duplicates: corpus/ folds only its same-story pair") {
  const fs::path corpus = fs::path(TRAWL_TEST_DATA) / ".." / ".." / "corpus";
  const std::vector<std::string> want = {
      "harbour-bridge-closure-gazette.txt harbour-bridge-closure-herald.md"};
  CHECK(folded_pairs(corpus) == want);
}

// Reads ../shared/corpus/seeds (beside the checkout; skipped when absent):
// 000 and 001 tell the same story; no other pair of the five folds.
TEST_CASE("near-duplicates: the seeds fold 000 with 001 only") {
  const fs::path seeds = fs::path(TRAWL_TEST_DATA) / ".." / ".." / ".." / "shared" / "corpus" /
                         "seeds";
  if (!fs::is_directory(seeds)) {
    MESSAGE("skipped: no " << seeds.string() << " (../shared is not beside this checkout)");
    return;
  }
  const std::vector<std::string> want = {"000_11e460c5837aa03e.txt 001_6ce8175613da4187.txt"};
  CHECK(folded_pairs(seeds) == want);
}

// `n` distinct made-up words ("qab qac ..."), as a text.
std::string distinct_words(size_t n) {
  std::string text;
  for (size_t i = 0; i < n; ++i) {
    text += "q";
    for (size_t k = i + 26 * 26; k > 0; k /= 26) text.push_back(static_cast<char>('a' + k % 26));
    text += i % 12 == 11 ? ".\n" : " ";
  }
  return text;
}

TEST_CASE("near-duplicates: short documents and whole books get no signature and never fold") {
  struct Case {
    std::string text;
    bool signed_;
  };
  const Case cases[] = {
      {distinct_words(kMaxHashWords - 100), true},
      {distinct_words(kMaxHashWords + 100), false},
      {"Tide tables. High water at noon.", false},
      {"Tide notes. Low water at dawn, high water at noon, and the harbour gates shut.", false},
      {"The harbour master published tide tables for the spring: high water at noon on "
       "Mondays, low water at dawn, gates shut during storms, pilots board at the outer buoy, "
       "fishing boats unload at the north quay, ferries wait at anchor, cargo ships need "
       "tugs, yachts use the marina, and dredgers work overnight.",
       true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    schema::DocRecord r;
    r.path = "/x.txt";
    r.text = c.text;
    DocumentBuilder builder(Xapian::Stem("english"));
    std::vector<std::pair<std::string, std::string>> texts;
    CHECK(builder.build(r, r.path, &texts).get_value(schema::kSlotMinHash).empty() == !c.signed_);
  }
}

TEST_CASE("document builder: a word with marks is also indexed with them, at its position") {
  // The accented form sits beside the folded term; the spelling table and
  // the MinHash words see the folded word only, so a copy without marks
  // still folds as a near-duplicate. Its stem reaches the stem table.
  const std::string marked =
      "Le résumé des débats publiés hier soir montre que les députés élus ont voté "
      "contre le projet, après une longue séance où chaque ministre a défendu sa réforme "
      "devant la presse réunie au palais et les électeurs inquiets.";
  const std::string plain =
      "Le resume des debats publies hier soir montre que les deputes elus ont vote "
      "contre le projet, apres une longue seance ou chaque ministre a defendu sa reforme "
      "devant la presse reunie au palais et les electeurs inquiets.";
  DocumentBuilder builder(Xapian::Stem("french"));
  std::vector<std::pair<std::string, std::string>> texts;
  schema::DocRecord r;
  r.path = "/a.txt";
  r.text = marked;
  const Xapian::Document a = builder.build(r, r.path, &texts);
  const auto spelling = builder.take_spelling();
  const auto stems = builder.take_new_stems();
  r.text = plain;
  const Xapian::Document b = builder.build(r, r.path, &texts);
  const std::string sig = a.get_value(schema::kSlotMinHash);
  REQUIRE(!sig.empty());
  CHECK(sig == b.get_value(schema::kSlotMinHash));
  struct Pair {
    const char* folded;
    const char* accented;
  };
  for (const Pair& p : {Pair{"resume", "résumé"}, Pair{"debats", "débats"}, Pair{"elus", "élus"}}) {
    CAPTURE(std::string_view(p.accented));
    const auto positions = [&](const std::string& term) {
      std::vector<Xapian::termpos> out;
      for (auto t = a.termlist_begin(); t != a.termlist_end(); ++t) {
        if (*t != term) continue;
        for (auto q = t.positionlist_begin(); q != t.positionlist_end(); ++q) out.push_back(*q);
      }
      return out;
    };
    CHECK(!positions(p.folded).empty());
    CHECK(positions(p.accented) == positions(p.folded));
    CHECK(spelling.count(p.folded) == 1);
    CHECK(spelling.count(p.accented) == 0);
  }
  CHECK(
      std::any_of(stems.begin(), stems.end(), [](const auto& s) { return s.second == "résumé"; }));
}

TEST_CASE("minhash: identical sets are identical, disjoint sets are not near") {
  std::vector<std::string> a = {"harbour", "bridge", "closure", "repairs", "ferry"};
  std::vector<std::string> b = {"glacier", "station", "permafrost", "seabird", "walrus"};
  CHECK(similarity(minhash(a), minhash(a)) == 1.0);
  CHECK(similarity(minhash(a), minhash(b)) < 0.1);
  CHECK(similarity(minhash({}), minhash(a)) == 0.0);
}

TEST_CASE("content_word: function words, short words and numbers are not content") {
  struct Case {
    const char* term;
    bool content;
  };
  const Case cases[] = {
      {"harbour", true}, {"the", false},   {"an", false},     {"2024", false},   {"abc", true},
      {"about", false},  {"would", false}, {"with", false},   {"mit", false},    {"zzz", true},
      {"aaa", true},     {"wouldn", true}, {"theirs", true},  {"2024a", true},   {"été", true},
      {"és", false},     {"whale", true},  {"thesis", true},  {"und", false},    {"ab1", true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.term);
    CHECK(content_word(c.term) == c.content);
  }
}

}  // namespace
}  // namespace trawl::indexer
