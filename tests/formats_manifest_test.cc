// Every sample in tests/data/formats, listed in MANIFEST.tsv with its title
// and the words that must (and must not) be findable, run through format
// detection, extraction, indexing and search.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "document_builder.h"
#include "extract_file.h"
#include "index_writer.h"
#include "search.h"
#include "support/test_index.h"

namespace trawl::indexer {
namespace {

struct Row {
  std::string path, title;
  std::vector<std::string> words, absent;
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, sep);) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::vector<Row> manifest() {
  std::ifstream in(std::string(TRAWL_TEST_DATA) + "/formats/MANIFEST.tsv");
  std::vector<Row> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '\t');) cols.push_back(cell);
    cols.resize(4);
    rows.push_back({cols[0], cols[1], split(cols[2], ','), split(cols[3], ',')});
  }
  return rows;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool found(const Xapian::Database& db, const std::string& word) {
  searcher::Searcher s(db, "test");
  searcher::SearchOptions options;
  options.query = word;
  options.mode = searcher::OutputMode::kCount;
  return s.search(options).matches_estimated > 0;
}

TEST_CASE("formats: every sample's title and words, through extraction and search") {
  std::vector<Row> rows = manifest();
  REQUIRE(rows.size() >= 20);
  for (const Row& row : rows) {
    CAPTURE(row.path);
    const std::string path = std::string(TRAWL_TEST_DATA) + "/formats/" + row.path;
    FileExtraction fx;
    REQUIRE(extract_file(IndexOptions(), path, read_file(path), &fx).ok());
    CHECK(fx.skip_reason.empty());
    REQUIRE_FALSE(fx.extraction.docs.empty());
    CHECK(fx.extraction.docs[0].title == row.title);
    Xapian::WritableDatabase db = testing::scratch_db();
    db.set_metadata("trawl.schema", std::to_string(schema::kSchemaVersion));
    db.set_metadata("trawl.language", "english");
    DocumentBuilder builder(Xapian::Stem("english"));
    for (ExtractedDoc& d : fx.extraction.docs) {
      schema::DocRecord r;
      r.path = path;
      r.title = d.title;
      r.text = d.body;
      r.author = d.author;
      r.fields = d.fields;
      std::vector<std::pair<std::string, std::string>> texts;
      db.add_document(builder.build(r, path + d.key_suffix, &texts));
      for (const auto& [key, piece] : texts) db.set_metadata(key, piece);
    }
    add_stems(db, builder.take_new_stems());
    db.commit();
    for (const std::string& w : row.words) {
      CAPTURE(w);
      CHECK(found(db, w));
    }
    for (const std::string& w : row.absent) {
      CAPTURE(w);
      CHECK_FALSE(found(db, w));
    }
  }
}

struct SkipCase {
  std::string_view path;
  std::string_view reason;  // "" = the file fails
};

const SkipCase kSkips[] = {
    {"other/blob.dat", "binary"},
    {"other/picture.png", "binary"},
    {"pdf/scan.pdf", "no text layer"},
    {"pdf/damaged.pdf", ""},
    {"email/not-a-message.eml", ""},
    {"office/broken.docx", ""},
    {"other/bad.gz", ""},
};

TEST_CASE("formats: binary files and scans are skipped, damaged files fail") {
  for (const SkipCase& c : kSkips) {
    CAPTURE(c.path);
    const std::string path = std::string(TRAWL_TEST_DATA) + "/formats/" + std::string(c.path);
    FileExtraction fx;
    Status s = extract_file(IndexOptions(), path, read_file(path), &fx);
    if (c.reason.empty()) {
      CHECK_FALSE(s.ok());
    } else {
      REQUIRE(s.ok());
      CHECK(fx.skip_reason == c.reason);
    }
  }
}

TEST_CASE("formats: e-mail headers become fields; an mbox gives one document per message") {
  const std::string dir = std::string(TRAWL_TEST_DATA) + "/formats/email/";
  Extraction one;
  REQUIRE(extract_email(read_file(dir + "qp-latin1.eml"), {}, &one).ok());
  REQUIRE(one.docs.size() == 1);
  CHECK(one.docs[0].author == "André Leclerc <andre@example.fr>");
  CHECK(one.docs[0].date == "2025-02-05T18:00:00Z");
  CHECK(one.docs[0].fields == std::vector<Field>{{"from", "André Leclerc <andre@example.fr>"},
                                                 {"to", "club@example.fr"}});
  Extraction att;
  REQUIRE(extract_email(read_file(dir + "attachment.eml"), {}, &att).ok());
  CHECK(att.docs[0].fields.back() == Field{"attachments", "invoice-lantern.pdf"});
  Extraction box;
  REQUIRE(extract_mbox(read_file(dir + "mailbox.mbox"), {}, &box).ok());
  REQUIRE(box.docs.size() == 3);
  CHECK(box.problems.empty());
  CHECK(box.docs[0].id == "ferry-1@example.org");
  CHECK(box.docs[1].id == "2");
  CHECK(box.docs[1].key_suffix == "#2");
  CHECK(box.docs[2].title == "Timetable question");
  CHECK(box.docs[2].date == "2025-01-14T11:00:00Z");
  Extraction not_mbox;
  CHECK_FALSE(extract_mbox("Subject: x\n\nbody\n", {}, &not_mbox).ok());
}

TEST_CASE("formats: detected encodings") {
  const std::pair<std::string_view, std::string_view> kEncodings[] = {
      {"text/latin1.txt", "windows-1252"}, {"text/cp1251.txt", "windows-1251"},
      {"text/koi8r.txt", "KOI8-R"},        {"text/shift_jis.txt", "Shift_JIS"},
      {"text/gb18030.txt", "GB18030"},     {"text/utf16le-bom.txt", "UTF-16LE"},
      {"text/utf16be-bom.txt", "UTF-16BE"}, {"text/utf32-bom.txt", "UTF-32LE"},
      {"text/utf8-bom.txt", "UTF-8"},      {"html/latin1-meta.html", "windows-1252"},
  };
  for (const auto& entry : kEncodings) {
    const auto& file = entry.first;  // (clang 14 cannot capture structured bindings)
    const auto& encoding = entry.second;
    CAPTURE(file);
    const std::string path = std::string(TRAWL_TEST_DATA) + "/formats/" + std::string(file);
    FileExtraction fx;
    REQUIRE(extract_file(IndexOptions(), path, read_file(path), &fx).ok());
    CHECK(fx.extraction.encoding == encoding);
  }
}

}  // namespace
}  // namespace trawl::indexer
