// Growth: which grown JSON Lines and mbox files are read from where they
// ended, and the prefix scan that decides it.
#include "growth.h"

#include <doctest/doctest.h>

#include <algorithm>

#include <string>

#include "content_hash.h"
#include "support/mem_file_system.h"

namespace trawl::indexer {
namespace {

const size_t kPieces[] = {1, 3, 4096, SIZE_MAX};

TEST_CASE("scan_prefix: hash, separators (also cut by a read), last byte, what follows") {
  struct Case {
    std::string_view name;
    std::string bytes;
    uint64_t size;
    std::string_view separator;
    uint64_t separators;
    std::string_view last, next;
  };
  const std::string box = "From a\nx\nFrom b\ny\n>From c\nFrom d\nz\n";
  const Case cases[] = {
      {"lines", "a\nb\nc\nd", 4, "\n", 2, "\n", "c\nd"},
      {"lines, all", "a\nb\n", 4, "\n", 2, "\n", ""},
      {"lines, cut mid-line", "ab\ncd\n", 4, "\n", 1, "c", "d\n"},
      {"mbox, quoted From not counted", box, box.size(), "\nFrom ", 2, "\n", ""},
      {"mbox, the first two messages", box, 16, "\nFrom ", 1, "\n", "y\n>Fro"},
      {"empty prefix", "abc", 0, "\n", 0, "", "abc"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    for (size_t piece : kPieces) {
      CAPTURE(piece);
      MemorySource source(c.bytes, piece);
      PrefixScan scan;
      REQUIRE(scan_prefix(source, c.size, c.separator, &scan).ok());
      CHECK(scan.hash == content_hash(std::string_view(c.bytes).substr(0, c.size)));
      CHECK(scan.separators == c.separators);
      CHECK(scan.last == c.last);
      CHECK(scan.next == c.next);
    }
  }
  MemorySource short_source("abc");
  PrefixScan scan;
  CHECK_FALSE(scan_prefix(short_source, 10, "\n", &scan).ok());
}

TEST_CASE("grown_only: JSON Lines, mbox and long text files that only grew, and nothing else") {
  const std::string m1 = "From a@b Mon Jan  1 00:00:00 2024\nSubject: one\n\nfirst\n";
  const std::string m2 = "From c@d Mon Jan  1 00:00:00 2024\nSubject: two\n\nsecond\n";
  const std::string j1 = "{\"id\":\"a\",\"text\":\"one\"}\n";
  const std::string j2 = "{\"id\":\"b\",\"text\":\"two\"}\n";
  // Long texts (over --memory / 128 = 128 KiB here) whose old documents were parts.
  std::string log;
  for (int i = 0; log.size() < (200u << 10); ++i) log += "request " + std::to_string(i) + " served\n";
  const std::string short_log = log.substr(0, 100u << 10);
  const auto lines = [](const std::string& t) { return std::count(t.begin(), t.end(), '\n'); };
  struct Case {
    std::string_view name;
    std::string path;
    std::string before, now;
    bool grown;
    uint64_t records;
    size_t old_documents = 1;
    uint64_t parts = 0;
  };
  const Case cases[] = {
      {"long text, lines more", "/m/app.log", log, log + "late line\n", true,
       static_cast<uint64_t>(lines(log)), 2, 2},
      {"long text without extension", "/m/messages", log, log + "late line\n", true,
       static_cast<uint64_t>(lines(log)), 3, 3},
      {"long text, a line cut before", "/m/app.log", log + "half", log + "half line\n", false, 0, 2},
      {"text that was short (one document)", "/m/app.log", short_log, log, false, 0, 1},
      {"long text, no documents before", "/m/app.log", log, log + "late line\n", false, 0, 0},
      {"long text, compressed", "/m/app.log.gz", log, log + "late line\n", false, 0, 2},
      // (Each message ends with a blank line, as mail programs write them.)
      {"mbox, a message more", "/m/box.mbox", m1 + "\n" + m1 + "\n", m1 + "\n" + m1 + "\n" + m2,
       true, 2},
      {"mbox without extension", "/m/Inbox", m1 + "\n", m1 + "\n" + m2, true, 1},
      {"mbox, a blank line first (the old last message had none)", "/m/box.mbox", m1,
       m1 + "\n" + m2, true, 1},
      {"mbox, two blank lines first", "/m/box.mbox", m1, m1 + "\n\n" + m2, false, 0},
      {"mbox, a message grown", "/m/box.mbox", m1, m1 + "more words\n", false, 0},
      {"mbox, changed before the end", "/m/box.mbox", m1, m2 + m1, false, 0},
      {"JSON Lines, lines more", "/m/log.jsonl", j1, j1 + j2 + j2, true, 1},
      {"JSON Lines, a line cut before", "/m/log.jsonl", j1 + "{\"id\"", j1 + "{\"id\":\"c\"}\n",
       false, 0},
      {"JSON Lines, compressed", "/m/log.jsonl.gz", j1, j1 + j2, false, 0},
      {"JSON Lines, UTF-16", "/m/log.jsonl", std::string("\xFF\xFE{\0}\0\n\0", 8),
       std::string("\xFF\xFE{\0}\0\n\0{\0}\0\n\0", 14), false, 0},
      {"text", "/m/notes.txt", "a\n", "a\nb\n", false, 0},
      {"shrank", "/m/log.jsonl", j1 + j2, j1, false, 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    testing::MemFileSystem fs;
    fs.add_file(c.path, c.now);
    IndexOptions options;
    options.memory = 16u << 20;
    FileRef f{c.path, c.now.size(), 1000, 0};
    Growth g;
    CHECK(grown_only(options, fs, f, c.before.size(), content_hash(c.before), &g,
                     c.old_documents) == c.grown);
    if (c.grown) {
      // (past the blank line new mail starts with when the old had none)
      CHECK(g.from == c.before.size() + (c.now.compare(c.before.size(), 6, "\nFrom ") == 0));
      CHECK(g.records == c.records);
      CHECK(g.parts == c.parts);
    }
  }
}

}  // namespace
}  // namespace trawl::indexer
