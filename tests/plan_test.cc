// make_plan: what a run does with each file, from the crawl and the stamps.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "plan.h"
#include "state.h"

namespace trawl::indexer {
namespace {

struct Disk {
  std::map<std::string, std::string> hashes;  // path -> content hash
  int reads = 0;
  HashFn fn() {
    return [this](const std::string& p) {
      ++reads;
      auto it = hashes.find(p);
      return it == hashes.end() ? std::string() : it->second;
    };
  }
};

FileStamp stamp(int64_t mtime, uint64_t size, std::string hash) {
  FileStamp s;
  s.mtime = mtime;
  s.size = size;
  s.hash = std::move(hash);
  return s;
}

std::vector<std::string> paths(const std::vector<FileRef>& v) {
  std::vector<std::string> out;
  for (const FileRef& f : v) out.push_back(f.path);
  return out;
}

TEST_CASE("plan: new, unchanged, touched, changed, vanished, moved") {
  Stamps stamps = {
      {"/r/same.txt", stamp(10, 5, "h-same")},    {"/r/touched.txt", stamp(10, 5, "h-touch")},
      {"/r/edited.txt", stamp(10, 5, "h-old")},   {"/r/grown.txt", stamp(10, 5, "h-grown")},
      {"/r/gone.txt", stamp(10, 7, "h-gone")},    {"/r/old-name.txt", stamp(10, 9, "h-move")},
      {"/r/old.md", stamp(10, 11, "h-ext")},      {"/r/locked/x.txt", stamp(10, 3, "h-x")},
  };
  std::vector<FileRef> crawled = {
      {"/r/same.txt", 5, 10},     {"/r/touched.txt", 5, 20},   {"/r/edited.txt", 5, 20},
      {"/r/grown.txt", 6, 10},    {"/r/new.txt", 4, 30},       {"/r/new-name.txt", 9, 30},
      {"/r/old.txt", 11, 30},
  };
  Disk disk;
  disk.hashes = {{"/r/touched.txt", "h-touch"}, {"/r/edited.txt", "h-new"},
                 {"/r/new-name.txt", "h-move"}, {"/r/old.txt", "h-ext"}};
  Plan plan = make_plan(crawled, {"/r/locked"}, stamps, {}, PlanOptions{}, disk.fn());
  CHECK(paths(plan.add) == std::vector<std::string>{"/r/new.txt", "/r/old.txt"});
  CHECK(paths(plan.update) == std::vector<std::string>{"/r/edited.txt", "/r/grown.txt"});
  CHECK(paths(plan.restamp) == std::vector<std::string>{"/r/touched.txt"});
  REQUIRE(plan.moves.size() == 1);
  CHECK(plan.moves[0].from == "/r/old-name.txt");
  CHECK(plan.moves[0].to.path == "/r/new-name.txt");
  // A different extension is not a move; a file in an unreadable folder stays.
  CHECK(plan.remove == std::vector<std::string>{"/r/gone.txt", "/r/old.md"});
  CHECK(plan.unchanged == 2);
  CHECK(disk.reads == 3);  // touched, edited, new-name: not same.txt, grown.txt, new.txt, old.txt
}

TEST_CASE("plan: a file that only grew is appended to, unless forced or partial") {
  struct Case {
    std::string_view name;
    FileStamp stamp;
    FileRef now;
    PlanOptions options;
    bool grown_says;          // what the GrowthFn answers
    std::string_view expect;  // "append", "update" or "unchanged"
  };
  FileStamp partial = stamp(10, 5, "h");
  partial.partial = true;
  PlanOptions forced;
  forced.force = true;
  const Case cases[] = {
      {"grew", stamp(10, 5, "h"), {"/r/m.mbox", 9, 20}, {}, true, "append"},
      {"grew, not only", stamp(10, 5, "h"), {"/r/m.mbox", 9, 20}, {}, false, "update"},
      {"shrank", stamp(10, 5, "h"), {"/r/m.mbox", 4, 20}, {}, true, "update"},
      {"same size, new content", stamp(10, 5, "h"), {"/r/m.mbox", 5, 20}, {}, true, "update"},
      {"unchanged", stamp(10, 5, "h"), {"/r/m.mbox", 5, 10}, {}, true, "unchanged"},
      {"--force", stamp(10, 5, "h"), {"/r/m.mbox", 9, 20}, forced, true, "update"},
      {"a stopped run's", partial, {"/r/m.mbox", 9, 20}, {}, true, "update"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    int asked = 0;
    const GrowthFn grown = [&](const FileRef& f, const FileStamp& st, Growth* g) {
      ++asked;
      CHECK(f.path == c.now.path);
      CHECK(st.size == c.stamp.size);
      g->from = st.size;
      g->records = 2;
      return c.grown_says;
    };
    Disk disk;
    disk.hashes = {{"/r/m.mbox", "h-new"}};
    const Plan plan =
        make_plan({c.now}, {}, {{c.now.path, c.stamp}}, {}, c.options, disk.fn(), grown);
    const std::string_view got = !plan.append.empty()   ? "append"
                                 : !plan.update.empty() ? "update"
                                                        : "unchanged";
    CHECK(got == c.expect);
    CHECK(asked <= 1);
    if (got == "append") {
      CHECK(plan.append[0].growth.from == 5);
      CHECK(plan.append[0].growth.records == 2);
    }
  }
}

TEST_CASE("plan: a Maildir message whose flags change is moved, not made again") {
  struct Case {
    std::string_view from, to;
    bool moved;
  };
  const Case cases[] = {
      {"/m/new/17.M1.host", "/m/cur/17.M1.host:2,S", true},       // read
      {"/m/cur/17.M1.host:2,S", "/m/cur/17.M1.host:2,RS", true},  // answered
      {"/m/cur/17.M1.host:2,RS", "/m/cur/17.M1.host", true},
      {"/m/cur/17.M1.host:2,S", "/m/cur/17.M1.other:2,S", false},  // another extension
      {"/m/notes.txt", "/m/notes.TXT", true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.from);
    CAPTURE(c.to);
    const Stamps stamps = {{std::string(c.from), stamp(10, 5, "h-mail")}};
    Disk disk;
    disk.hashes = {{std::string(c.to), "h-mail"}};
    const Plan plan =
        make_plan({{std::string(c.to), 5, 20}}, {}, stamps, {}, PlanOptions{}, disk.fn());
    CHECK(plan.moves.size() == (c.moved ? 1u : 0u));
    CHECK(plan.add.size() == (c.moved ? 0u : 1u));
  }
}

TEST_CASE("plan: files of an older analysis are updated, never moved") {
  FileStamp old = stamp(10, 5, "h-old");
  old.analysis = schema::kAnalysisVersion - 1;
  FileStamp old_gone = stamp(10, 9, "h-move");
  old_gone.analysis = 0;
  Stamps stamps = {{"/r/same-old.txt", old}, {"/r/same.txt", stamp(10, 5, "h-same")},
                   {"/r/old-name.txt", old_gone}};
  std::vector<FileRef> crawled = {
      {"/r/same-old.txt", 5, 10}, {"/r/same.txt", 5, 10}, {"/r/new-name.txt", 9, 30}};
  Disk disk;
  disk.hashes = {{"/r/new-name.txt", "h-move"}};
  Plan plan = make_plan(crawled, {}, stamps, {}, PlanOptions{}, disk.fn());
  CHECK(paths(plan.update) == std::vector<std::string>{"/r/same-old.txt"});
  CHECK(plan.reanalysed == 1);
  CHECK(plan.unchanged == 1);
  CHECK(plan.moves.empty());
  CHECK(paths(plan.add) == std::vector<std::string>{"/r/new-name.txt"});
  CHECK(plan.remove == std::vector<std::string>{"/r/old-name.txt"});
}

TEST_CASE("plan: a file written in the second the last run started is compared by content") {
  struct Case {
    std::string_view name;
    int64_t mtime;         // the same in the stamp and on disk (size too)
    const char* on_disk;   // content hash now
    bool updated;
    int reads;             // content hashes taken
  };
  // The last run over every root started at second 100.
  const Case cases[] = {
      {"before it: the stamp is trusted", 99, "h-new", false, 0},
      {"in that second, unchanged", 100, "h-old", false, 1},
      {"in that second, changed", 100, "h-new", true, 1},
      {"later (a clock ahead), changed", 105, "h-new", true, 1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Stamps stamps = {{"/r/a.txt", stamp(c.mtime, 5, "h-old")}};
    Disk disk;
    disk.hashes = {{"/r/a.txt", c.on_disk}};
    PlanOptions options;
    options.racy_since = 100;
    Plan plan = make_plan({{"/r/a.txt", 5, c.mtime}}, {}, stamps, {}, options, disk.fn());
    CHECK(plan.update.size() == (c.updated ? 1u : 0u));
    CHECK(plan.unchanged == (c.updated ? 0u : 1u));
    CHECK(plan.restamp.empty());
    CHECK(disk.reads == c.reads);
  }
}

TEST_CASE("racy_after_run: a run over every root records its start; a narrower one keeps the older") {
  struct Case {
    std::string_view name;
    std::string old_value;
    std::string old_roots;
    std::vector<std::string> roots;
    int64_t want;
  };
  const Case cases[] = {
      {"first run", "", "", {"/r"}, 200},
      {"the same roots", "100", "/r\n", {"/r"}, 200},
      {"wider roots", "100", "/r/a\n/r/b\n", {"/r"}, 200},
      {"a narrower run", "100", "/r\n", {"/r/a"}, 100},
      {"another root", "100", "/r\n", {"/s"}, 100},
      {"a damaged value", "x", "/r\n", {"/r/a"}, 200},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(racy_after_run(c.old_value, c.old_roots, c.roots, 200) == c.want);
  }
}

TEST_CASE("plan: --force, --checksum, --no-delete") {
  Stamps stamps = {{"/r/a.txt", stamp(10, 5, "ha")}, {"/r/b.txt", stamp(10, 5, "hb")},
                   {"/r/gone.txt", stamp(10, 5, "hg")}};
  std::vector<FileRef> crawled = {{"/r/a.txt", 5, 10}, {"/r/b.txt", 5, 10}};
  Disk disk;
  disk.hashes = {{"/r/a.txt", "ha"}, {"/r/b.txt", "hb-changed"}};

  Plan forced = make_plan(crawled, {}, stamps, {}, PlanOptions{true, false, false, false, ""}, disk.fn());
  CHECK(forced.update.size() == 2);
  CHECK(forced.unchanged == 0);

  Plan checked = make_plan(crawled, {}, stamps, {}, PlanOptions{false, true, false, false, ""}, disk.fn());
  CHECK(paths(checked.update) == std::vector<std::string>{"/r/b.txt"});  // same stamp, new content
  CHECK(checked.unchanged == 1);

  Plan kept = make_plan(crawled, {}, stamps, {}, PlanOptions{false, false, true, false, ""}, disk.fn());
  CHECK(kept.remove.empty());
  CHECK(kept.unchanged == 2);
}

TEST_CASE("plan: --track-ctime compares the content of files whose ctime changed") {
  // Same size and mtime everywhere; the ctimes tell restores and chmods.
  auto with_ctime = [](FileStamp s, int64_t ctime) {
    s.ctime = ctime;
    return s;
  };
  Stamps stamps = {{"/r/same.txt", with_ctime(stamp(10, 5, "h1"), 50)},
                   {"/r/chmod.txt", with_ctime(stamp(10, 5, "h2"), 50)},
                   {"/r/restored.txt", with_ctime(stamp(10, 5, "h3"), 50)},
                   {"/r/unrecorded.txt", stamp(10, 5, "h4")}};  // ctime -1: made before
  std::vector<FileRef> crawled = {{"/r/same.txt", 5, 10, 50},
                                  {"/r/chmod.txt", 5, 10, 60},
                                  {"/r/restored.txt", 5, 10, 60},
                                  {"/r/unrecorded.txt", 5, 10, 60}};
  struct Case {
    bool track_ctime;
    std::vector<std::string> update, restamp;
    size_t unchanged;
    int reads;
  };
  const Case cases[] = {
      {false, {}, {}, 4, 0},  // without it, same size and mtime are enough
      {true, {"/r/restored.txt"}, {"/r/chmod.txt", "/r/unrecorded.txt"}, 3, 3},
  };
  for (const Case& c : cases) {
    CAPTURE(c.track_ctime);
    Disk disk;
    disk.hashes = {{"/r/same.txt", "h1"},
                   {"/r/chmod.txt", "h2"},
                   {"/r/restored.txt", "h3-new"},
                   {"/r/unrecorded.txt", "h4"}};
    PlanOptions options;
    options.track_ctime = c.track_ctime;
    Plan plan = make_plan(crawled, {}, stamps, {}, options, disk.fn());
    CHECK(paths(plan.update) == c.update);
    CHECK(paths(plan.restamp) == c.restamp);
    CHECK(plan.unchanged == c.unchanged);
    CHECK(disk.reads == c.reads);
  }
}

TEST_CASE("plan: two files with the same content are not both moves of one file") {
  Stamps stamps = {{"/r/orig.txt", stamp(10, 5, "h")}};
  std::vector<FileRef> crawled = {{"/r/copy1.txt", 5, 20}, {"/r/copy2.txt", 5, 20}};
  Disk disk;
  disk.hashes = {{"/r/copy1.txt", "h"}, {"/r/copy2.txt", "h"}};
  Plan plan = make_plan(crawled, {}, stamps, {}, PlanOptions{}, disk.fn());
  CHECK(plan.moves.size() == 1);
  CHECK(plan.add.size() == 1);
  CHECK(plan.remove.empty());
}

struct FailureCase {
  const char* name;
  PlanOptions options;
  std::vector<std::string> skipped;  // failed_before
  std::vector<std::string> kept;     // records kept (plan.failures)
  std::vector<std::string> add, update;
};

const FailureCase kFailureCases[] = {
    {"unchanged failures are skipped; changed ones and another trawl's are read",
     PlanOptions{false, false, false, false, "v1"},
     {"/r/bad.pdf", "/r/had-docs.txt"},
     {"/r/bad.pdf", "/r/had-docs.txt", "/r/locked/x.pdf"},
     {"/r/changed.pdf", "/r/old-version.pdf"},
     {}},
    {"--retry-failed reads them all", PlanOptions{false, false, false, true, "v1"},
     {},
     {"/r/locked/x.pdf"},
     {"/r/bad.pdf", "/r/changed.pdf", "/r/old-version.pdf"},
     {"/r/had-docs.txt"}},
    {"--force too", PlanOptions{true, false, false, false, "v1"},
     {},
     {"/r/locked/x.pdf"},
     {"/r/bad.pdf", "/r/changed.pdf", "/r/old-version.pdf"},
     {"/r/had-docs.txt"}},
    {"a failure stamped in the second the last run started is read again",
     PlanOptions{false, false, false, false, "v1", false, 20},
     {"/r/bad.pdf"},
     {"/r/bad.pdf", "/r/locked/x.pdf"},
     {"/r/changed.pdf", "/r/old-version.pdf"},
     {"/r/had-docs.txt"}},
    {"--no-delete keeps a vanished file's record", PlanOptions{false, false, true, false, "v1"},
     {"/r/bad.pdf", "/r/had-docs.txt"},
     {"/r/bad.pdf", "/r/gone.pdf", "/r/had-docs.txt", "/r/locked/x.pdf"},
     {"/r/changed.pdf", "/r/old-version.pdf"},
     {}},
};

TEST_CASE("plan: files whose content failed before") {
  auto record = [](const std::string& path, uint64_t size, int64_t mtime, const char* version) {
    return std::pair<const std::string, FailedFile>(path, FailedFile{path, size, mtime, version, "bad"});
  };
  const Failures failed = {record("/r/bad.pdf", 5, 10, "v1"), record("/r/changed.pdf", 5, 10, "v1"),
                           record("/r/old-version.pdf", 5, 10, "v0"),
                           record("/r/had-docs.txt", 6, 20, "v1"), record("/r/gone.pdf", 5, 10, "v1"),
                           record("/r/locked/x.pdf", 5, 10, "v1")};
  // had-docs.txt was indexed, then changed and failed: its old documents stay.
  const Stamps stamps = {{"/r/had-docs.txt", stamp(10, 5, "h-old")}};
  const std::vector<FileRef> crawled = {{"/r/bad.pdf", 5, 10}, {"/r/changed.pdf", 5, 20},
                                        {"/r/old-version.pdf", 5, 10}, {"/r/had-docs.txt", 6, 20}};
  for (const FailureCase& c : kFailureCases) {
    CAPTURE(c.name);
    Disk disk;
    Plan plan = make_plan(crawled, {"/r/locked"}, stamps, failed, c.options, disk.fn());
    std::vector<std::string> skipped, kept;
    for (const FailedFile& f : plan.failed_before) skipped.push_back(f.path);
    for (const auto& [path, f] : plan.failures) kept.push_back(path);
    CHECK(skipped == c.skipped);
    CHECK(kept == c.kept);
    CHECK(paths(plan.add) == c.add);
    CHECK(paths(plan.update) == c.update);
    CHECK(plan.remove.empty());  // no file with documents vanished
  }
}

}  // namespace
}  // namespace trawl::indexer
