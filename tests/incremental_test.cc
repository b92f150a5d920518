// Re-runs over a changing tree, checked against the documents the database
// holds: add, modify, delete, rename, touch, subset re-runs, --rebuild,
// --dry-run; and the database folder's lock and generations.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "db_store.h"
#include "error.h"
#include "run_index.h"
#include "schema.h"
#include "search.h"
#include "stored_text.h"
#include "support/mem_file_system.h"
#include "support/temp_dir.h"

namespace trawl::indexer {
namespace {

struct Fixture {
  testing::TempDir tmp;
  testing::MemFileSystem fs;
  std::string db = tmp / "db";

  IndexSummary index(std::vector<std::string> roots = {"/c"}, IndexOptions options = {}) {
    std::ostringstream err;
    Diag diag("trawl-index", err);
    HumanReporter reporter(diag, "/", false, true);
    options.db_path = db;
    options.roots = std::move(roots);
    options.jobs = 2;
    IndexSummary s;
    run_index(options, fs, reporter, "/", &s);
    return s;
  }

  // path -> title of every document in the database.
  std::map<std::string, std::string> docs() const {
    Xapian::Database d(db);
    std::map<std::string, std::string> out;
    for (auto it = d.postlist_begin(""); it != d.postlist_end(""); ++it) {
      schema::DocRecord r;
      REQUIRE(schema::decode_record(d.get_document(*it).get_data(), &r));
      out[r.key] = r.title;
    }
    return out;
  }
};

// Reads texts kept in their files from the fake file system (read_anchors).
const testing::MemFileSystem* mem_files = nullptr;
bool read_mem_range(const std::string& path, uint64_t offset, size_t length, std::string* out) {
  std::string all;
  if (mem_files == nullptr || !mem_files->read(path, ~0ull, &all).ok() || offset + length > all.size()) {
    return false;
  }
  *out = all.substr(offset, length);
  return true;
}

// The metadata keys of long texts' pieces, and those the documents' records
// name: equal when no piece is orphaned or missing. Also checks that each
// text read back has `min_bytes` or more, and that it is kept in its file
// unless `copies` (--store-text all).
void check_pieces(const std::string& path, size_t expect_long, size_t min_bytes = kInlineTextBytes,
                  bool copies = true) {
  Xapian::Database d(path);
  std::set<std::string> stored, named;
  const std::string prefix(schema::kMetaTextPrefix);
  for (auto k = d.metadata_keys_begin(prefix); k != d.metadata_keys_end(prefix); ++k) {
    stored.insert(*k);
  }
  size_t long_texts = 0;
  for (auto it = d.postlist_begin(""); it != d.postlist_end(""); ++it) {
    schema::DocRecord r;
    REQUIRE(schema::decode_record(d.get_document(*it).get_data(), &r));
    if (r.text_id.empty()) continue;
    ++long_texts;
    for (const std::string& key : text_keys(r)) named.insert(key);
    REQUIRE(load_anchors(d, &r));
    CHECK(r.anchors.size() == r.stored_anchors);  // beside the pieces, as many as counted
    CHECK(read_anchors(d, r, 0, r.anchors.size(), read_mem_range).text.size() > min_bytes);
    CHECK((r.file_offset < 0) == copies);
  }
  CHECK(long_texts == expect_long);
  CHECK(stored == named);
}

std::string long_text(const std::string& word, size_t lines) {
  std::string t = "Title " + word + "\n\n";
  for (size_t i = 0; i < lines; ++i) t += word + " line " + std::to_string(i) + " of a long text\n";
  return t;
}

// `copies`: --store-text all, else auto (the texts stay in their files).
void pieces_come_and_go(bool copies) {
  CAPTURE(copies);
  Fixture f;
  mem_files = &f.fs;
  IndexOptions options;
  options.copy_all_text = copies;
  f.fs.add_file("/c/a.txt", long_text("alpha", 900), 100);
  f.fs.add_file("/c/b.txt", long_text("beta", 600), 100);
  f.fs.add_file("/c/s.txt", "Short\n\nshort text", 100);
  f.index({"/c"}, options);  // a new database: built by the parallel writers and merged
  check_pieces(f.db, 2, kInlineTextBytes, copies);
  struct Step {
    const char* name;
    std::function<void(testing::MemFileSystem&)> change;
    size_t long_texts;
  };
  const std::vector<Step> steps = {
      {"modified, shorter", [](auto& fs) { fs.add_file("/c/a.txt", long_text("alpha", 500), 200); }, 2},
      {"renamed", [](auto& fs) {
         fs.remove("/c/b.txt");
         fs.add_file("/c/b2.txt", long_text("beta", 600), 100);
       }, 2},
      {"grown from short", [](auto& fs) { fs.add_file("/c/s.txt", long_text("gamma", 700), 300); }, 3},
      {"shrunk to short", [](auto& fs) { fs.add_file("/c/a.txt", "Alpha\n\nnow short", 400); }, 2},
      {"deleted", [](auto& fs) { fs.remove("/c/b2.txt"); }, 1},
  };
  for (const Step& step : steps) {
    CAPTURE(step.name);
    step.change(f.fs);
    f.index({"/c"}, options);
    check_pieces(f.db, step.long_texts, kInlineTextBytes, copies);
  }
  mem_files = nullptr;
}

TEST_CASE("incremental: a long text's pieces come and go with its document") {
  pieces_come_and_go(true);
  pieces_come_and_go(false);
}

// The stem table: Z + stem -> the words with that stem.
std::map<std::string, std::vector<std::string>> stem_table(const std::string& path) {
  Xapian::Database d(path);
  std::map<std::string, std::vector<std::string>> out;
  for (auto k = d.synonym_keys_begin("Z"); k != d.synonym_keys_end("Z"); ++k) {
    out[*k].assign(d.synonyms_begin(*k), d.synonyms_end(*k));
  }
  return out;
}

TEST_CASE("incremental: a fresh build's stem table equals one grown file by file") {
  const std::vector<std::pair<std::string, std::string>> files = {
      {"/c/a.txt", "Sanctions\n\nThe sanctioned banks and sanctioning states"},
      {"/c/b.txt", "Running\n\nRunners ran; the runner runs daily"},
      {"/c/c.txt", "Bridges\n\nA bridge, bridged gaps and bridging loans"},
  };
  Fixture fresh;
  for (const auto& [path, text] : files) fresh.fs.add_file(path, text);
  fresh.index();  // built in shards, stem table made after the merge
  Fixture grown;
  grown.fs.add_file(files[0].first, files[0].second);
  grown.index();
  for (size_t i = 1; i < files.size(); ++i) {
    grown.fs.add_file(files[i].first, files[i].second);
    grown.index();  // an update: stems added with each batch
  }
  const auto table = stem_table(fresh.db);
  CHECK(table.at("Zsanction") == std::vector<std::string>{"sanctioned", "sanctioning", "sanctions"});
  CHECK(table.at("Zbridg") == std::vector<std::string>{"bridge", "bridged", "bridges", "bridging"});
  CHECK(table == stem_table(grown.db));
}

TEST_CASE("incremental: a file rewritten in the second the last run started is read again") {
  Fixture f;
  IndexOptions at;
  at.run_start = 1000;
  f.fs.add_file("/c/racy.txt", "Alpha\n\none", 1000);  // written as the run starts
  f.fs.add_file("/c/calm.txt", "Gamma\n\nsix", 990);
  f.index({"/c"}, at);  // a new database
  // Both rewritten with the same size and mtime: only the racy one can be
  // told (a stamp is trusted when its second ended before the run).
  f.fs.add_file("/c/racy.txt", "Bravo\n\ntwo", 1000);
  f.fs.add_file("/c/calm.txt", "Delta\n\nsev", 990);
  at.run_start = 1001;
  IndexSummary second = f.index({"/c"}, at);
  CHECK(second.updated == 1);
  CHECK(f.docs() == std::map<std::string, std::string>{{"/c/calm.txt", "Gamma"},
                                                       {"/c/racy.txt", "Bravo"}});
  // The next run trusts it again: its second ended before that run began.
  f.fs.add_file("/c/racy.txt", "Charl\n\ntri", 1000);
  at.run_start = 1002;
  IndexSummary third = f.index({"/c"}, at);
  CHECK(third.updated == 0);
  CHECK(third.unchanged == 2);
  // The same through an update (IndexWriter), not a fresh build.
  f.fs.add_file("/c/new.txt", "Echo\n\nnew", 1003);
  at.run_start = 1003;
  f.index({"/c"}, at);
  f.fs.add_file("/c/new.txt", "Foxt\n\nnew", 1003);
  at.run_start = 1004;
  IndexSummary fifth = f.index({"/c"}, at);
  CHECK(fifth.updated == 1);
  CHECK(f.docs()["/c/new.txt"] == "Foxt");
}

TEST_CASE("incremental: add, modify, delete, rename, touch") {
  Fixture f;
  f.fs.add_file("/c/a.txt", "Alpha\n\none", 100);
  f.fs.add_file("/c/b.txt", "Beta\n\ntwo", 100);
  f.fs.add_file("/c/c.txt", "Gamma\n\nthree", 100);
  f.fs.add_file("/c/r.jsonl", "{\"_id\":\"1\",\"title\":\"R1\"}\n{\"_id\":\"2\",\"title\":\"R2\"}\n", 100);
  IndexSummary first = f.index();
  CHECK(first.added == 4);
  CHECK(first.documents == 5);

  f.fs.add_file("/c/a.txt", "Alpha two\n\none more", 200);  // modified
  f.fs.remove("/c/b.txt");                                  // deleted
  f.fs.remove("/c/c.txt");                                  // renamed
  f.fs.add_file("/c/sub/c-renamed.txt", "Gamma\n\nthree", 300);
  f.fs.add_file("/c/r.jsonl", "{\"_id\":\"1\",\"title\":\"R1\"}\n", 100);  // touched? no: shrank
  f.fs.add_file("/c/d.txt", "Delta\n\nfour", 100);          // new
  IndexSummary second = f.index();
  CHECK(second.added == 1);
  CHECK(second.updated == 2);
  CHECK(second.moved == 1);
  CHECK(second.deleted == 1);
  CHECK(second.unchanged == 0);
  CHECK(f.docs() == std::map<std::string, std::string>{{"/c/a.txt", "Alpha two"},
                                                       {"/c/d.txt", "Delta"},
                                                       {"/c/r.jsonl#1", "R1"},
                                                       {"/c/sub/c-renamed.txt", "Gamma"}});
  // The moved document answers to its new path.
  Xapian::Database d(f.db);
  CHECK(d.get_termfreq(schema::id_term("/c/sub/c-renamed.txt")) == 1);
  CHECK(d.get_termfreq(schema::id_term("/c/c.txt")) == 0);

  f.fs.add_file("/c/d.txt", "Delta\n\nfour", 999);  // touched: same content
  IndexSummary third = f.index();
  CHECK(third.documents == 0);
  CHECK(third.unchanged == 4);
  CHECK(f.fs.reads("/c/d.txt") == 2);  // indexed once, hashed once
}

TEST_CASE("incremental: --track-ctime sees a file replaced with its old size and mtime") {
  Fixture f;
  f.fs.add_file("/c/a.txt", "Alpha\n\nfirst", 100);
  f.fs.add_file("/c/b.txt", "Beta\n\nsecond", 100);
  IndexOptions track;
  track.track_ctime = true;
  CHECK(f.index({"/c"}, track).added == 2);
  // Restored from a backup (tar x keeps the mtime): new words, same size.
  f.fs.add_file("/c/a.txt", "Alpha\n\nfinal", 100);
  f.fs.set_ctime("/c/a.txt", 500);
  f.fs.set_ctime("/c/b.txt", 500);  // chmod: same content
  IndexSummary plain = f.index();
  CHECK(plain.updated == 0);  // without the flag the change goes unseen
  CHECK(plain.unchanged == 2);
  IndexSummary tracked = f.index({"/c"}, track);
  CHECK(tracked.updated == 1);
  CHECK(tracked.unchanged == 1);
  IndexSummary again = f.index({"/c"}, track);  // the new ctimes were recorded
  CHECK(again.unchanged == 2);
  CHECK(f.fs.reads("/c/b.txt") == 2);  // indexed once, hashed once
  searcher::Searcher s({f.db}, searcher::OpenOptions{});
  searcher::SearchOptions o;
  o.query = "final";
  o.mode = searcher::OutputMode::kJson;
  CHECK(s.search(o).hits.size() == 1);
}

TEST_CASE("incremental: documents of an older analysis are made again, once") {
  Fixture f;
  f.fs.add_file("/c/old.txt", "Old\n\n外国人参政権", 100);
  f.fs.add_file("/c/new.txt", "New\n\nfresh", 100);
  f.fs.add_file("/c/moved.txt", "Moved\n\n东京都", 100);
  f.index();
  {  // What a trawl from before kSlotAnalysis left: no analysis version.
    Xapian::WritableDatabase w(f.db + "/db-1");
    for (const char* path : {"/c/old.txt", "/c/moved.txt"}) {
      const Xapian::docid id = *w.postlist_begin(schema::id_term(path));
      Xapian::Document d = w.get_document(id);
      d.remove_value(schema::kSlotAnalysis);
      w.replace_document(id, d);
    }
    w.commit();
  }
  f.fs.remove("/c/moved.txt");
  f.fs.add_file("/c/sub/moved.txt", "Moved\n\n东京都", 100);
  IndexSummary second = f.index();
  CHECK(second.updated == 1);  // old.txt, though unchanged on disk
  CHECK(second.added == 1);    // the renamed file is made again, not moved
  CHECK(second.moved == 0);
  CHECK(second.deleted == 1);
  CHECK(second.unchanged == 1);
  CHECK(second.documents == 2);
  IndexSummary third = f.index();
  CHECK(third.unchanged == 3);
  CHECK(third.documents == 0);
}

TEST_CASE("incremental: a re-run on part of the tree deletes nothing elsewhere") {
  Fixture f;
  f.fs.add_file("/c/a/x.txt", "X\n\nx");
  f.fs.add_file("/c/b/y.txt", "Y\n\ny");
  f.index();
  f.fs.remove("/c/b/y.txt");
  IndexSummary s = f.index({"/c/a"});
  CHECK(s.deleted == 0);
  CHECK(f.docs().size() == 2);
  IndexSummary all = f.index({"/c"});
  CHECK(all.deleted == 1);
  CHECK(f.docs() == std::map<std::string, std::string>{{"/c/a/x.txt", "X"}});
  // Counting a filter-only query after deletions (a Xapian 1.4.22 bug, worked around).
  searcher::Searcher search({f.db}, searcher::OpenOptions{});
  searcher::SearchOptions count;
  count.mode = searcher::OutputMode::kCount;
  count.query = "path:c";
  CHECK(search.search(count).matches_estimated == 1);
}

TEST_CASE("incremental: --no-delete, --force, --rebuild, --dry-run") {
  Fixture f;
  f.fs.add_file("/c/a.txt", "A\n\na");
  f.fs.add_file("/c/b.txt", "B\n\nb");
  f.index();
  f.fs.remove("/c/b.txt");
  IndexOptions keep;
  keep.no_delete = true;
  CHECK(f.index({"/c"}, keep).deleted == 0);
  CHECK(f.docs().size() == 2);

  IndexOptions force;
  force.force = true;
  IndexSummary forced = f.index({"/c"}, force);
  CHECK(forced.updated == 1);
  CHECK(forced.deleted == 1);  // without --no-delete, b.txt goes now

  IndexOptions dry;
  dry.dry_run = true;
  f.fs.add_file("/c/new.txt", "N\n\nn");
  IndexSummary planned = f.index({"/c"}, dry);
  CHECK(planned.documents == 0);
  CHECK(f.docs().size() == 1);  // nothing written

  IndexOptions rebuild;
  rebuild.rebuild = true;
  IndexSummary rebuilt = f.index({"/c"}, rebuild);
  CHECK(rebuilt.added == 2);
  CHECK(f.docs() == std::map<std::string, std::string>{{"/c/a.txt", "A"}, {"/c/new.txt", "N"}});
}

TEST_CASE("db store: one writer at a time; generations swap atomically") {
  testing::TempDir tmp;
  const std::string db = tmp / "db";
  {
    auto creating = DbStore::open(db, {});
    CHECK(creating->live().empty());
    // A second writer cannot start while the first creates the database.
    CHECK_THROWS_AS(DbStore::open(db, {}), Error);
    std::string work = creating->work_dir();
    Xapian::WritableDatabase(work + "/db", Xapian::DB_CREATE).commit();
    creating->publish(work + "/db");
    CHECK(creating->live() == db + "/db-1");
    try {
      DbStore::open(db, {});
      FAIL("expected the database to be locked");
    } catch (const Error& e) {
      CHECK(e.exit_code() == kExitLocked);
      CHECK(std::string(e.what()).find("locked by another trawl-index") != std::string::npos);
    }
  }
  auto store = DbStore::open(db, {});
  CHECK(store->live() == db + "/db-1");
  std::string work = store->work_dir();
  Xapian::WritableDatabase(work + "/db", Xapian::DB_CREATE).commit();
  store->publish(work + "/db");
  CHECK(store->live() == db + "/db-2");
  CHECK_FALSE(std::filesystem::exists(db + "/db-1"));
  CHECK(Xapian::Database(db).get_doccount() == 0);  // opens through the stub
}

TEST_CASE("db store: new databases of other names in one folder are created side by side") {
  testing::TempDir tmp;
  auto a = DbStore::open(tmp / "a", {});
  auto b = DbStore::open(tmp / "b", {});  // not blocked by a's creation
  auto ab = DbStore::open(tmp / "ab", {});
  for (DbStore* store : {a.get(), b.get(), ab.get()}) {
    const std::string work = store->work_dir();
    Xapian::WritableDatabase(work + "/db", Xapian::DB_CREATE).commit();
    store->publish(work + "/db");
    CHECK(Xapian::Database(store->dir()).get_doccount() == 0);
  }
  // Each holds its own database's lock after publishing.
  for (const char* name : {"a", "b", "ab"}) {
    CAPTURE(name);
    CHECK_THROWS_AS(DbStore::open(tmp / name, {}), Error);
  }
}

TEST_CASE("db store: a live creator's work folder blocks, a dead one's is removed") {
  testing::TempDir tmp;
  std::filesystem::create_directories(tmp / "db.tmp-1");
  const std::string lock = tmp / "db.tmp-1/lock";
  std::ofstream(lock) << "";
  const int fd = ::open(lock.c_str(), O_RDWR);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX) == 0);  // a creator that still runs
  CHECK_THROWS_AS(DbStore::open(tmp / "db", {}), Error);
  CHECK(std::filesystem::exists(tmp / "db.tmp-1"));
  LockOptions wait;
  wait.wait = true;
  wait.wait_seconds = 0.2;
  CHECK_THROWS_AS(DbStore::open(tmp / "db", wait), Error);
  ::close(fd);  // it died
  auto store = DbStore::open(tmp / "db", {});
  CHECK_FALSE(std::filesystem::exists(tmp / "db.tmp-1"));
}

TEST_CASE("db store: --wait outlasts a creator, then opens what it created") {
  testing::TempDir tmp;
  const std::string db = tmp / "db";
  auto creating = DbStore::open(db, {});
  std::thread finish([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const std::string work = creating->work_dir();
    Xapian::WritableDatabase(work + "/db", Xapian::DB_CREATE).commit();
    creating->publish(work + "/db");
    creating.reset();  // the run ends
  });
  LockOptions wait;
  wait.wait = true;
  auto store = DbStore::open(db, wait);
  finish.join();
  CHECK(store->live() == db + "/db-1");
}

TEST_CASE("db store: stale work folders are removed; foreign folders refused") {
  testing::TempDir tmp;
  std::filesystem::create_directories(tmp / "db.tmp-999999999");  // no such process
  {
    auto store = DbStore::open(tmp / "db", {});
    CHECK_FALSE(std::filesystem::exists(tmp / "db.tmp-999999999"));
  }
  std::filesystem::create_directories(tmp / "notes");
  std::ofstream(tmp / "notes/keep.txt") << "x";
  CHECK_THROWS_WITH_AS(DbStore::open(tmp / "notes", {}), doctest::Contains("is not a trawl database"),
                       Error);
}

}  // namespace
}  // namespace trawl::indexer
