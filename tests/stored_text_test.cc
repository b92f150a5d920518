// Stored text (common/stored_text.h) and passages from positions
// (searcher/passages.h): a long text is cut into pieces whose table is
// exact, and the snippets the searcher builds from the pieces around the
// query words' positions are the ones make_passages finds in the whole text.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "analyzer.h"
#include "schema.h"
#include "search.h"
#include "snippet.h"
#include "stored_text.h"
#include "support/temp_dir.h"
#include "support/test_index.h"

namespace trawl {
namespace {

// `lines` lines of filler; line k (from 1) is "lk: alpha bravo ... kilo"
// with its number spelled so that no two lines are alike.
std::string filler(size_t lines, const std::string& sep = "\n") {
  std::string text;
  for (size_t k = 1; k <= lines; ++k) {
    text.append("l").append(std::to_string(k));
    text.append(": alpha bravo charlie delta echo foxtrot golf hotel").append(sep);
  }
  return text;
}

// Replaces word number `word` (from 0) of line `line` (from 1) with `with`.
void put_word(std::string* text, size_t line, size_t word, const std::string& with,
              const std::string& sep = "\n") {
  size_t at = 0;
  for (size_t k = 1; k < line; ++k) at = text->find(sep, at) + sep.size();
  for (size_t w = 0; w <= word; ++w) at = text->find(' ', at) + 1;
  const size_t end = text->find_first_of(" \n", at);
  text->replace(at, end - at, with);
}

std::vector<Token> tokens_of(std::string_view text, uint32_t first = schema::kBodyPosition) {
  Analyzer a;
  std::vector<Token> tokens;
  a.analyze(text, &tokens, first);
  return tokens;
}

TEST_CASE("make_anchors: every anchor sits at a token, with its position, line and column") {
  struct Case {
    const char* name;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"many short lines", filler(2000)},
      {"one long line", filler(900, " ")},
      {"blank lines and indents", filler(700, "\n\n   ")},
      {"no spaces (Chinese)", [] {
         std::string s;
         for (int i = 0; i < 3000; ++i) s += "东京都图书馆";
         return s;
       }()},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const std::vector<Token> tokens = tokens_of(c.text);
    const auto chunks = make_anchors(c.text, tokens, schema::kBodyPosition, 512);
    REQUIRE(chunks.size() > 2);
    CHECK(chunks[0].byte == 0);
    for (size_t i = 1; i < chunks.size(); ++i) {
      const auto& ch = chunks[i];
      CAPTURE(i);
      CHECK(ch.byte > chunks[i - 1].byte);
      CHECK(ch.byte - chunks[i - 1].byte <= 512 + 64 + 32);
      auto t = std::find_if(tokens.begin(), tokens.end(),
                            [&](const Token& tk) { return !tk.alias && tk.begin == ch.byte; });
      REQUIRE(t != tokens.end());
      CHECK(ch.pos == t->pos - schema::kBodyPosition);
      const std::string_view before(c.text.data(), ch.byte);
      CHECK(ch.line == 1 + std::count(before.begin(), before.end(), '\n'));
      const size_t nl = before.rfind('\n');
      CHECK(ch.column == ch.byte - (nl == std::string_view::npos ? 0 : nl + 1));
    }
  }
}

TEST_CASE("pack_piece: pieces come back byte for byte; damage reads as empty") {
  const std::vector<std::string> pieces = {"", "x", filler(60), std::string(5000, '\0'),
                                           "caf\xc3\xa9 \xe4\xb8\x9c\xe4\xba\xac", [] {
                                             std::string s;  // incompressible
                                             uint64_t x = 88172645463325252ULL;
                                             for (int i = 0; i < 3000; ++i) {
                                               x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                                               s.push_back(static_cast<char>(x));
                                             }
                                             return s;
                                           }()};
  for (const std::string& p : pieces) {
    CAPTURE(p.size());
    const std::string stored = pack_piece(p);
    CHECK(stored.size() <= p.size() + 1);
    CHECK(unpack_piece(stored) == p);
  }
  CHECK(pack_piece(filler(60)).size() < filler(60).size() / 2);
  const std::string good = pack_piece(filler(60));
  for (const std::string& bad : {std::string("q") + good.substr(1), good.substr(0, good.size() / 2),
                                 std::string("z"), std::string("zzzz")}) {
    CHECK(unpack_piece(bad).empty());
  }
}

TEST_CASE("schema: a record's anchors survive encoding") {
  schema::DocRecord r;
  r.path = "/a";
  r.text_id = "0123456789abcdef";
  r.body_tokens = 99999;
  r.anchors = {{0, 0, 1, 0}, {4100, 700, 90, 0}, {8300, 1390, 90, 4100}, {70000, 12000, 2000, 3}};
  schema::DocRecord back;
  REQUIRE(schema::decode_record(schema::encode_record(r), &back));
  CHECK(back.text_id == r.text_id);
  CHECK(back.body_tokens == r.body_tokens);
  REQUIRE(back.anchors.size() == r.anchors.size());
  for (size_t i = 0; i < r.anchors.size(); ++i) {
    CHECK(back.anchors[i].byte == r.anchors[i].byte);
    CHECK(back.anchors[i].pos == r.anchors[i].pos);
    CHECK(back.anchors[i].line == r.anchors[i].line);
    CHECK(back.anchors[i].column == r.anchors[i].column);
  }
}

TEST_CASE("take_pieces: a long text's anchors go beside its pieces and come back") {
  Analyzer analyzer;
  struct Case {
    const char* name;
    size_t paragraphs;
  };
  const Case cases[] = {{"one piece", 4}, {"a few pieces", 40}, {"many pieces", 400}};
  for (const Case& c : cases) {
    CAPTURE(c.name);
    schema::DocRecord r;
    r.path = "/long";
    r.text = filler(c.paragraphs);
    std::vector<Token> tokens;
    const uint32_t end = analyzer.analyze(r.text, &tokens, schema::kBodyPosition);
    r.anchors = make_anchors(r.text, tokens, schema::kBodyPosition);
    r.body_tokens = end - schema::kBodyPosition;
    const std::vector<schema::TextAnchor> want = r.anchors;
    const std::string text = r.text;
    const auto stored = take_pieces(&r);
    // The record keeps only the count, and names every key written.
    CHECK(r.anchors.empty());
    CHECK(r.text.empty());
    CHECK(r.stored_anchors == want.size());
    std::vector<std::string> keys;
    for (const auto& [key, value] : stored) keys.push_back(key);
    CHECK(keys == text_keys(r));
    CHECK(keys.back() == anchors_key(r.text_id));
    CHECK(stored.back().second.substr(0, 1) == "r");  // anchors uncompressed
    schema::DocRecord back;
    REQUIRE(schema::decode_record(schema::encode_record(r), &back));
    CHECK(back.stored_anchors == r.stored_anchors);
    CHECK(back.body_tokens == r.body_tokens);
    CHECK(back.anchors.empty());

    Xapian::WritableDatabase db = testing::scratch_db();
    for (const auto& [key, value] : stored) db.set_metadata(key, value);
    db.commit();
    REQUIRE(load_anchors(db, &back));
    REQUIRE(back.anchors.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      CHECK(back.anchors[i].byte == want[i].byte);
      CHECK(back.anchors[i].pos == want[i].pos);
      CHECK(back.anchors[i].line == want[i].line);
    }
    CHECK(read_anchors(db, back, 0, back.anchors.size()).text == text);
    // Anchors written by earlier versions, zstd-compressed, load the same.
    schema::DocRecord earlier;
    earlier.body_tokens = r.body_tokens;
    earlier.anchors = want;
    db.set_metadata(anchors_key(r.text_id), pack_piece(schema::encode_anchors(earlier)));
    db.commit();
    schema::DocRecord old;
    REQUIRE(schema::decode_record(schema::encode_record(r), &old));
    REQUIRE(load_anchors(db, &old));
    CHECK(old.anchors.size() == want.size());
    CHECK(old.anchors.back().byte == want.back().byte);
    // Damaged or missing anchors: no anchors, and load_anchors says so.
    for (const std::string& bad : {std::string(), std::string("zzz"), pack_piece("\x05")}) {
      db.set_metadata(anchors_key(r.text_id), bad);
      db.commit();
      schema::DocRecord again;
      REQUIRE(schema::decode_record(schema::encode_record(r), &again));
      CHECK_FALSE(load_anchors(db, &again));
      CHECK(again.anchors.empty());
    }
  }
}

// The file a test's read_anchors reads texts kept in their files from.
std::string fake_file;
bool read_fake(const std::string&, uint64_t offset, size_t length, std::string* out) {
  if (offset > fake_file.size() || length > fake_file.size() - offset) return false;
  *out = fake_file.substr(offset, length);
  return true;
}
bool read_nothing(const std::string&, uint64_t, size_t, std::string*) { return false; }

TEST_CASE("take_pieces: a text in its file leaves checks, not pieces, and is read back checked") {
  Analyzer analyzer;
  const std::string head = "header bytes before the text\n";  // the text starts at byte 29
  const std::string text = filler(400);
  schema::DocRecord r;
  r.path = "/book.txt";
  r.text = text;
  r.file_offset = static_cast<int64_t>(head.size());
  std::vector<Token> tokens;
  const uint32_t end = analyzer.analyze(r.text, &tokens, schema::kBodyPosition);
  r.anchors = make_anchors(r.text, tokens, schema::kBodyPosition);
  r.body_tokens = end - schema::kBodyPosition;
  const size_t count = r.anchors.size();
  const size_t pieces = (count + kAnchorsPerPiece - 1) / kAnchorsPerPiece;
  REQUIRE(pieces > 3);
  const auto stored = take_pieces(&r);
  REQUIRE(stored.size() == 1);  // the anchors (with the checks) only
  CHECK(stored[0].first == anchors_key(r.text_id));
  CHECK(text_keys(r) == std::vector<std::string>{anchors_key(r.text_id)});
  CHECK(r.file_length == text.size());
  CHECK(r.text.empty());
  Xapian::WritableDatabase db = testing::scratch_db();
  db.set_metadata(stored[0].first, stored[0].second);
  db.commit();
  schema::DocRecord back;
  REQUIRE(schema::decode_record(schema::encode_record(r), &back));
  CHECK(back.file_offset == r.file_offset);
  CHECK(back.file_length == text.size());
  REQUIRE(load_anchors(db, &back));
  CHECK(back.anchors.size() == count);
  CHECK(back.piece_checks.size() == pieces);

  // Where the file differs from what was indexed, the pieces that hold the
  // difference are unread; the others still read.
  const size_t piece2 = back.anchors[2 * kAnchorsPerPiece].byte;  // piece 2 starts here
  struct Case {
    const char* name;
    std::string file;
    ReadFileRange reader;
    bool whole_unread;    // reading every piece fails
    bool first_read;      // pieces 0-1 still read
  };
  std::string changed = head + text;
  changed[head.size() + piece2 + 10] ^= 0x20;
  const Case cases[] = {
      {"unchanged", head + text, read_fake, false, true},
      {"grown at the end", head + text + "more lines\n", read_fake, false, true},
      {"a byte of piece 2 changed", changed, read_fake, true, true},
      {"shorter", head + text.substr(0, text.size() - 100), read_fake, true, true},
      {"shifted by a byte", "x" + head + text, read_fake, true, false},
      {"gone", head + text, read_nothing, true, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    fake_file = c.file;
    const TextPiece all = read_anchors(db, back, 0, count, c.reader);
    CHECK(all.unread == c.whole_unread);
    CHECK(all.text == (c.whole_unread ? std::string() : text));
    const size_t last_of_1 = 2 * kAnchorsPerPiece - 1;
    const TextPiece first = read_anchors(db, back, 3, last_of_1, c.reader);
    CHECK(first.unread == !c.first_read);
    if (c.first_read) {
      CHECK(first.text == text.substr(back.anchors[3].byte, piece2 - back.anchors[3].byte));
    }
  }
  fake_file.clear();
}

TEST_CASE("read_file_range: regular files only, within their length and the bound") {
  testing::TempDir dir;
  const std::string file = dir / "a.txt";
  std::ofstream(file) << "0123456789";
  REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
  struct Case {
    const char* name;
    std::string path;
    uint64_t offset;
    size_t length;
    bool ok;
    const char* text;
  };
  const Case cases[] = {
      {"inside", file, 2, 5, true, "23456"},
      {"to the end", file, 7, 3, true, "789"},
      {"nothing at the end", file, 10, 0, true, ""},
      {"past the end", file, 8, 3, false, ""},
      {"missing", dir / "none.txt", 0, 1, false, ""},
      {"a folder", dir.path(), 0, 1, false, ""},
      {"a FIFO (would block)", dir / "fifo", 0, 1, false, ""},
      {"over the bound", file, 0, kMaxFileRead + 1, false, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::string out;
    CHECK(read_file_range(c.path, c.offset, c.length, &out) == c.ok);
    if (c.ok) CHECK(out == c.text);
  }
}

TEST_CASE("schema: a text in its file keeps its offset, length and piece checks") {
  schema::DocRecord r;
  r.path = "/a";
  r.text_id = "0123456789abcdef";
  r.file_offset = 5000000000;  // past 32 bits
  r.file_length = 123456;
  r.anchors = {{0, 0, 1, 0}, {600, 90, 9, 0}};
  r.piece_checks = {0x0123456789abcdefULL, 0, ~0ULL};
  schema::DocRecord back;
  REQUIRE(schema::decode_record(schema::encode_record(r), &back));
  CHECK(back.file_offset == r.file_offset);
  CHECK(back.file_length == r.file_length);
  schema::DocRecord with_checks;
  REQUIRE(schema::decode_anchors(schema::encode_anchors(r), &with_checks));
  CHECK(with_checks.piece_checks == r.piece_checks);
  CHECK(with_checks.anchors.size() == 2);
  // Anchors written without checks (copies, and earlier versions) still
  // decode; cut checks do not.
  r.piece_checks.clear();
  schema::DocRecord without;
  REQUIRE(schema::decode_anchors(schema::encode_anchors(r), &without));
  CHECK(without.piece_checks.empty());
  r.piece_checks = {1, 2};
  const std::string encoded = schema::encode_anchors(r);
  schema::DocRecord cut;
  CHECK_FALSE(schema::decode_anchors(encoded.substr(0, encoded.size() - 3), &cut));
  // A record without the offset is a stored text.
  schema::DocRecord plain;
  plain.path = "/b";
  schema::DocRecord plain_back;
  REQUIRE(schema::decode_record(schema::encode_record(plain), &plain_back));
  CHECK(plain_back.file_offset == -1);
}

TEST_CASE("piece_check: differs for any change, the same on every run") {
  const std::string base = filler(30);
  const uint64_t check = piece_check(base);
  CHECK(piece_check(base) == check);
  std::vector<std::string> others = {base.substr(1), base + " ", base.substr(0, base.size() - 1), ""};
  for (size_t at : {size_t{0}, size_t{7}, size_t{8}, base.size() / 2, base.size() - 1}) {
    std::string flipped = base;
    flipped[at] ^= 1;
    others.push_back(flipped);
  }
  for (const std::string& other : others) CHECK(piece_check(other) != check);
  CHECK(piece_check("") != piece_check(std::string(1, '\0')));  // the length counts
}

// What make_passages finds in the whole text, for single stemmed words.
std::vector<Snippet> reference(const std::string& text, const std::vector<std::string>& words,
                               size_t count) {
  TermMatcher m{Xapian::Stem("english")};
  for (const std::string& w : words) m.add_stem(Xapian::Stem("english")(w));
  SnippetOptions so;
  return make_passages(text, tokens_of(text), m, so, count);
}

TEST_CASE("passages of an anchored text: the text around the positions gives the whole text's") {
  struct Case {
    const char* name;
    size_t lines;  // 100: kept in the record; 2000: stored in pieces
    std::string sep;
    std::vector<std::tuple<size_t, size_t, std::string>> words;  // line, word, word
    std::string query;
    size_t passages;
  };
  const std::vector<Case> cases = {
      {"one word in the middle", 2000, "\n", {{1000, 3, "glacier"}}, "glacier", 1},
      {"on the first line", 2000, "\n", {{1, 0, "glacier"}}, "glacier", 1},
      {"on the last line", 2000, "\n", {{2000, 7, "glacier"}}, "glacier", 1},
      {"both words together beat one alone", 2000, "\n",
       {{100, 2, "glacier"}, {1500, 2, "glacier"}, {1500, 4, "calved"}}, "glacier calved", 1},
      {"three passages far apart", 2000, "\n",
       {{50, 1, "kelp"}, {900, 5, "kelp"}, {1800, 6, "kelp"}}, "kelp", 3},
      {"one long line", 2000, " ", {{6000, 0, "glacier"}}, "glacier", 1},
      {"inflected forms", 2000, "\n", {{700, 1, "glaciers"}, {1300, 2, "calving"}}, "glacier", 2},
      {"inline: one word", 100, "\n", {{60, 3, "glacier"}}, "glacier", 1},
      {"inline: on the last line", 100, "\n", {{100, 7, "glacier"}}, "glacier", 1},
      {"inline: two passages", 100, "\n", {{10, 1, "kelp"}, {90, 5, "kelp"}}, "kelp", 2},
      {"inline: one long line", 100, " ", {{500, 0, "glacier"}}, "glacier", 1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::string text = filler(c.lines, c.sep);
    std::vector<std::string> words;
    for (const auto& [line, word, w] : c.words) put_word(&text, line, word, w, c.sep);
    for (auto w = c.query.find_first_not_of(' '); w != std::string::npos;) {
      auto e = c.query.find(' ', w);
      words.push_back(c.query.substr(w, e - w));
      w = e == std::string::npos ? e : c.query.find_first_not_of(' ', e);
    }
    const bool inline_text = text.size() <= kInlineTextBytes;
    REQUIRE(text.size() >= kMinAnchoredBytes);
    Xapian::WritableDatabase db = testing::make_index({{"/long.txt", "Long", text}});
    searcher::Searcher s(db, "test");
    searcher::SearchOptions o;
    o.query = c.query;
    o.mode = searcher::OutputMode::kJson;
    o.passages = c.passages;
    o.check_fresh = false;
    const searcher::SearchResult r = s.search(o);
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].record.text_id.empty() == inline_text);
    CHECK(!r.hits[0].record.anchors.empty());
    const std::vector<Snippet> want = reference(text, words, c.passages);
    const std::vector<Snippet>& got = r.hits[0].passages;
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      CHECK(got[i].text == want[i].text);
      CHECK(got[i].highlights == want[i].highlights);
      CHECK(got[i].start == want[i].start);
      CHECK(got[i].line == want[i].line);
      CHECK(got[i].column == want[i].column);
    }
  }
}

TEST_CASE("passages -C of an anchored text: the lines around the positions are the whole text's") {
  struct Case {
    const char* name;
    size_t lines;
    std::vector<std::pair<size_t, size_t>> at;  // line, word of "glacier"
    int context;
    size_t passages;
  };
  const std::vector<Case> cases = {
      {"middle of a long text", 2000, {{1000, 3}}, 2, 1},
      {"first line", 2000, {{1, 0}}, 3, 1},
      {"last line", 2000, {{2000, 7}}, 3, 1},
      {"two blocks far apart", 2000, {{50, 1}, {1800, 6}}, 1, 2},
      {"overlapping blocks merge", 2000, {{700, 1}, {706, 2}}, 3, 2},
      {"many lines of context", 2000, {{900, 4}}, 40, 1},
      {"inline text", 100, {{60, 3}}, 2, 1},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string_view(c.name));
    std::string text = filler(c.lines);
    for (const auto& [line, word] : c.at) put_word(&text, line, word, "glacier");
    Xapian::WritableDatabase db = testing::make_index({{"/long.txt", "Long", text}});
    searcher::Searcher s(db, "test");
    searcher::SearchOptions o;
    o.query = "glacier";
    o.mode = searcher::OutputMode::kJson;
    o.passages = c.passages;
    o.context = LineContext{c.context, c.context};
    o.check_fresh = false;
    const searcher::SearchResult r = s.search(o);
    REQUIRE(r.hits.size() == 1);
    TermMatcher m{Xapian::Stem("english")};
    m.add_stem(Xapian::Stem("english")("glacier"));
    SnippetOptions so;
    so.context = LineContext{c.context, c.context};
    const std::vector<Snippet> want = make_passages(text, tokens_of(text), m, so, c.passages);
    const std::vector<Snippet>& got = r.hits[0].passages;
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      CAPTURE(got[i].text);
      CAPTURE(want[i].text);
      CHECK(got[i].text == want[i].text);
      CHECK(got[i].first_line == want[i].first_line);
      CHECK(got[i].line == want[i].line);
      CHECK(got[i].highlights == want[i].highlights);
    }
  }
}

TEST_CASE("passages of a page of hits: each hit's own forms are found, and only those") {
  // prepare() notes which forms each hit holds from the posting lists; a
  // form it missed would lose its highlight, one it invented would cost a
  // lookup only. Each document holds different forms of the query's words.
  struct Doc {
    const char* path;
    size_t lines;
    std::vector<std::tuple<size_t, size_t, std::string>> words;  // line, word, word
  };
  const std::vector<Doc> docs = {
      {"/a.txt", 100, {{20, 1, "glaciers"}, {80, 2, "glacier"}}},
      {"/b.txt", 2000, {{10, 3, "glacier"}, {1990, 4, "glaciers"}}},
      {"/c.txt", 100, {{50, 5, "glaciers"}, {51, 0, "calving"}}},
      {"/d.txt", 2000, {{1000, 1, "glacier"}, {1000, 3, "calved"}}},
      {"/e.txt", 100, {{5, 5, "kelp"}}},  // no match: not a hit
  };
  std::vector<testing::TestDoc> index;
  std::vector<std::string> texts;
  for (const Doc& d : docs) {
    std::string text = filler(d.lines);
    for (const auto& [line, word, w] : d.words) put_word(&text, line, word, w);
    texts.push_back(text);
    index.push_back({d.path, "Doc", text});
  }
  Xapian::WritableDatabase db = testing::make_index(index);
  struct Query {
    const char* text;
    std::vector<std::string> words;
  };
  for (const Query& q :
       {Query{"glacier", {"glacier"}}, Query{"glacier OR calve", {"glacier", "calve"}}}) {
    const char* query = q.text;
    CAPTURE(std::string_view(query));
    searcher::Searcher s(db, "test");
    searcher::SearchOptions o;
    o.query = query;
    o.mode = searcher::OutputMode::kJson;
    o.passages = 2;
    o.check_fresh = false;
    o.collapse = false;  // the filler makes them near-duplicates
    const searcher::SearchResult r = s.search(o);
    REQUIRE(r.hits.size() == 4);
    for (const searcher::Hit& hit : r.hits) {
      const size_t k = std::find_if(docs.begin(), docs.end(),
                                    [&](const Doc& d) { return hit.record.path == d.path; }) -
                       docs.begin();
      REQUIRE(k < 4);
      CAPTURE(std::string_view(docs[k].path));
      const std::vector<Snippet> want = reference(texts[k], q.words, 2);
      REQUIRE(hit.passages.size() == want.size());
      for (size_t i = 0; i < want.size(); ++i) {
        CHECK(hit.passages[i].text == want[i].text);
        CHECK(hit.passages[i].highlights == want[i].highlights);
      }
    }
  }
}

TEST_CASE("passages of a long text: a word at every piece's edge is found and lit") {
  std::string text = filler(1500);
  const std::vector<Token> tokens = tokens_of(text);
  const auto chunks = make_anchors(text, tokens, schema::kBodyPosition);
  // A word of the same length as the one it replaces keeps the table.
  for (size_t i : {size_t{1}, chunks.size() / 2, chunks.size() - 1}) {
    CAPTURE(i);
    std::string t = text;
    const size_t at = chunks[i].byte;
    const size_t before = t.rfind(' ', at - 2) + 1;  // the word before the edge ("hotel")
    const size_t len = t.find(':', at) - at;           // the first at it ("l123")
    const std::string first = "zq" + std::string(len - 2, 'x');
    t.replace(at, len, first);
    t.replace(before, 5, "zebra");
    for (const auto& edge : std::vector<std::pair<std::string, std::string>>{
             {"after", first}, {"before", "zebra"}, {"across", "zebra " + first}}) {
      const std::string& name = edge.first;  // (clang 14 cannot capture a structured binding)
      const std::string& query = edge.second;
      CAPTURE(name);
      Xapian::WritableDatabase db = testing::make_index({{"/edge.txt", "Edge", t}});
      searcher::Searcher s(db, "test");
      searcher::SearchOptions o;
      o.query = query;
      o.mode = searcher::OutputMode::kJson;
      o.check_fresh = false;
      const auto r = s.search(o);
      REQUIRE(r.hits.size() == 1);
      const Snippet& got = r.hits[0].snippet;
      const Snippet want = reference(t, {"zebra", first}, 1).front();
      if (name != "before") CHECK(got.text.find(first) != std::string::npos);
      if (name != "after") CHECK(got.text.find("zebra") != std::string::npos);
      CHECK(!got.highlights.empty());
      if (name == "across") {
        CHECK(got.text == want.text);
        CHECK(got.line == want.line);
        CHECK(got.column == want.column);
      }
    }
  }
}

}  // namespace
}  // namespace trawl
