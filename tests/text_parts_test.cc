// Long texts are indexed in parts (indexer/text_parts.h): where a part
// ends, the line each starts on, and that a worker's parts together hold
// every word of the file once, whether the text was long or only held too
// many distinct words.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "content_hash.h"
#include "formats/byte_source.h"
#include "formats/format.h"
#include "growth.h"
#include "schema.h"
#include "stored_text.h"
#include "support/test_index.h"
#include "support/mem_file_system.h"
#include "text_parts.h"
#include "worker.h"

namespace trawl::indexer {
namespace {

struct EndCase {
  std::string_view name;
  std::string_view text;
  size_t limit;
  size_t end;
};

// clang-format off
const EndCase kEndCases[] = {
    {"short text: all",                 "abc",                      10, 3},
    {"exactly the limit: all",          "abcdefghij",               10, 10},
    {"blank line in the last quarter",  "aaaaaaaa\n\nbbbbbbbbbbbb", 12, 10},
    {"blank line too early: line end",  "a\n\nbbbbbbb\ncccccccc",   12, 11},
    {"no blank line: last line end",    "aaaaaaa\nbbbbbbbbbbbb",    12, 8},
    {"line end too early: character",   "a\nbbbbbbbbbbbbbbbbb",     12, 12},
    {"no line end: character boundary", "\xC3\xA9\xC3\xA9\xC3\xA9", 5,  4},
    {"three-byte characters",           "\xE2\x82\xAC\xE2\x82\xAC", 5,  3},
};
// clang-format on

TEST_CASE("part_end: after a paragraph, else a line, else a character") {
  for (const EndCase& c : kEndCases) {
    CAPTURE(c.name);
    CHECK(part_end(c.text, c.limit) == c.end);
  }
}

struct Seen {
  std::string text;
  uint32_t number;
  uint32_t first_line;
};

std::vector<Seen> parts_of(std::string_view text, size_t limit, size_t use_at_most) {
  std::vector<Seen> out;
  for_each_part(text, limit, [&](const TextPart& p) {
    const size_t used = std::min(p.text.size(), use_at_most);
    out.push_back({std::string(p.text.substr(0, used)), p.number, p.first_line});
    return used;
  });
  return out;
}

TEST_CASE("for_each_part: parts follow each other, numbered, with their first lines") {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "line " + std::to_string(i) + (i % 7 == 6 ? "\n\n" : "\n");
  struct Case {
    std::string_view name;
    size_t limit, use_at_most;
  };
  const Case cases[] = {{"whole parts", 500, SIZE_MAX},
                        {"a taker that stops early", 500, 120},
                        {"one part", 100000, SIZE_MAX}};
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const std::vector<Seen> parts = parts_of(text, c.limit, c.use_at_most);
    std::string joined;
    uint32_t line = 1;
    for (size_t i = 0; i < parts.size(); ++i) {
      CHECK(parts[i].number == i + 1);
      CHECK(parts[i].first_line == line);
      CHECK(parts[i].text.size() <= std::min(c.limit, c.use_at_most));
      joined += parts[i].text;
      line += static_cast<uint32_t>(std::count(parts[i].text.begin(), parts[i].text.end(), '\n'));
    }
    CHECK(joined == text);
    CHECK(parts.size() >= text.size() / std::min(c.limit, c.use_at_most));
  }
}

// A text read in windows (extract_text from a ByteSource) gives, joined,
// the text read whole, each window with its first line and the title.
// The `length` bytes of text that `bytes` holds from `offset`: its bytes,
// with each "\r\n" read as "\n" if `crlf`.
std::string file_text_at(std::string_view bytes, int64_t offset, size_t length, bool crlf) {
  std::string out;
  for (size_t i = static_cast<size_t>(offset); i < bytes.size() && out.size() < length; ++i) {
    if (crlf && bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') continue;
    out.push_back(bytes[i]);
  }
  return out;
}

TEST_CASE("extract_text from a source: windows of whole lines, lined and titled") {
  std::string text = "Harbour log\n\n";
  for (int i = 0; i < 400; ++i) text += "entry " + std::to_string(i) + " the ferry left\n";
  struct Case {
    std::string_view name;
    std::string bytes;
    size_t windows;        // at least (0: read whole, one document)
    std::string_view skip;  // skip_reason
    size_t problems;
    bool crlf = false;      // its windows are its bytes with each "\r\n" as "\n"
  };
  std::string binary_middle = text;
  binary_middle.replace(5000, 600, std::string(600, '\0'));
  const Case cases[] = {
      {"text", text, text.size() / 1000, "", 0},
      {"CRLF lines", [&] {
         std::string crlf;
         for (char c : text) c == '\n' ? crlf += "\r\n" : crlf += c;
         return crlf;
       }(), text.size() / 1000, "", 0, true},
      {"binary in the middle: that window passed over", binary_middle, 3, "", 1},
      {"binary from the start", std::string(100, '\0') + text, 0, "binary", 0},
      {"UTF-16: read whole", std::string("\xFF\xFEH\0i\0\n\0", 8), 0, "", 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    MemorySource source(c.bytes, 333);  // reads in small pieces, joined by the reader
    ExtractOptions options;
    options.text_window = 1000;
    Extraction out;
    REQUIRE(extract_text(source, options, &out).ok());
    CHECK(out.skip_reason == c.skip);
    CHECK(out.problems.size() == c.problems);
    if (!c.skip.empty()) continue;
    REQUIRE(out.docs.size() >= std::max<size_t>(c.windows, 1));
    if (c.windows == 0) {
      CHECK(out.docs.size() == 1);
      CHECK(out.docs[0].window == 0);
      continue;
    }
    std::string joined;
    uint32_t line = 1;
    for (size_t i = 0; i < out.docs.size(); ++i) {
      const ExtractedDoc& d = out.docs[i];
      CHECK(d.window == i + 1);
      CHECK(d.title == "Harbour log");
      if (c.problems == 0) CHECK(d.first_line == line);
      CHECK(d.first_line >= line);
      line = d.first_line + static_cast<uint32_t>(std::count(d.body.begin(), d.body.end(), '\n'));
      joined += d.body;
      // Each window says where it is in the file (the binary one is not kept).
      REQUIRE(d.file_offset >= 0);
      CHECK(d.file_crlf == c.crlf);
      CHECK(d.body == file_text_at(c.bytes, d.file_offset, d.body.size(), d.file_crlf));
    }
    if (c.problems == 0) CHECK(joined == text);
  }
}

TEST_CASE("extract_text from a source: windows end after a paragraph where they can") {
  std::string lf = "Harbour log\n\n";
  for (int p = 0; p < 60; ++p) {
    for (int i = 0; i < 4; ++i) lf += "paragraph " + std::to_string(p) + " line " + std::to_string(i) + "\n";
    lf += "\n";
  }
  std::string crlf;
  for (char c : lf) c == '\n' ? crlf += "\r\n" : crlf += c;
  std::string no_blank;  // lines only: windows end at a line
  for (int i = 0; i < 300; ++i) no_blank += "entry " + std::to_string(i) + " of the log\n";
  struct Case {
    std::string_view name;
    std::string bytes;
    bool paragraphs;  // every window but the last ends after a blank line
  };
  const Case cases[] = {{"LF", lf, true}, {"CRLF", crlf, true}, {"no blank lines", no_blank, false}};
  for (const Case& c : cases) {
    CAPTURE(c.name);
    MemorySource source(c.bytes, 333);
    ExtractOptions options;
    options.text_window = 1000;
    Extraction out;
    REQUIRE(extract_text(source, options, &out).ok());
    REQUIRE(out.docs.size() > 3);
    std::string joined;
    for (size_t i = 0; i < out.docs.size(); ++i) {
      const std::string& body = out.docs[i].body;
      joined += body;
      CHECK(body.back() == '\n');
      if (i + 1 < out.docs.size()) CHECK((body.substr(body.size() - 2) == "\n\n") == c.paragraphs);
      CHECK(body.size() <= 1000);
      // (Not much shorter: a paragraph is under 100 bytes, a CRLF window's
      // text is a line end a line shorter than its bytes.)
      if (c.paragraphs && i + 1 < out.docs.size()) CHECK(body.size() >= 600);
    }
    std::string want;
    REQUIRE(decode_text(c.bytes, {}, &want).ok());
    CHECK(joined == want);
  }
}

// word -> how many documents of `result` hold it, for words starting with `stem`.
std::map<std::string, int> words(const FileResult& result, const std::string& stem) {
  std::map<std::string, int> out;
  for (const auto& [id, doc] : result.docs) {
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      if ((*t).rfind(stem, 0) == 0) ++out[*t];
    }
  }
  return out;
}

TEST_CASE("Worker: a long text, or one of too many distinct words, is indexed in parts") {
  struct Case {
    std::string_view name;
    int lines;
    int words_per_line;  // distinct words "w<line>x<k>"
    bool in_parts;
  };
  // --memory 16M: parts of 128 KiB of text, 6,553 distinct terms a document.
  const Case cases[] = {{"short text", 100, 1, false},
                        {"long text", 12000, 1, true},
                        {"too many distinct words", 1000, 8, true}};
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::string text = "A title line\n\n";
    for (int i = 0; i < c.lines; ++i) {
      for (int k = 0; k < c.words_per_line; ++k) text += "w" + std::to_string(i) + "x" + std::to_string(k) + " ";
      text += "filler\n";
    }
    testing::MemFileSystem fs;
    fs.add_file("/c/big.txt", text);
    IndexOptions options;
    options.memory = 16u << 20;
    Worker worker(options, fs, "english");
    const FileResult r = worker.process(FileRef{"/c/big.txt", text.size(), 1000}, false);
    CHECK_FALSE(r.truncated);
    REQUIRE(r.documents == r.docs.size());
    CHECK((r.documents > 1) == c.in_parts);
    uint32_t last_line = 0;
    for (size_t i = 0; i < r.docs.size(); ++i) {
      schema::DocRecord record;
      REQUIRE(schema::decode_record(r.docs[i].second.get_data(), &record));
      CHECK(record.part == (c.in_parts ? i + 1 : 0));
      CHECK(record.key ==
            (c.in_parts ? "/c/big.txt#p" + std::to_string(i + 1) : std::string("/c/big.txt")));
      CHECK(record.first_line > last_line);
      last_line = record.first_line;
    }
    const std::map<std::string, int> seen = words(r, "w");
    CHECK(seen.size() == static_cast<size_t>(c.lines * c.words_per_line));  // none lost
    for (const auto& entry : seen) {  // (clang 14: no CAPTURE of structured bindings)
      const std::string& word = entry.first;
      CAPTURE(word);
      CHECK(entry.second == 1);  // none twice
    }
  }
}

// The file a test's read_anchors reads texts kept in their files from.
std::string worker_file;
bool read_worker_file(const std::string&, uint64_t offset, size_t length, std::string* out) {
  if (offset > worker_file.size() || length > worker_file.size() - offset) return false;
  *out = worker_file.substr(offset, length);
  return true;
}

TEST_CASE("Worker: a text that is its file's bytes is read back from the file, part by part") {
  std::string lf = "Harbour log\n\n";
  for (int i = 0; lf.size() < (300u << 10); ++i) lf += "entry " + std::to_string(i) + " the ferry left\n";
  std::string words = "Word list\n\n";  // more distinct words than a document of --memory 16M takes
  for (int i = 0; i < 8000; ++i) words += "w" + std::to_string(i) + "x filler\n";
  const auto with_crlf = [](const std::string& text) {
    std::string out;
    for (char c : text) c == '\n' ? out += "\r\n" : out += c;
    return out;
  };
  const std::string crlf = with_crlf(lf);
  struct Case {
    std::string_view name;
    std::string bytes;
    size_t memory;  // --memory: parts of memory / 128
    bool copies;    // --store-text all
    bool in_file;
  };
  const Case cases[] = {
      {"whole, read at once", lf, 256u << 20, false, true},
      {"in parts, read in windows", lf, 16u << 20, false, true},
      {"CRLF lines, whole", crlf, 256u << 20, false, true},
      {"CRLF lines, in parts", crlf, 16u << 20, false, true},
      {"parts of one window (too many words)", words, 16u << 20, false, true},
      {"CRLF lines, parts of one window", with_crlf(words), 16u << 20, false, true},
      {"--store-text all", lf, 16u << 20, true, false},
      {"windows-1252: copied", "caf\xE9 " + lf, 256u << 20, false, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    testing::MemFileSystem fs;
    fs.add_file("/c/ferry.log", c.bytes);
    worker_file = c.bytes;
    IndexOptions options;
    options.memory = c.memory;
    options.copy_all_text = c.copies;
    Worker worker(options, fs, "english");
    const FileResult r = worker.process(FileRef{"/c/ferry.log", c.bytes.size(), 1000}, false);
    REQUIRE(r.docs.size() >= (c.memory < (256u << 20) ? 2u : 1u));
    std::string joined;  // the parts' texts, as read back
    for (const auto& [id, doc] : r.docs) {
      schema::DocRecord record;
      REQUIRE(schema::decode_record(doc.get_data(), &record));
      CHECK((record.file_offset >= 0) == c.in_file);
      const auto anchors = std::find_if(r.texts.begin(), r.texts.end(), [&](const auto& kv) {
        return kv.first == anchors_key(record.text_id);
      });
      REQUIRE(anchors != r.texts.end());
      REQUIRE(schema::decode_anchors(unpack_piece(anchors->second), &record));
      Xapian::WritableDatabase db = testing::scratch_db();
      for (const auto& [key, value] : r.texts) db.set_metadata(key, value);
      const TextPiece text = read_anchors(db, record, 0, record.anchors.size(), read_worker_file);
      CHECK_FALSE(text.unread);
      joined += text.text;
    }
    std::string want;
    REQUIRE(decode_text(c.bytes, {}, &want).ok());
    CHECK(joined == want);
  }
  worker_file.clear();
}

TEST_CASE("Worker: a grown long text gets new parts after the old, lined and titled from its start") {
  std::string before = "Ferry log\n\n";
  for (int i = 0; before.size() < (300u << 10); ++i) before += "crossing " + std::to_string(i) + " oldword\n";
  std::string added;
  for (int i = 0; i < 3000; ++i) added += "crossing late newword" + std::to_string(i) + "\n";
  const std::string now = before + added;
  testing::MemFileSystem fs;
  fs.add_file("/c/ferry.log", now);
  IndexOptions options;
  options.memory = 16u << 20;  // parts of 128 KiB
  const FileRef ref{"/c/ferry.log", now.size(), 2000};
  Growth growth;
  REQUIRE(grown_only(options, fs, ref, before.size(), content_hash(before), &growth, 3));
  CHECK(growth.parts == 3);
  Worker worker(options, fs, "english");
  const FileResult r = worker.process(ref, false, nullptr, growth);
  CHECK(r.appended);
  REQUIRE(r.docs.size() >= 1);
  uint32_t line = static_cast<uint32_t>(std::count(before.begin(), before.end(), '\n')) + 1;
  for (size_t i = 0; i < r.docs.size(); ++i) {
    schema::DocRecord record;
    REQUIRE(schema::decode_record(r.docs[i].second.get_data(), &record));
    CHECK(record.part == 4 + i);
    CHECK(record.key == "/c/ferry.log#p" + std::to_string(4 + i));
    CHECK(record.title == "Ferry log");
    if (i == 0) CHECK(record.first_line == line);
    CHECK(record.first_line >= line);
    line = record.first_line;
  }
  const std::map<std::string, int> seen = words(r, "newword");
  CHECK(seen.size() == 3000);
  CHECK(words(r, "oldword").empty());
}

}  // namespace
}  // namespace trawl::indexer
