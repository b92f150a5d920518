// Files of many documents (JSON Lines here; archives and mbox files alike)
// are built and written in parts, so that memory stays bounded: the
// documents are the same as when built whole, a fresh build and an update
// both hold them all, and a run stopped between parts leaves the file
// marked (schema::kMetaPartial) so that the next run makes it whole.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "content_hash.h"
#include "db_store.h"
#include "formats/format.h"
#include "index_writer.h"
#include "plan.h"
#include "run_index.h"
#include "schema.h"
#include "state.h"
#include "support/make_archive.h"
#include "support/mem_file_system.h"
#include "support/temp_dir.h"
#include "worker.h"

namespace trawl::indexer {
namespace {

constexpr size_t kMemory = 16u << 20;  // parts of --memory / 256 = 64 KiB of text

// `n` records of about 1 KB each; record i says "record<i>".
std::string records(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += "{\"_id\":\"" + std::to_string(i) + "\",\"pier\":\"p" + std::to_string(i % 3) +
           "\",\"text\":\"record" + std::to_string(i);
    for (int w = 0; w < 150; ++w) out += " harbour";
    out += "\"}\n";
  }
  return out;
}

IndexOptions small_memory(const std::string& db) {
  IndexOptions o;
  o.db_path = db;
  o.roots = {"/c"};
  o.jobs = 2;
  o.memory = kMemory;
  return o;
}

std::set<std::string> keys(const std::string& db) {
  Xapian::Database d(db);
  std::set<std::string> out;
  for (auto it = d.postlist_begin(""); it != d.postlist_end(""); ++it) {
    schema::DocRecord r;
    REQUIRE(schema::decode_record(d.get_document(*it).get_data(), &r));
    out.insert(r.key);
  }
  return out;
}

std::set<std::string> expected_keys(int n) {
  std::set<std::string> out;
  for (int i = 0; i < n; ++i) out.insert("/c/big.jsonl#" + std::to_string(i));
  return out;
}

IndexSummary index(testing::MemFileSystem& fs, const IndexOptions& options) {
  std::ostringstream err;
  Diag diag("trawl-index", err);
  HumanReporter reporter(diag, "/", false, true);
  IndexSummary s;
  run_index(options, fs, reporter, "/", &s);
  return s;
}

TEST_CASE("parts: a file's documents come in parts, the same as built whole") {
  testing::MemFileSystem fs;
  fs.add_file("/c/big.jsonl", records(600));
  FileRef ref{"/c/big.jsonl", static_cast<uint64_t>(records(600).size()), 1000};
  IndexOptions options = small_memory("");
  Worker whole_worker(options, fs, "english");
  FileResult whole = whole_worker.process(ref, true);
  Worker worker(options, fs, "english");
  std::vector<FileResult> parts;
  FileResult last =
      worker.process(ref, true, [&](FileResult&& p) { parts.push_back(std::move(p)); });
  REQUIRE(parts.size() >= 3);
  size_t docs = last.docs.size(), bytes = last.text_bytes;
  for (size_t i = 0; i < parts.size(); ++i) {
    CAPTURE(i);
    CHECK(parts[i].partial);
    CHECK(parts[i].update);
    CHECK(parts[i].parts_before == (i > 0));  // only the first deletes the old documents
    docs += parts[i].docs.size();
    bytes += parts[i].text_bytes;
  }
  CHECK_FALSE(last.partial);
  CHECK(last.parts_before);
  CHECK(last.documents == 600);
  // The vocabulary goes with each part: the new stems with the first, and
  // each part counts the words of its own documents.
  size_t stems = last.stems.size();
  for (const FileResult& p : parts) stems += p.stems.size();
  CHECK_FALSE(parts[0].stems.empty());
  CHECK(stems == whole.stems.size());
  unsigned harbour = last.spelling["harbour"];
  for (FileResult& p : parts) harbour += p.spelling["harbour"];
  CHECK(parts[0].spelling["harbour"] > 0);
  CHECK(harbour == whole.spelling["harbour"]);
  size_t names = last.field_names.size();  // so do the field names
  for (const FileResult& p : parts) names += p.field_names.size();
  CHECK(names == whole.field_names.size());
  CHECK(last.field_names.size() < whole.field_names.size());
  CHECK(docs == whole.docs.size());
  CHECK(bytes == whole.text_bytes);
}

std::string read_data(const std::string& name) {
  std::ifstream in(std::string(TRAWL_TEST_DATA) + "/formats/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST_CASE("parts: formats of many documents hand each one over as they read it") {
  struct Case {
    std::string name;
    ExtractFn extract;
    size_t docs;
  };
  // clang-format off
  const Case cases[] = {
      {"big.jsonl",           extract_jsonl,   600},
      {"json/records.json",   extract_json,    2},
      {"email/mailbox.mbox",  extract_mbox,    3},
      {"archive/bundle.zip",  extract_archive, 0},  // 0: as many as without a stream
  };
  // clang-format on
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const std::string bytes = c.name == "big.jsonl" ? records(600) : read_data(c.name);
    Extraction whole;
    REQUIRE(c.extract(bytes, {}, &whole).ok());
    ExtractOptions options;
    std::vector<std::string> streamed;
    options.stream = [&](ExtractedDoc&& doc) { streamed.push_back(doc.title + "|" + doc.id); };
    Extraction out;
    REQUIRE(c.extract(bytes, options, &out).ok());
    CHECK(out.docs.empty());
    REQUIRE(streamed.size() == whole.docs.size());
    if (c.docs) CHECK(streamed.size() == c.docs);
    for (size_t i = 0; i < streamed.size(); ++i) {
      CHECK(streamed[i] == whole.docs[i].title + "|" + whole.docs[i].id);
    }
  }
}

TEST_CASE("parts: an archive's members are built and handed on as they are read") {
  testing::Members members;
  for (int i = 0; i < 400; ++i) {
    const std::string n = std::to_string(i);
    members.emplace_back(std::string("m").append(n).append(".txt"),
                         std::string("Member ").append(n).append("\n\n").append(1000, 'x'));
  }
  testing::MemFileSystem fs;
  const std::string zip = testing::make_archive(members, ARCHIVE_FORMAT_ZIP);
  fs.add_file("/c/many.zip", zip);
  const IndexOptions options = small_memory("");
  Worker worker(options, fs, "english");
  size_t parts = 0, docs = 0;
  FileResult last =
      worker.process(FileRef{"/c/many.zip", zip.size(), 1000}, false, [&](FileResult&& p) {
        ++parts;
        docs += p.docs.size();
      });
  CHECK(parts >= 2);
  CHECK(last.documents == 400);
  CHECK(docs + last.docs.size() == 400);
  CHECK(last.format == "archive");
}

TEST_CASE("parts: a fresh build and an update hold every record; nothing stays marked") {
  testing::TempDir tmp;
  testing::MemFileSystem fs;
  fs.add_file("/c/big.jsonl", records(600), 100);
  const IndexOptions options = small_memory(tmp / "db");
  CHECK(index(fs, options).documents == 600);
  CHECK(keys(tmp / "db") == expected_keys(600));
  fs.add_file("/c/big.jsonl", records(700), 200);
  CHECK(index(fs, options).updated == 1);
  CHECK(keys(tmp / "db") == expected_keys(700));
  const std::string live = tmp / "db";
  CHECK(Xapian::Database(live).get_metadata(std::string(schema::kMetaPartial)).empty());
}

TEST_CASE("parts: a run stopped between parts leaves the file marked; the next makes it whole") {
  testing::TempDir tmp;
  testing::MemFileSystem fs;
  fs.add_file("/c/a.txt", "Alpha\n\none", 100);
  const IndexOptions options = small_memory(tmp / "db");
  index(fs, options);
  fs.add_file("/c/big.jsonl", records(600), 100);
  std::string db_dir;
  {  // a run that commits the file's first part, then stops
    std::unique_ptr<DbStore> store = DbStore::open(tmp / "db", LockOptions());
    db_dir = store->live();
    IndexWriter writer(db_dir, "english", "db");
    Worker worker(options, fs, "english");
    bool first = true;
    FileRef ref{"/c/big.jsonl", static_cast<uint64_t>(records(600).size()), 100};
    worker.process(ref, false, [&](FileResult&& p) {
      if (first) writer.apply(p);
      first = false;
    });
    writer.commit();
  }
  const size_t stopped = keys(tmp / "db").size();
  CHECK(stopped > 1);
  CHECK(stopped < 601);
  const Stamps stamps = load_stamps(Xapian::Database(db_dir), {"/c"});
  CHECK(stamps.at("/c/big.jsonl").partial);
  CHECK_FALSE(stamps.at("/c/a.txt").partial);
  const IndexSummary next = index(fs, options);
  CHECK(next.updated == 1);
  CHECK(keys(tmp / "db").size() == 601);
  CHECK(Xapian::Database(db_dir).get_metadata(std::string(schema::kMetaPartial)).empty());
  CHECK(index(fs, options).unchanged == 2);  // whole now: not made again
}

TEST_CASE("parts: a grown file keeps its old documents; only the new records are made") {
  testing::TempDir tmp;
  testing::MemFileSystem fs;
  fs.add_file("/c/big.jsonl", records(600), 100);
  const IndexOptions options = small_memory(tmp / "db");
  index(fs, options);
  const std::string grown = records(700);  // the same 600 records, and 100 more
  fs.add_file("/c/big.jsonl", grown, 200);
  const IndexSummary s = index(fs, options);
  CHECK(s.updated == 1);
  CHECK(s.documents == 100);
  CHECK(keys(tmp / "db") == expected_keys(700));
  const std::string live = tmp / "db";
  const Stamps stamps = load_stamps(Xapian::Database(live), {"/c"});
  CHECK(stamps.at("/c/big.jsonl").size == grown.size());  // old documents restamped
  CHECK(stamps.at("/c/big.jsonl").mtime == 200);
  CHECK(stamps.at("/c/big.jsonl").hash == content_hash(grown));
  CHECK(index(fs, options).unchanged == 1);
}

TEST_CASE("parts: deleting a file of many documents commits on the way, the file marked") {
  struct Case {
    std::string_view name;
    size_t budget;  // postings deleted between commits (0: never commit)
    bool update;    // deleted for an update (apply), or as vanished (remove)
  };
  const Case cases[] = {{"vanished, no budget", 0, false},
                        {"vanished, small budget", 2000, false},
                        {"update, small budget", 2000, true}};
  for (const Case& c : cases) {
    CAPTURE(c.name);
    testing::TempDir tmp;
    testing::MemFileSystem fs;
    fs.add_file("/c/big.jsonl", records(600), 100);
    const IndexOptions options = small_memory(tmp / "db");
    index(fs, options);
    std::string live;
    {  // deletes, then stops before its last commit
      std::unique_ptr<DbStore> store = DbStore::open(tmp / "db", LockOptions());
      live = store->live();
      IndexWriter writer(live, "english", "db");
      writer.set_delete_budget(c.budget);
      if (c.update) {
        FileResult r;
        r.ref = FileRef{"/c/big.jsonl", 1, 200};
        r.update = true;
        r.partial = true;
        writer.apply(r);
      } else {
        writer.remove("/c/big.jsonl");
      }
    }
    const size_t left = keys(tmp / "db").size();
    if (c.budget == 0) {
      CHECK(left == 600);  // all in one transaction, never committed
    } else {
      CHECK(left < 600);
      CHECK(left > 0);
    }
    // A file stopped in the middle of its deletion is marked: the next run
    // deletes the rest, or, if the file is there, makes it whole again.
    const Stamps stamps = load_stamps(Xapian::Database(live), {"/c"});
    CHECK(stamps.at("/c/big.jsonl").partial == (c.budget > 0));
    CHECK(index(fs, options).documents == (c.budget > 0 ? 600 : 0));
    CHECK(keys(tmp / "db") == expected_keys(600));
  }
}

}  // namespace
}  // namespace trawl::indexer
