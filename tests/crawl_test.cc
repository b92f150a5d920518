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
