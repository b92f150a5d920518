// Near-duplicate folding of a result page (searcher/results.cc): which hits
// head a group, which fold under it, and which makers are called for them.
// Text output builds folded hits from their path slot alone, so the maker
// for folded hits must never be asked for a group's head, and neither maker
// for hits off the page.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extras.h"
#include "minhash.h"
#include "schema.h"

namespace trawl::searcher {
namespace {

std::vector<std::string> made;  // "H:path" / "S:path", in call order

Hit make_logged(const Xapian::MSetIterator& it, const char* tag) {
  Hit hit;
  hit.docid = *it;
  hit.record.path = it.get_document().get_value(schema::kSlotPath);
  made.push_back(tag + hit.record.path);
  return hit;
}
Hit make_head(const Xapian::MSetIterator& it) { return make_logged(it, "H:"); }
Hit make_folded(const Xapian::MSetIterator& it) { return make_logged(it, "S:"); }

// Six documents in docid order; the a's, b's and the c are three groups.
Xapian::MSet six_hits(Xapian::WritableDatabase* db) {
  const std::vector<std::string> a = {"harbour", "bridge", "closure", "repairs", "ferry"};
  const std::vector<std::string> b = {"glacier", "station", "permafrost", "seabird", "walrus"};
  const std::vector<std::string> c = {"orchard", "harvest", "cider", "pruning", "blossom"};
  const std::pair<const char*, const std::vector<std::string>*> docs[] = {
      {"a1", &a}, {"a2", &a}, {"b1", &b}, {"a3", &a}, {"c1", &c}, {"b2", &b}};
  for (const auto& [path, words] : docs) {
    Xapian::Document doc;
    doc.add_value(schema::kSlotPath, path);
    doc.add_value(schema::kSlotMinHash, minhash(*words));
    db->add_document(doc);
  }
  Xapian::Enquire enquire(*db);
  enquire.set_query(Xapian::Query::MatchAll);
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  return enquire.get_mset(0, 10);
}

struct PageCase {
  size_t from, to;
  std::vector<std::string> heads;   // the page, in order
  std::vector<std::string> made;    // maker calls, in order
  std::vector<std::string> folded;  // "head:folded" pairs
};

std::vector<std::string> folded_pairs(const std::vector<Hit>& page) {
  std::vector<std::string> out;
  for (const Hit& h : page) {
    for (const Similar& s : h.similar) out.push_back(h.record.path + ":" + s.path);
  }
  return out;
}

TEST_CASE("collapse: groups on the page only, heads and folded hits from their own makers") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Xapian::MSet mset = six_hits(&db);
  const std::vector<PageCase> cases = {
      {0, 1, {"a1"}, {"H:a1", "S:a2", "S:a3"}, {"a1:a2", "a1:a3"}},
      {1, 2, {"b1"}, {"H:b1", "S:b2"}, {"b1:b2"}},
      {2, 3, {"c1"}, {"H:c1"}, {}},
      {0, 3, {"a1", "b1", "c1"}, {"H:a1", "S:a2", "H:b1", "S:a3", "H:c1", "S:b2"},
       {"a1:a2", "a1:a3", "b1:b2"}},
      {3, 5, {}, {}, {}},
  };
  for (const PageCase& c : cases) {
    CAPTURE(c.from);
    CAPTURE(c.to);
    made.clear();
    size_t groups = 0;
    const std::vector<Hit> page =
        collapse_near_duplicates(db, mset, make_head, make_folded, c.from, c.to, &groups);
    std::vector<std::string> heads;
    for (const Hit& h : page) heads.push_back(h.record.path);
    CHECK(heads == c.heads);
    CHECK(made == c.made);
    CHECK(folded_pairs(page) == c.folded);
    CHECK(groups == 3);
  }
}

// The parts of a long text fold into their file's best part, with no maker
// call; a file whose best part folded under another file's hit is not a
// group of its own, and its later parts are compared like any hit.
TEST_CASE("collapse: the parts of a file fold into its best part") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::vector<std::string> a = {"harbour", "bridge", "closure", "repairs", "ferry"};
  const std::vector<std::string> b = {"glacier", "station", "permafrost", "seabird", "walrus"};
  const std::vector<std::string> c = {"orchard", "harvest", "cider", "pruning", "blossom"};
  const std::vector<std::string> d = {"chess", "opening", "endgame", "rook", "bishop"};
  struct Doc {
    const char* path;
    const char* part;
    const std::vector<std::string>* words;
  };
  // log parts 3, 1, 2 in rank (docid) order, unlike each other; copy.txt is
  // a's near-duplicate and so is the first part of big.txt.
  const Doc docs[] = {{"log", "3", &a},     {"x", "", &b},        {"log", "1", &c},
                      {"copy.txt", "", &d}, {"big.txt", "1", &d}, {"log", "2", &b},
                      {"big.txt", "2", &c}};
  for (const Doc& doc : docs) {
    Xapian::Document x;
    x.add_value(schema::kSlotPath, doc.path);
    if (*doc.part) x.add_value(schema::kSlotPart, doc.part);
    x.add_value(schema::kSlotMinHash, minhash(*doc.words));
    db.add_document(x);
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  made.clear();
  size_t groups = 0;
  const std::vector<Hit> page = collapse_near_duplicates(db, mset, make_head, make_folded, 0, 10, &groups);
  std::vector<std::string> heads;
  for (const Hit& h : page) heads.push_back(h.record.path);
  CHECK(heads == std::vector<std::string>{"log", "x", "copy.txt", "big.txt"});
  REQUIRE(page.size() == 4);
  CHECK(page[0].more_parts == std::vector<uint32_t>{1, 2});
  CHECK(page[2].more_parts.empty());
  CHECK(folded_pairs(page) == std::vector<std::string>{"copy.txt:big.txt"});
  CHECK(made == std::vector<std::string>{"H:log", "H:x", "H:copy.txt", "S:big.txt", "H:big.txt"});
  CHECK(groups == 4);
}

}  // namespace
}  // namespace trawl::searcher
