// Crawler rules on an in-memory file system.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crawl.h"
#include "support/mem_file_system.h"

namespace trawl::indexer {
namespace {

struct CrawlResult {
  std::vector<std::string> files;
  std::vector<std::string> skipped;
  std::vector<std::string> errors;
};

CrawlResult crawl(const testing::MemFileSystem& fs, const std::string& root, CrawlOptions options) {
  CrawlResult r;
  if (options.roots.empty()) options.roots = {root};
  Crawler(fs, std::move(options))
      .crawl(
          root, [&](const FileRef& f) { r.files.push_back(f.path); },
          [&](const std::string& p, SkipReason) { r.skipped.push_back(p); },
          [&](const std::string& p, const Status& s) { r.errors.push_back(p + ": " + s.message()); });
  return r;
}

testing::MemFileSystem sample() {
  testing::MemFileSystem fs;
  fs.add_file("/root/b.txt", "b");
  fs.add_file("/root/a.txt", "a");
  fs.add_file("/root/sub/c.md", "c");
  fs.add_file("/root/.hidden/d.txt", "d");
  fs.add_file("/root/.e.txt", "e");
  fs.add_file("/root/.trawl/iamglass", "db");
  fs.add_special("/root/link.txt", FileType::kSymlink);
  fs.add_special("/root/fifo", FileType::kOther);
  return fs;
}

TEST_CASE("crawl: sorted files; hidden, symlinks, specials and the database skipped") {
  testing::MemFileSystem fs = sample();
  CrawlOptions options;
  options.rules.hidden = true;
  options.exclude = {"/root/.trawl"};
  CrawlResult r = crawl(fs, "/root", options);
  CHECK(r.files == std::vector<std::string>{"/root/.e.txt", "/root/.hidden/d.txt", "/root/a.txt",
                                            "/root/b.txt", "/root/sub/c.md"});
  CHECK(r.skipped == std::vector<std::string>{"/root/.trawl", "/root/fifo", "/root/link.txt"});

  CrawlResult plain = crawl(fs, "/root", CrawlOptions{});
  CHECK(plain.files == std::vector<std::string>{"/root/a.txt", "/root/b.txt", "/root/sub/c.md"});
  CHECK(plain.errors.empty());
}

TEST_CASE("crawl: a file root, a missing root, an unreadable folder") {
  testing::MemFileSystem fs = sample();
  CHECK(crawl(fs, "/root/a.txt", {}).files == std::vector<std::string>{"/root/a.txt"});
  CrawlResult missing = crawl(fs, "/nope", {});
  CHECK(missing.files.empty());
  REQUIRE(missing.errors.size() == 1);
  fs.fail("/root/sub", "Permission denied");
  CrawlResult r = crawl(fs, "/root", {});
  CHECK(r.files == std::vector<std::string>{"/root/a.txt", "/root/b.txt"});
  CHECK(r.errors == std::vector<std::string>{"/root/sub: Permission denied"});
}

}  // namespace
}  // namespace trawl::indexer

namespace trawl::indexer {
namespace {

struct FileSystemCase {
  const char* root;
  bool one_file_system;
  bool follow;
  std::vector<std::string> files;
  std::vector<std::string> skipped;
};

const FileSystemCase kFileSystems[] = {
    {"/root", false, false,
     {"/root/a.txt", "/root/mnt/b.txt", "/root/mnt/deep/c.txt", "/root/sub/d.txt"}, {"/root/link"}},
    {"/root", true, false, {"/root/a.txt", "/root/sub/d.txt"}, {"/root/link", "/root/mnt"}},
    // A root on another file system is walked: boundaries count from it.
    {"/root/mnt", true, false, {"/root/mnt/b.txt", "/root/mnt/deep/c.txt"}, {}},
    {"/root", false, true,
     {"/root/a.txt", "/root/mnt/b.txt", "/root/mnt/deep/c.txt", "/root/sub/d.txt", "/root/link/e.txt"},
     {}},
    {"/root", true, true, {"/root/a.txt", "/root/sub/d.txt"}, {"/root/mnt", "/root/link"}},
};

TEST_CASE("crawl: --one-file-system stays on each root's file system") {
  testing::MemFileSystem fs;
  fs.add_file("/root/a.txt", "a");
  fs.add_file("/root/mnt/b.txt", "b");
  fs.add_file("/root/mnt/deep/c.txt", "c");
  fs.add_file("/root/sub/d.txt", "d");
  fs.add_file("/other/e.txt", "e");
  fs.add_symlink("/root/link", "/other");
  fs.mount("/root/mnt", 2);
  fs.mount("/other", 3);
  for (const FileSystemCase& c : kFileSystems) {
    CAPTURE(std::string_view(c.root));
    CAPTURE(c.one_file_system);
    CAPTURE(c.follow);
    CrawlOptions options;
    options.rules.one_file_system = c.one_file_system;
    options.rules.follow = c.follow;
    options.rules.follow_outside = true;
    CrawlResult r = crawl(fs, c.root, options);
    CHECK(r.files == c.files);
    CHECK(r.skipped == c.skipped);
    CHECK(r.errors.empty());
  }
}

TEST_CASE("crawl: -t and -T keep or drop files by the format of their extension") {
  testing::MemFileSystem fs;
  for (const char* f : {"/r/a.md", "/r/b.MARKDOWN", "/r/c.txt", "/r/README", "/r/d.html",
                        "/r/e.jsonl", "/r/f.jpg", "/r/sub/g.md"}) {
    fs.add_file(f, "x");
  }
  struct Case {
    std::vector<std::string> types, types_not;
    std::vector<std::string> files;
  };
  const Case cases[] = {
      {{},
       {},
       {"/r/README", "/r/a.md", "/r/b.MARKDOWN", "/r/c.txt", "/r/d.html", "/r/e.jsonl", "/r/f.jpg",
        "/r/sub/g.md"}},
      {{"markdown"}, {}, {"/r/a.md", "/r/b.MARKDOWN", "/r/sub/g.md"}},
      {{"markdown", "text"},
       {},
       {"/r/README", "/r/a.md", "/r/b.MARKDOWN", "/r/c.txt", "/r/sub/g.md"}},
      {{}, {"markdown", "text"}, {"/r/d.html", "/r/e.jsonl", "/r/f.jpg"}},
      {{"html", "jsonl"}, {"jsonl"}, {"/r/d.html"}},  // -T wins
  };
  for (const Case& c : cases) {
    CAPTURE(c.types.size());
    CAPTURE(c.types_not.size());
    CrawlOptions options;
    options.rules.types = c.types;
    options.rules.types_not = c.types_not;
    CHECK(crawl(fs, "/r", options).files == c.files);
  }
}

}  // namespace
}  // namespace trawl::indexer
