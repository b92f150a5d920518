// schema.h: bounded terms, the document record and the stable hash.
#include <doctest/doctest.h>

#include <cctype>
#include <cstdint>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "schema.h"
#include "utf8.h"

namespace trawl {
namespace {

using namespace std::string_literals;
using namespace std::string_view_literals;

std::string repeat(std::string_view unit, size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) out += unit;
  return out;
}

bool is_hex(std::string_view s) {
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// ---- bounded_term ----------------------------------------------------------

struct BoundedCase {
  std::string_view prefix;
  std::string_view unit;  // the value is `unit` repeated `count` times
  size_t count;
  size_t kept_bytes;      // bytes of the value kept before the hash
  bool hashed;
};

const BoundedCase kBoundedCases[] = {
    {"Q", "/short/path.txt", 1, 15, false},
    {"Q", "", 0, 0, false},
    {"Q", "a", 199, 199, false},
    {"XF", "a", 198, 198, false},
    {"Q", "a", 201, 180, true},
    {"Q", "a", 1000, 180, true},
    {"XF", "a", 5000, 180, true},
    {"Q", "é", 101, 180, true},       // 202 bytes; 180 is a boundary
    {"Q", "€", 70, 180, true},        // 210 bytes; 180 = 60 × 3
    {"Q", "😀", 60, 180, true},       // 240 bytes; 180 = 45 × 4
    {"Q", "a€€", 30, 179, true},      // 210 bytes; byte 180 is inside a €
};

TEST_CASE("schema::bounded_term keeps short values and hashes long ones") {
  for (const BoundedCase& c : kBoundedCases) {
    CAPTURE(c.prefix);
    CAPTURE(c.unit);
    CAPTURE(c.count);
    const std::string value = repeat(c.unit, c.count);
    const std::string term = schema::bounded_term(c.prefix, value);
    CHECK(term.size() <= schema::kMaxXapianTerm);
    CHECK(utf8::is_valid(term));
    REQUIRE(term.substr(0, c.prefix.size()) == c.prefix);
    const std::string_view rest = std::string_view(term).substr(c.prefix.size());
    if (!c.hashed) {
      CHECK(rest == value);
      continue;
    }
    REQUIRE(rest.size() == c.kept_bytes + 16);
    CHECK(rest.substr(0, c.kept_bytes) == std::string_view(value).substr(0, c.kept_bytes));
    CHECK(is_hex(rest.substr(c.kept_bytes)));
    CHECK(schema::bounded_term(c.prefix, value) == term);  // deterministic
  }
}

// "values longer than 200 bytes" are hashed: a value of exactly 200 is not.
TEST_CASE("schema::bounded_term keeps a value of exactly 200 bytes") {
  const std::string value(200, 'a');
  CHECK(schema::bounded_term("Q", value) == "Q" + value);
  CHECK(schema::bounded_term("XF", value) == "XF" + value);
}

TEST_CASE("schema::bounded_term gives different long values different terms") {
  const std::string common(300, 'x');
  const std::string values[] = {
      common + "1", common + "2", common + "12", "y" + common, common, common + common,
  };
  std::vector<std::string> terms;
  for (const std::string& v : values) terms.push_back(schema::id_term(v));
  for (size_t i = 0; i < terms.size(); ++i) {
    for (size_t j = i + 1; j < terms.size(); ++j) {
      CAPTURE(i);
      CAPTURE(j);
      CHECK(terms[i] != terms[j]);
    }
  }
}

TEST_CASE("schema::id_term and file_term use their prefixes") {
  const std::string long_path = "/" + std::string(400, 'p');
  const std::string_view keys[] = {"/abs/notes/a.txt", "/data/x.jsonl#42", "/tmp/Навальный.txt",
                                   long_path};
  for (std::string_view key : keys) {
    CAPTURE(key);
    CHECK(schema::id_term(key) == schema::bounded_term(schema::kIdPrefix, key));
    CHECK(schema::file_term(key) == schema::bounded_term(schema::kFilePrefix, key));
    CHECK(schema::id_term(key).size() <= schema::kMaxXapianTerm);
    CHECK(schema::file_term(key).size() <= schema::kMaxXapianTerm);
  }
  CHECK(schema::id_term("/a.txt") == "Q/a.txt");
  CHECK(schema::file_term("/a.txt") == "XF/a.txt");
}

// ---- DocRecord ---------------------------------------------------------------

auto fields(const schema::DocRecord& r) {
  return std::tie(r.path, r.key, r.id, r.title, r.text, r.format, r.mtime, r.size, r.extra, r.author,
                  r.date, r.language, r.encoding, r.hash, r.fields, r.part, r.first_line);
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

schema::DocRecord rec(std::string path, std::string id, std::string title, std::string text,
                      std::string format, int64_t mtime, uint64_t size, Pairs extra,
                      Pairs fields = {}, std::string author = "", std::string date = "",
                      std::string language = "") {
  schema::DocRecord r;
  r.key = path;
  r.path = std::move(path);
  r.id = std::move(id);
  r.title = std::move(title);
  r.text = std::move(text);
  r.format = std::move(format);
  r.mtime = mtime;
  r.size = size;
  r.extra = std::move(extra);
  r.fields = std::move(fields);
  r.author = std::move(author);
  r.date = std::move(date);
  r.language = std::move(language);
  return r;
}

struct RecordCase {
  std::string_view name;
  schema::DocRecord record;
};

const RecordCase kRecordCases[] = {
    {"empty", {}},
    {"typical",
     rec("/abs/notes/a.txt", "/abs/notes/a.txt", "Paris café", "Cafés open late", "text",
      1700000000, 1234, {})},
    {"jsonl",
     rec("/data/x.jsonl", "42", "Title", "Body", "jsonl", 1, 2, {{"x-lang", "en"}, {"source", "wire"}},
         {{"tags", "a, b"}, {"observer", "Tomas"}}, "Ann <a@b>", "2024-05-03", "fr-CA")},
    {"limits",
     rec("/p", "p", "", "", "markdown", std::numeric_limits<int64_t>::min(),
      std::numeric_limits<uint64_t>::max(), {})},
    {"negative mtime", rec("/p", "p", "t", "x", "text", -1, 0, {})},
    {"max mtime", rec("/p", "p", "t", "x", "text", std::numeric_limits<int64_t>::max(), 7, {})},
    {"utf-8",
     rec("/tmp/Навальный/北京.txt", "😀", "Ёлка: «ёлка»", "北京是中国的首都。\nНовая строка.",
      "text", 5, 6, {{"ключ", "значение"}})},
    {"binary bytes",
     rec("/p\0q"s, "\xFF\xFE"s, "line\nbreak\r\n", "nul\0inside\x01\x80\xFF"s, "t\0"s, 9, 10,
      {{"bin"s, "\0\x01\xFF"s}, {"\xC3"s, "\x80"s}})},
    {"empty extra key and value", rec("/p", "p", "t", "x", "text", 0, 0, {{"", ""}, {"k", ""}})},
    {"long text", rec("/p", "p", "t", std::string(100000, 'w'), "text", 3, 100000, {})},
    {"part of a long text", [] {
       schema::DocRecord r = rec("/big.log", "/big.log", "t", "later lines", "text", 3, 9, {});
       r.key = "/big.log#p7";
       r.part = 7;
       r.first_line = 4000000000u;
       return r;
     }()},
};

TEST_CASE("schema::encode_record / decode_record round trip") {
  for (const RecordCase& c : kRecordCases) {
    CAPTURE(c.name);
    const std::string data = schema::encode_record(c.record);
    schema::DocRecord decoded;
    REQUIRE(schema::decode_record(data, &decoded));
    CHECK(fields(decoded) == fields(c.record));
    CHECK(schema::encode_record(decoded) == data);
  }
}

const std::string_view kGarbage[] = {
    "",
    "T",
    "hello world",
    "{\"path\":\"/a\"}",
    "\x54\x02"sv,                                  // a future record version
    "\x55\x01\x04path\x02/a"sv,                    // wrong magic
    "\x54\x01\x04path"sv,                          // key without a value
    "\x54\x01\x04path\x09/a"sv,                    // value shorter than its length
    "\x54\x01\x09pa"sv,                            // key shorter than its length
    "\x54\x01\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x01"sv,  // varint overflow
    "\x54\x01\x80"sv,                              // unfinished varint
    "\x54\x01\x04part\x010\x04text\x00"sv,          // part 0 (a whole text has none)
    "\x54\x01\x04line\x01x\x04text\x00"sv,          // a line that is not a number
};

TEST_CASE("schema::decode_record rejects garbage") {
  for (std::string_view data : kGarbage) {
    CAPTURE(data);
    schema::DocRecord record;
    CHECK_FALSE(schema::decode_record(data, &record));
  }
}

schema::DocRecord sample_record() {
  return rec("/abs/a.txt", "/abs/a.txt", "A title", "Some body text, long enough.", "text",
             1700000000, 4096, {{"x-lang", "en"}});
}

TEST_CASE("schema::decode_record rejects a record cut inside a field") {
  const std::string data = schema::encode_record(sample_record());
  // The text is the last field: every cut inside its value is detectable.
  const size_t text_size = sample_record().text.size();
  for (size_t n = data.size() - text_size; n < data.size(); ++n) {
    CAPTURE(n);
    schema::DocRecord record;
    CHECK_FALSE(schema::decode_record(std::string_view(data).substr(0, n), &record));
  }
}

// "Returns false if `data` is not a record written by encode_record": no
// proper prefix of a record is one, including cuts between two fields.
TEST_CASE("schema::decode_record rejects every truncation of a record") {
  const std::string data = schema::encode_record(sample_record());
  for (size_t n = 0; n < data.size(); ++n) {
    CAPTURE(n);
    schema::DocRecord record;
    CHECK_FALSE(schema::decode_record(std::string_view(data).substr(0, n), &record));
  }
}

// ---- hash64 --------------------------------------------------------------------

struct HashCase {
  std::string_view input;
  uint64_t hash;
};

// FNV-1a 64: offset basis 0xcbf29ce484222325, prime 0x100000001b3.
// "a": (0xcbf29ce484222325 ^ 0x61) * 0x100000001b3 mod 2^64 = 0xaf63dc4c8601ec8c.
const HashCase kHashCases[] = {
    {"", 0xcbf29ce484222325ULL},
    {"a", 0xaf63dc4c8601ec8cULL},
    {"foobar", 0x85944171f73967e8ULL},
};

TEST_CASE("schema::hash64 is FNV-1a 64") {
  for (const HashCase& c : kHashCases) {
    CAPTURE(c.input);
    CHECK(schema::hash64(c.input) == c.hash);
  }
}

TEST_CASE("schema::hash64 is deterministic and separates close inputs") {
  const std::string_view inputs[] = {"", "a", "b", "ab", "ba", "\0"sv, "\0\0"sv, "é", "e"};
  for (size_t i = 0; i < std::size(inputs); ++i) {
    CAPTURE(inputs[i]);
    CHECK(schema::hash64(inputs[i]) == schema::hash64(std::string(inputs[i])));
    for (size_t j = i + 1; j < std::size(inputs); ++j) {
      CAPTURE(inputs[j]);
      CHECK(schema::hash64(inputs[i]) != schema::hash64(inputs[j]));
    }
  }
}

}  // namespace
}  // namespace trawl
