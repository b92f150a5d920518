// The whole indexing pipeline on an in-memory file system, written to a real
// database in a temporary directory, then searched.
#include "run_index.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

#include "error.h"
#include "failures.h"
#include "search.h"
#include "support/mem_file_system.h"
#include "support/temp_dir.h"

namespace trawl::indexer {
namespace {

testing::MemFileSystem corpus() {
  testing::MemFileSystem fs;
  fs.add_file("/c/news/flood.txt", "River flood warning\n\nThe river rose overnight.");
  fs.add_file("/c/notes/cafe.md", "# Café notes\n\nThe *café* in Montréal opened.");
  fs.add_file("/c/data/recs.jsonl",
              "{\"_id\":\"r1\",\"title\":\"Chess final\",\"text\":\"A long chess final.\"}\n"
              "not json\n"
              "{\"_id\":\"r2\",\"title\":\"Cheese fair\",\"text\":\"Cheese from the valley.\"}\n");
  fs.add_file("/c/empty.txt", "   \n");
  fs.add_file("/c/image.png", "\x89PNG");
  fs.add_file("/c/bin.txt", std::string("a\0b", 3));
  fs.add_file("/c/.hidden.txt", "secret words");
  fs.fail("/c/locked.txt", "Permission denied");
  fs.add_file("/c/locked.txt", "x");
  return fs;
}

struct Run {
  int code;
  IndexSummary summary;
  std::string err;
};

Run index(const testing::MemFileSystem& fs, const std::string& db, const std::string& lang = "",
          IndexOptions options = {}) {
  std::ostringstream err;
  Diag diag("trawl-index", err);
  HumanReporter reporter(diag, "/c", false, false);
  reporter.set_warn_empty(options.empty_docs == EmptyDocs::kWarn);
  options.db_path = db;
  options.language = lang;
  options.roots = {"/c"};
  Run r;
  r.code = run_index(options, fs, reporter, "/c", &r.summary);
  r.err = err.str();
  return r;
}

std::vector<std::string> ids(const std::string& db, const std::string& query) {
  searcher::Searcher s({db}, searcher::OpenOptions{});
  searcher::SearchOptions options;
  options.query = query;
  options.mode = searcher::OutputMode::kJson;  // -l hits carry paths only
  std::vector<std::string> out;
  for (const auto& hit : s.search(options).hits) out.push_back(hit.record.id);
  return out;
}

TEST_CASE("run_index: indexes what it can, names what it cannot, exit 1") {
  testing::TempDir tmp;
  testing::MemFileSystem fs = corpus();
  Run r = index(fs, tmp / "db");
  CHECK(r.code == kExitSomeFailed);
  CHECK(r.summary.documents == 4);
  CHECK(r.summary.files == 3);
  CHECK(r.summary.failed == 2);  // bad JSON line, unreadable file
  CHECK(r.summary.skipped["empty"] == 1);
  CHECK(r.summary.skipped["binary"] == 2);  // image.png, bin.txt (NUL bytes)
  CHECK(r.summary.skipped["hidden"] == 1);
  CHECK(r.err.find("trawl-index: error: 'data/recs.jsonl': line 2: invalid JSON") != std::string::npos);
  CHECK(r.err.find("trawl-index: error: 'locked.txt': cannot read: Permission denied") != std::string::npos);
  CHECK(r.err.find("indexed 4 documents from 3 files") != std::string::npos);

  CHECK(ids(tmp / "db", "montreal") == std::vector<std::string>{"/c/notes/cafe.md"});
  CHECK(ids(tmp / "db", "cheese") == std::vector<std::string>{"r2"});
  CHECK(ids(tmp / "db", "secret").empty());
}

// One re-run of the failed-files test below: what changes first, and what
// the run must report.
struct FailedStep {
  const char* what;
  std::function<void(testing::MemFileSystem&)> change;
  bool retry_failed;
  int code;
  size_t failed;         // errors reported
  size_t failed_before;  // files skipped as unchanged failures
  int bad_reads;         // reads of bad.pdf so far
  std::vector<std::string> remembered;  // files whose failure the database holds
};

TEST_CASE("run_index: a file whose content failed is not read again until it changes") {
  testing::TempDir tmp;
  testing::MemFileSystem fs;
  fs.add_file("/c/good.txt", "Good\n\nwords", 100);
  fs.add_file("/c/bad.pdf", "%PDF-1.4 no objects at all", 100);
  fs.add_file("/c/lines.jsonl", "{broken\nnot json either\n", 100);
  fs.fail("/c/locked.txt", "Permission denied");  // a read error: tried every run
  fs.add_file("/c/locked.txt", "x", 100);
  const auto touch = [](const char* path, const char* content) {
    return [=](testing::MemFileSystem& f) { f.add_file(path, content, 200); };
  };
  const std::vector<std::string> both = {"/c/bad.pdf", "/c/lines.jsonl"};
  const FailedStep steps[] = {
      {"first run", nullptr, false, kExitSomeFailed, 4, 0, 1, both},
      {"unchanged", nullptr, false, kExitSomeFailed, 1, 2, 1, both},
      {"--retry-failed", nullptr, true, kExitSomeFailed, 4, 0, 2, both},
      {"a failed file changed, still bad", touch("/c/bad.pdf", "%PDF-1.4 still nothing"), false,
       kExitSomeFailed, 2, 1, 3, both},
      {"a failed file fixed", touch("/c/lines.jsonl", "{\"_id\":\"1\",\"text\":\"fixed\"}\n"),
       false, kExitSomeFailed, 1, 1, 3, {"/c/bad.pdf"}},
      {"a failed file deleted", [](testing::MemFileSystem& f) { f.remove("/c/bad.pdf"); }, false,
       kExitSomeFailed, 1, 0, 3, {}},
  };
  for (const FailedStep& s : steps) {
    CAPTURE(s.what);
    if (s.change) s.change(fs);
    IndexOptions options;
    options.retry_failed = s.retry_failed;
    Run r = index(fs, tmp / "db", "", options);
    CHECK(r.code == s.code);
    CHECK(r.summary.failed == s.failed);
    CHECK(r.summary.skipped["failed before"] == s.failed_before);
    CHECK(fs.reads("/c/bad.pdf") == s.bad_reads);
    CHECK((r.err.find("failed before and did not change since") != std::string::npos) ==
          (s.failed_before > 0));
    std::vector<std::string> remembered;
    for (const auto& [path, f] : load_failures(Xapian::Database(tmp / "db"), {"/c"})) {
      remembered.push_back(path);
    }
    CHECK(remembered == s.remembered);
  }
  CHECK(ids(tmp / "db", "fixed") == std::vector<std::string>{"1"});
}

TEST_CASE("run_index: a file that vanishes during the crawl is skipped, not failed") {
  testing::TempDir tmp;
  testing::MemFileSystem fs;
  fs.add_file("/c/stays.txt", "Stays\n\nhere");
  fs.add_file("/c/gone.txt", "Gone\n\nsoon");
  fs.vanish("/c/gone.txt");
  Run r = index(fs, tmp / "db");
  CHECK(r.code == kExitOk);
  CHECK(r.summary.documents == 1);
  CHECK(r.summary.skipped["vanished"] == 1);
  CHECK(r.summary.failed == 0);
}

TEST_CASE("run_index: --empty-docs skips, names or indexes files without text") {
  struct Case {
    EmptyDocs mode;
    size_t documents;
    size_t skipped;
    bool named;     // a warning names each empty file
    bool findable;  // ext:txt finds it
  };
  const Case cases[] = {
      {EmptyDocs::kSkip, 2, 2, false, false},
      {EmptyDocs::kWarn, 2, 2, true, false},
      {EmptyDocs::kIndex, 4, 0, false, true},
  };
  for (const Case& c : cases) {
    CAPTURE(static_cast<int>(c.mode));
    testing::TempDir tmp;
    testing::MemFileSystem fs;
    fs.add_file("/c/a.txt", "A\n\nwords");
    fs.add_file("/c/empty.txt", "");
    fs.add_file("/c/blank.md", "  \n\n\t\n");
    fs.add_file("/c/titled.html", "<title>Only a title</title><body></body>");
    IndexOptions options;
    options.empty_docs = c.mode;
    Run r = index(fs, tmp / "db", "", options);
    CHECK(r.code == kExitOk);
    CHECK(r.summary.documents == c.documents);
    CHECK(r.summary.skipped["empty"] == c.skipped);
    CHECK((r.err.find("warning: 'empty.txt': skipped: empty") != std::string::npos) == c.named);
    CHECK((r.err.find("warning: 'blank.md': skipped: empty") != std::string::npos) == c.named);
    const std::vector<std::string> txt = ids(tmp / "db", "ext:txt");
    CHECK((std::find(txt.begin(), txt.end(), "/c/empty.txt") != txt.end()) == c.findable);
    CHECK(std::find(txt.begin(), txt.end(), "/c/a.txt") != txt.end());
  }
}

TEST_CASE("run_index: an unreadable folder is named, the rest is indexed") {
  testing::TempDir tmp;
  testing::MemFileSystem fs;
  fs.add_file("/c/ok/a.txt", "A\n\nfine");
  fs.add_file("/c/locked/b.txt", "B\n\nhidden");
  fs.fail("/c/locked", "Permission denied");
  Run r = index(fs, tmp / "db");
  CHECK(r.code == kExitSomeFailed);
  CHECK(r.summary.documents == 1);
  CHECK(r.err.find("trawl-index: error: 'locked': Permission denied") != std::string::npos);
}

TEST_CASE("run_index: a re-run replaces documents instead of adding copies") {
  testing::TempDir tmp;
  testing::MemFileSystem fs = corpus();
  index(fs, tmp / "db");
  fs.add_file("/c/news/flood.txt", "River flood update\n\nThe water is receding.");
  fs.add_file("/c/data/recs.jsonl", "{\"_id\":\"r1\",\"title\":\"Chess final\",\"text\":\"Done.\"}\n");
  Run r = index(fs, tmp / "db");
  CHECK(r.summary.documents == 2);  // only the changed files are read again
  CHECK(r.summary.updated == 2);
  CHECK(Xapian::Database(tmp / "db").get_doccount() == 3);
  CHECK(ids(tmp / "db", "receding") == std::vector<std::string>{"/c/news/flood.txt"});
  CHECK(ids(tmp / "db", "overnight").empty());
  CHECK(ids(tmp / "db", "cheese").empty());  // r2 left the file
}

TEST_CASE("run_index: the language is stored and kept; a change is refused") {
  testing::TempDir tmp;
  testing::MemFileSystem fs;
  fs.add_file("/c/a.txt", "Titre\n\nLes chevaux couraient.");
  CHECK(index(fs, tmp / "db", "french").code == kExitOk);
  CHECK(Xapian::Database(tmp / "db").get_metadata("trawl.language") == "french");
  CHECK(index(fs, tmp / "db").code == kExitOk);  // no --language: keep french
  CHECK(ids(tmp / "db", "cheval") == std::vector<std::string>{"/c/a.txt"});
  CHECK_THROWS_AS(index(fs, tmp / "db", "german"), Error);
  CHECK_THROWS_AS(index(fs, tmp / "db2", "klingon"), Error);
  CHECK_FALSE(std::filesystem::exists(tmp / "db2"));
}

TEST_CASE("run_index: refuses to write into a folder that is not a database") {
  testing::TempDir tmp;
  std::filesystem::create_directory(tmp / "notes");
  std::ofstream(tmp / "notes/keep.txt") << "precious";
  testing::MemFileSystem fs;
  fs.add_file("/c/a.txt", "x");
  CHECK_THROWS_WITH_AS(index(fs, tmp / "notes"),
                       doctest::Contains("is not a trawl database"), Error);
}

TEST_CASE("run_index: a missing root is an error before anything is written") {
  testing::TempDir tmp;
  testing::MemFileSystem fs;
  std::ostringstream err;
  Diag diag("trawl-index", err);
  HumanReporter reporter(diag, "/", false, false);
  IndexOptions options;
  options.db_path = tmp / "db";
  options.roots = {"/missing"};
  CHECK_THROWS_WITH_AS(run_index(options, fs, reporter, "/"), doctest::Contains("'missing'"),
                       Error);
  CHECK_FALSE(std::filesystem::exists(tmp / "db"));
}

}  // namespace
}  // namespace trawl::indexer
