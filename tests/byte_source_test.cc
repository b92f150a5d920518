// Files read in pieces (formats/byte_source.h): a content hash and an
// archive read from a ByteSource give what the same bytes in memory give,
// whatever the piece size; a read error is reported with what was read
// before it kept; RealFileSystem::open reads a file and refuses what is not
// one.
#include <archive.h>
#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "content_hash.h"
#include "file_system.h"
#include "formats/byte_source.h"
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
    if (Status s = MemorySource::read(buffer, std::min(size, good_ - done_), got); !s.ok()) return s;
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
  for (const ExtractedDoc& d : ex.docs) out += d.id + "|" + d.key_suffix + "|" + d.format + "|" + d.body + "\n";
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
  const std::string tar = testing::make_archive(
      {{"first.txt", "First\n\nkeptword\n"}, {"filler.bin", big}, {"last.txt", "Last\n\nlostword\n"}},
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
