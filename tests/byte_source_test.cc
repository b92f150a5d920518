// Files read in pieces (formats/byte_source.h): a content hash, an
// archive, a JSON Lines file and an mbox file read from a ByteSource give
// what the same bytes in memory give,
// whatever the piece size; a read error is reported with what was read
// before it kept; RealFileSystem::open reads a file and refuses what is not
// one.
#include "formats/byte_source.h"

#include <archive.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "content_hash.h"
#include "file_system.h"
#include "formats/format.h"
#include "support/make_archive.h"
#include "support/temp_dir.h"

namespace trawl::indexer {
namespace {

std::string sample(const std::string& path) {
  std::ifstream in(std::string(TRAWL_TEST_DATA) + "/formats/" + path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Reads like MemorySource, but fails once `good` bytes were read.
class FailingSource : public MemorySource {
 public:
  FailingSource(std::string_view bytes, size_t good) : MemorySource(bytes, 512), good_(good) {}
  Status read(char* buffer, size_t size, size_t* got) override {
    if (done_ >= good_) return Status::Failed("Input/output error");
    if (Status s = MemorySource::read(buffer, std::min(size, good_ - done_), got); !s.ok())
      return s;
    done_ += *got;
    return Status::Ok();
  }

 private:
  size_t good_;
  size_t done_ = 0;
};

const size_t kPieces[] = {1, 7, 4096, SIZE_MAX};

TEST_CASE("content_hash: a source read in pieces hashes as its bytes") {
  std::string big;
  for (int i = 0; big.size() < (600u << 10); ++i) big += "line " + std::to_string(i) + " of text\n";
  const std::string inputs[] = {"", "a", "hello, world\n", big};
  for (const std::string& bytes : inputs) {
    for (size_t piece : kPieces) {
      if (piece == 1 && bytes.size() > 1000) continue;  // slow, and no more telling than 7
      CAPTURE(bytes.size());
      CAPTURE(piece);
      MemorySource source(bytes, piece);
      std::string hash;
      REQUIRE(content_hash(source, &hash).ok());
      CHECK(hash == content_hash(bytes));
    }
  }
  FailingSource failing(big, 1000);
  std::string hash;
  const Status s = content_hash(failing, &hash);
  CHECK_FALSE(s.ok());
  CHECK(s.message() == "Input/output error");
}

// What an extraction found, as one comparable text.
std::string summary_of(const Extraction& ex) {
  std::string out;
  for (const ExtractedDoc& d : ex.docs)
    out += d.id + "|" + d.key_suffix + "|" + d.format + "|" + d.body + "\n";
  for (const std::string& p : ex.problems) out += "problem: " + p + "\n";
  return out + "skip: " + ex.skip_reason;
}

TEST_CASE("archives read in pieces give the documents read from memory") {
  const testing::Members members = {{"a/one.txt", "First member\n\nalpha words\n"},
                                    {"two.md", "# Second\n\nbeta words\n"},
                                    {"data.jsonl", "{\"id\":\"x\",\"text\":\"gamma\"}\n"}};
  struct Case {
    std::string_view name;
    std::string bytes;
  };
  const Case cases[] = {
      {"zip with an archive inside", sample("archive/bundle.zip")},
      {"tar.gz", sample("archive/logs.tar.gz")},
      {"7z (headers at the end: seeks)", testing::make_archive(members, ARCHIVE_FORMAT_7ZIP)},
      {"cpio", testing::make_archive(members, ARCHIVE_FORMAT_CPIO_POSIX)},
      {"iso", testing::make_archive(members, ARCHIVE_FORMAT_ISO9660)},
      {"tar", testing::make_archive(members, ARCHIVE_FORMAT_TAR_PAX_RESTRICTED)},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Extraction from_memory;
    REQUIRE(extract_archive(c.bytes, {}, &from_memory).ok());
    CHECK(from_memory.docs.size() >= 2);
    for (size_t piece : {size_t{3}, size_t{1000}, SIZE_MAX}) {
      CAPTURE(piece);
      MemorySource source(c.bytes, piece);
      Extraction in_pieces;
      REQUIRE(extract_archive(source, {}, &in_pieces).ok());
      CHECK(summary_of(in_pieces) == summary_of(from_memory));
    }
  }
}

TEST_CASE("archives read in pieces: a read error keeps what came before it") {
  std::string big(200000, 'z');  // the second member starts beyond the first 200 KB
  const std::string tar = testing::make_archive({{"first.txt", "First\n\nkeptword\n"},
                                                 {"filler.bin", big},
                                                 {"last.txt", "Last\n\nlostword\n"}},
                                                ARCHIVE_FORMAT_TAR_PAX_RESTRICTED);
  FailingSource source(tar, 100000);
  Extraction ex;
  REQUIRE(extract_archive(source, {}, &ex).ok());
  REQUIRE(ex.docs.size() == 1);
  CHECK(ex.docs[0].id == "first.txt");
  REQUIRE(ex.problems.size() == 1);
  CHECK(ex.problems[0] == "filler.bin: damaged: Input/output error");

  FailingSource at_once(tar, 0);
  Extraction none;
  const Status s = extract_archive(at_once, {}, &none);
  CHECK_FALSE(s.ok());
  CHECK(s.message() == "not a readable archive: Input/output error");
}

TEST_CASE("for_each_window: chunks cut after the '\\n' of a separator, nothing lost") {
  std::string lines, mbox;
  for (int i = 0; i < 300; ++i) lines += std::string(i % 37, 'x') + "\n";
  lines += "no newline at the end";
  for (int i = 0; i < 40; ++i)
    mbox += "From a@b\nSubject: " + std::to_string(i) + "\n\nFrom here on\n";
  struct Case {
    std::string_view name;
    const std::string& input;
    size_t window;
    std::string_view separator;
    size_t min_chunks;
  };
  const std::string one_long = std::string(5000, 'y') + "\nz";
  // clang-format off
  const Case cases[] = {{"lines", lines, 100, "\n", 20},
                        {"lines, one window", lines, 1 << 20, "\n", 1},
                        {"mbox", mbox, 64, "\nFrom ", 10},
                        {"a line longer than the window", one_long, 10, "\n", 1},
                        {"empty", std::string(), 10, "\n", 0}};
  // clang-format on
  for (const Case& c : cases) {
    CAPTURE(c.name);
    for (size_t piece : kPieces) {
      CAPTURE(piece);
      MemorySource source(c.input, piece);
      std::string joined;
      size_t chunks = 0;
      bool ended = false;
      REQUIRE(
          for_each_window(source, c.window, c.separator, [&](std::string_view chunk, bool last) {
            ++chunks;
            joined.append(chunk);
            ended = last;
            const size_t at = joined.size() - 1;
            CHECK((last || c.input.compare(at, c.separator.size(), c.separator) == 0));
            return true;
          }).ok());
      CHECK((ended || c.input.empty()));
      CHECK(joined == c.input);
      CHECK(chunks >= c.min_chunks);
    }
  }
}

TEST_CASE("for_each_window: a record that reaches max_record is read past, never held") {
  const std::string y(5000, 'y');
  struct Case {
    std::string_view name;
    std::string input;
    std::string_view separator;
    std::string kept;               // the chunks joined
    std::vector<uint64_t> dropped;  // too_long's lengths
  };
  const std::string msg = "From a\nSubject: s\n\n";
  const Case cases[] = {
      {"a long line between two", "a\n" + y + "\nb\n", "\n", "a\nb\n", {5001}},
      {"a long last line", "a\n" + y, "\n", "a\n", {5000}},
      {"a long first line", y + "\nb", "\n", "b", {5001}},
      {"two long lines", y + "\n" + y + "\n", "\n", "", {5001, 5001}},
      {"long lines around empty ones", y + "\n\n" + y + "\n\nb\n", "\n", "\n\nb\n", {5001, 5001}},
      {"lines at the limit's edge",
       std::string(99, 'x') + "\n" + y + "\n",
       "\n",
       std::string(99, 'x') + "\n",
       {5001}},
      {"a long message",
       msg + "one\n" + msg + y + "\n" + msg + "three\n",
       "\nFrom ",
       msg + "one\n" + msg + "three\n",
       {msg.size() + 5001}},
      {"a long message, From inside",
       msg + y + "\nFrom\n" + y + "\n" + msg + "z\n",
       "\nFrom ",
       msg + "z\n",
       {msg.size() + 2 * 5001 + 5}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    for (size_t piece : kPieces) {
      CAPTURE(piece);
      MemorySource source(c.input, piece);
      std::string kept;
      std::vector<uint64_t> dropped;
      const auto take = [&](std::string_view chunk, bool) {
        CHECK(chunk.size() <= 100);  // never a long record
        kept.append(chunk);
        return true;
      };
      const auto too_long = [&](uint64_t bytes) { dropped.push_back(bytes); };
      REQUIRE(for_each_window(source, 10, c.separator, take, 100, too_long).ok());
      CHECK(kept == c.kept);
      CHECK(dropped == c.dropped);
    }
  }
}

TEST_CASE("JSON Lines read in windows give the records read whole") {
  std::string big;  // beyond one window (1 MiB): records, a bad line deep in
  for (int i = 0; big.size() < (3u << 20); ++i) {
    big += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"record " + std::to_string(i) +
           " words\"}\n";
    if (i == 20000) big += "{not json\n";
  }
  struct Case {
    std::string_view name;
    std::string bytes;
  };
  const Case cases[] = {
      {"three windows, a bad line", big},
      {"CRLF, no final newline", "{\"id\":1,\"text\":\"a\"}\r\n{\"id\":2,\"text\":\"b\"}"},
      {"UTF-8 byte order mark", "\xEF\xBB\xBF{\"id\":1,\"text\":\"caf\xC3\xA9\"}\n"},
      {"Latin-1", "{\"id\":1,\"text\":\"caf\xE9 cr\xE8me\"}\n{\"id\":2,\"text\":\"na\xEFve\"}\n"},
      {"UTF-16 (read whole)",
       std::string("\xFF\xFE{\0\"\0i\0d\0\"\0:\0\x31\0,\0\"\0t\0e\0x\0t\0\"\0:\0\"\0"
                   "z\0\"\0}\0\n\0",
                   38)},
      {"blank lines only", "\n  \n\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Extraction whole;
    REQUIRE(extract_jsonl(c.bytes, {}, &whole).ok());
    for (size_t piece : {size_t{1}, size_t{100000}}) {
      if (piece == 1 && c.bytes.size() > 1000) continue;  // slow
      CAPTURE(piece);
      MemorySource source(c.bytes, piece);
      Extraction windows;
      REQUIRE(extract_jsonl(source, {}, &windows).ok());
      CHECK(summary_of(windows) == summary_of(whole));
      CHECK(windows.encoding == whole.encoding);
    }
  }
  Extraction binary;
  const std::string nuls = std::string(100, '\0') + "{}\n";
  MemorySource nul(nuls, 7);  // reads `nuls` in place
  REQUIRE(extract_jsonl(nul, {}, &binary).ok());
  CHECK(binary.skip_reason == "binary");
}

TEST_CASE("mbox files read in windows give the messages read whole; bad ones skipped") {
  std::string big;  // beyond one window (4 MiB)
  for (int i = 0; big.size() < (9u << 20); ++i) {
    const std::string n = std::to_string(i);
    big += "From sender" + n + "@example.org Mon Jan  1 00:00:00 2024\nFrom: s" + n +
           "@example.org\nSubject: Message " + n + "\nMessage-ID: <m" + n +
           "@example.org>\n\nBody of message " + n + "\n>From a quoted line\n" +
           std::string(2000, 'w') + "\n\n";
  }
  const std::string cases[] = {sample("email/mailbox.mbox"), big};
  for (const std::string& bytes : cases) {
    CAPTURE(bytes.size());
    Extraction whole;
    REQUIRE(extract_mbox(bytes, {}, &whole).ok());
    CHECK(whole.docs.size() >= 2);
    MemorySource source(bytes, 100000);
    Extraction windows;
    REQUIRE(extract_mbox(source, {}, &windows).ok());
    CHECK(summary_of(windows) == summary_of(whole));
  }
  // A message GMime cannot parse (headers that start with a continuation
  // line) is reported; the messages after it are all read.
  const std::string bad =
      "From a Mon Jan  1 00:00:00 2024\nSubject: one\n\nfirst\n\n"
      "From b Mon Jan  1 00:00:00 2024\n continued!\nSubject: two\n\nsecond\n\n"
      "From c Mon Jan  1 00:00:00 2024\nSubject: three\n\nthird\n\n"
      "From d Mon Jan  1 00:00:00 2024\nSubject: four\n\nfourth\n";
  Extraction whole;
  REQUIRE(extract_mbox(bad, {}, &whole).ok());
  std::string ids;
  for (const ExtractedDoc& d : whole.docs) ids += d.id + " ";
  CHECK(ids == "1 3 4 ");
  CHECK(whole.problems == std::vector<std::string>{"message 2: cannot parse"});
  MemorySource bad_source(bad, 5);
  Extraction windows;
  REQUIRE(extract_mbox(bad_source, {}, &windows).ok());
  CHECK(summary_of(windows) == summary_of(whole));

  MemorySource not_mbox("Subject: no From line\n\nbody\n");
  Extraction none;
  const Status s = extract_mbox(not_mbox, {}, &none);
  CHECK(s.message() == "not an mbox file (no \"From \" line)");
}

TEST_CASE("a JSON Lines line or mbox message over --max-filesize is named and passed over") {
  ExtractOptions options;
  options.max_expanded = 3u << 20;  // more than a window: 1 MiB of lines, 4 MiB of mail
  const std::string long_text(5u << 20, 'w');
  const std::string lines = "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"" +
                            long_text + "\"}\n{\"id\":\"c\",\"text\":\"three\"}\n{not json\n";
  MemorySource line_source(lines, 100000);
  Extraction jsonl;
  REQUIRE(extract_jsonl(line_source, options, &jsonl).ok());
  std::string ids;
  for (const ExtractedDoc& d : jsonl.docs) ids += d.id + " ";
  CHECK(ids == "a c ");
  CHECK(jsonl.problems ==
        std::vector<std::string>{"line 2: 5242901 bytes, over --max-filesize (3145728), not read",
                                 "line 4: invalid JSON"});

  options.max_expanded = 5u << 20;
  const std::string head = "From a Mon Jan  1 00:00:00 2024\nSubject: ";
  const std::string mbox =
      head + "one\n\nfirst\n\n" + head + "two\n\n" + long_text + "\n\n" + head + "three\n\nthird\n";
  MemorySource mbox_source(mbox, 100000);
  Extraction mail;
  REQUIRE(extract_mbox(mbox_source, options, &mail).ok());
  ids.clear();
  for (const ExtractedDoc& d : mail.docs) ids += d.id + " ";
  CHECK(ids == "1 3 ");
  CHECK(mail.problems == std::vector<std::string>{
                             "message 2: 5242928 bytes, over --max-filesize (5242880), not read"});
}

TEST_CASE("RealFileSystem::open: reads a file in pieces and seeks; refuses others") {
  testing::TempDir dir;
  std::string content;
  for (int i = 0; i < 50000; ++i) content += static_cast<char>('a' + i % 26);
  std::ofstream(dir / "f.txt", std::ios::binary) << content;
  RealFileSystem fs;
  std::unique_ptr<ByteSource> source;
  REQUIRE(fs.open(dir / "f.txt", &source).ok());
  CHECK(source->size() == content.size());
  std::string read;
  char buffer[4096];
  for (size_t got = 1; got > 0;) {
    REQUIRE(source->read(buffer, sizeof buffer, &got).ok());
    read.append(buffer, got);
  }
  CHECK(read == content);
  REQUIRE(source->seek(49990).ok());
  size_t got = 0;
  REQUIRE(source->read(buffer, sizeof buffer, &got).ok());
  CHECK(std::string(buffer, got) == content.substr(49990));
  std::string hash;
  REQUIRE(hash_file(fs, dir / "f.txt", &hash).ok());
  CHECK(hash == content_hash(content));

  const Status folder = fs.open(dir.path(), &source);
  CHECK(folder.message() == "not a regular file");
  const Status missing = fs.open(dir / "gone.txt", &source);
  CHECK(missing.not_found());
}

}  // namespace
}  // namespace trawl::indexer
