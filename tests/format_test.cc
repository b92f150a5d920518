// Extractors: titles, bodies and per-record problems, from bytes.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract_file.h"
#include "formats/encoding.h"
#include "formats/format.h"

namespace trawl::indexer {
namespace {

struct TitleCase {
  std::string_view text;
  std::string_view title;
};

const TitleCase kTitles[] = {
    {"Headline here\n\nBody text.", "Headline here"},
    {"\n\n  Spaced headline  \nBody", "Spaced headline"},
    {"Friday, May 3, 2024\nThe real title\n\nBody", "The real title"},
    {"2024-05-03\nTitle after ISO date\nBody", "Title after ISO date"},
    {"3 May 2024 10:30 UTC\nTitle after time\nBody", "Title after time"},
    {"HomeRegional UpdateCanada and CaribbeanCanada\nReal headline\nBody", "Real headline"},
    {"Home > World > Europe\nEurope headline\nBody", "Europe headline"},
    {"Home » Politics\nPolitics headline\nBody", "Politics headline"},
    {"-\n***\nAfter separators\nBody", "After separators"},
    {"May the best team win\nBody", "May the best team win"},
    {"Apple | Review of the phone\nBody", "Apple | Review of the phone"},
    {"", ""},
};

TEST_CASE("find_title: the first line that looks like a headline; the body is the whole text") {
  for (const TitleCase& c : kTitles) {
    CAPTURE(c.text);
    CHECK(find_title(c.text).title == c.title);
    Extraction ex;
    REQUIRE(extract_text(c.text, {}, &ex).ok());
    REQUIRE(ex.docs.size() == 1);
    CHECK(ex.docs[0].body == c.text);  // the whole text: the title line stays in the body
  }
}

TEST_CASE("find_title: a paragraph yields its first sentence and stays in the body") {
  std::string para =
      "Canada and its allies on Friday called on the government to release the prisoners being "
      "held. The sanctions target officials over abuses committed against citizens who "
      "protested after the election.";
  CHECK(find_title(para + "\nMore text.").title ==
        "Canada and its allies on Friday called on the government to release the prisoners being "
        "held");
  Extraction ex;
  REQUIRE(extract_text(para + "\nMore text.", {}, &ex).ok());
  CHECK(ex.docs[0].body.find("called on the government") != std::string::npos);
}

struct DateCase {
  std::string_view line;
  bool date;
};

const DateCase kDates[] = {
    {"Friday, May 3, 2024", true},   {"2024-05-03", true},      {"3/5/2024", true},
    {"Tue 4 Mar 2025 09:00 UTC", true}, {"May 2024", true},     {"1st June", true},
    {"May the fourth", false},       {"Friday", false},         {"Updated 2024", false},
    {"2024 sanctions", false},       {"", false},
};

TEST_CASE("looks_like_date") {
  for (const DateCase& c : kDates) {
    CAPTURE(c.line);
    CHECK(looks_like_date(c.line) == c.date);
  }
}

TEST_CASE("decode_text: BOM, CRLF, invalid UTF-8, binary") {
  std::string text;
  REQUIRE(decode_text("\xEF\xBB\xBFhi\r\nthere\rend", {}, &text).ok());
  CHECK(text == "hi\nthere\nend");
  REQUIRE(decode_text("caf\xE9!", {}, &text).ok());
  CHECK(text == "café!");  // not UTF-8: read as windows-1252
  Status s = decode_text(std::string_view("a\0b", 3), {}, &text);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("binary") != std::string::npos);
}

TEST_CASE("note_file_text: a text that is its file's bytes, or those with CRLF lines, says where") {
  struct Case {
    std::string_view name;
    std::string_view bytes;
    int64_t offset;  // from byte 100 of the file; -1: not the file's bytes
    bool crlf;
  };
  // clang-format off
  const Case cases[] = {
      {"UTF-8 as it is",           "Title\nline two\n",            100, false},
      {"no line end at the end",   "Title\nlast",                   100, false},
      {"BOM passed over",          "\xEF\xBB\xBFTitle\nline\n",     103, false},
      {"CRLF lines",               "Title\r\nline two\r\n",        100, true},
      {"BOM and CRLF lines",       "\xEF\xBB\xBFTitle\r\nline\r\n", 103, true},
      {"CRLF lines and a lone LF", "Title\r\nline\nthree\r\n",     -1,  false},
      {"a lone CR",                "Title\rline\r\n",              -1,  false},
      {"windows-1252",             "caf\xE9\nline\n",               -1,  false},
  };
  // clang-format on
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::string text;
    REQUIRE(decode_text(c.bytes, {}, &text).ok());
    ExtractedDoc doc;
    note_file_text(c.bytes, text, 100, &doc);
    CHECK(doc.file_offset == c.offset);
    CHECK(doc.file_crlf == c.crlf);
  }
}

TEST_CASE("decode_text_view: clean UTF-8 is not copied; anything else is decoded") {
  struct Case {
    std::string_view bytes;
    std::string encoding_option;  // --encoding
    bool viewed;                  // *text points into `bytes`
    std::string_view text;
    std::string_view encoding;
  };
  // clang-format off
  const Case cases[] = {
      {"plain words\nline two\n",  "",             true,  "plain words\nline two\n", "UTF-8"},
      {"caf\xC3\xA9 \xE2\x80\x94 ok", "",        true,  "caf\xC3\xA9 \xE2\x80\x94 ok", "UTF-8"},
      {"\xEF\xBB\xBFwith mark",     "",             false, "with mark",            "UTF-8"},
      {"a\r\nb",                    "",             false, "a\nb",                 "UTF-8"},
      {"caf\xE9",                    "",             false, "caf\xC3\xA9",          "windows-1252"},
      {"plain",                      "windows-1252", false, "plain",                "windows-1252"},
  };
  // clang-format on
  for (const Case& c : cases) {
    CAPTURE(c.bytes);
    ExtractOptions options;
    options.encoding = c.encoding_option;
    std::string storage, encoding;
    std::string_view text;
    REQUIRE(decode_text_view(c.bytes, options, &storage, &text, &encoding).ok());
    CHECK(text == c.text);
    CHECK(encoding == c.encoding);
    CHECK((text.data() == c.bytes.data()) == c.viewed);
    std::string copied;  // the same text as decode_text gives
    REQUIRE(decode_text(c.bytes, options, &copied).ok());
    CHECK(copied == text);
  }
  std::string storage, encoding;
  std::string_view text;
  CHECK_FALSE(decode_text_view(std::string_view("a\0b", 3), {}, &storage, &text, &encoding).ok());
}

TEST_CASE("extract_markdown: heading as title, markup stripped") {
  Extraction ex;
  REQUIRE(extract_markdown("Intro line\n\n# The **Big** Title\n\nSome *emphasis* and "
                           "[a link](http://example.org) and `code`.\n\n- item one\n- item two\n",
                           {}, &ex)
              .ok());
  REQUIRE(ex.docs.size() == 1);
  CHECK(ex.docs[0].title == "The Big Title");
  const std::string& body = ex.docs[0].body;
  CHECK(body.find("Some emphasis and a link and code.") != std::string::npos);
  CHECK(body.find("http://example.org") == std::string::npos);
  CHECK(body.find("item two") != std::string::npos);
  CHECK(body.find("Intro line") != std::string::npos);
  CHECK(body.find("The Big Title") != std::string::npos);  // the title stays in the body
}

TEST_CASE("extract_markdown: front matter title wins, setext heading works") {
  Extraction ex;
  REQUIRE(extract_markdown("---\ntitle: \"From YAML\"\ndate: 2024-01-01\n---\n# Heading\nText\n", {}, &ex).ok());
  CHECK(ex.docs[0].title == "From YAML");
  CHECK(ex.docs[0].body.find("date:") == std::string::npos);
  Extraction ex2;
  REQUIRE(extract_markdown("Setext Title\n============\n\nBody\n", {}, &ex2).ok());
  CHECK(ex2.docs[0].title == "Setext Title");
}

// --passages and --vimgrep give line numbers of the stored body: they must
// be the file's. Each word below occurs once in its source.
struct LineCase {
  bool markdown;
  std::string_view source;
  std::vector<std::string_view> words;
};

size_t line_of(std::string_view text, std::string_view word) {
  size_t at = text.find(word);
  REQUIRE(at != std::string_view::npos);
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

const LineCase kLines[] = {
    {false, "Title line\n\nfirst para\nsecond line\n\n\nlast", {"first", "second", "last"}},
    {false, "Monday, 3 March 2025\nTitle\nbody one\nbody two", {"Monday", "one", "two"}},
    {true, "# Title\n\nPara *one* wraps\nonto two\n\n## Sub\n\n- item a\n- item b\n",
     {"one", "onto", "Sub", "item a", "item b"}},
    {true, "---\ntitle: T\ntags: x\n---\n\nAfter **front** matter\n\n> quoted\n> lines\n",
     {"front", "quoted", "lines"}},
    {true, "Intro\n\n```\ncode here\nmore code\n```\n\n    indented code\n\nEnd\n",
     {"code here", "more code", "indented", "End"}},
};

TEST_CASE("extractors keep the file's line numbers in the body") {
  for (const LineCase& c : kLines) {
    CAPTURE(c.source);
    Extraction ex;
    REQUIRE((c.markdown ? extract_markdown(c.source, {}, &ex) : extract_text(c.source, {}, &ex)).ok());
    for (std::string_view w : c.words) {
      CAPTURE(w);
      CHECK(line_of(ex.docs[0].body, w) == line_of(c.source, w));
    }
  }
}

TEST_CASE("extract_jsonl: good records kept, bad lines reported with line numbers") {
  Extraction ex;
  REQUIRE(extract_jsonl("{\"_id\":\"a\",\"title\":\"T\",\"text\":\"x\"}\n"
                        "{broken\n"
                        "\n"
                        "{\"id\":7,\"text\":\"numeric id\"}\n"
                        "[1,2]\n"
                        "{\"title\":\"no id\"}\n"
                        "{\"_id\":\"e\",\"text\":5}\n"
                        "{\"_id\":\"f\"}\n",
                        {}, &ex)
              .ok());
  REQUIRE(ex.docs.size() == 2);
  CHECK(ex.docs[0].id == "a");
  CHECK(ex.docs[0].key_suffix == "#a");
  CHECK(ex.docs[1].id == "7");
  REQUIRE(ex.problems.size() == 5);
  CHECK(ex.problems[0].rfind("line 2: invalid JSON", 0) == 0);
  CHECK(ex.problems[1].rfind("line 5: not a JSON object", 0) == 0);
  CHECK(ex.problems[2].rfind("line 6: no \"_id\"", 0) == 0);
  CHECK(ex.problems[3].rfind("line 7: field \"text\"", 0) == 0);
  CHECK(ex.problems[4].rfind("line 8: no \"title\" or \"text\"", 0) == 0);
}

struct FormatCase {
  std::string_view path;
  std::string_view format;  // "" = not indexed
};

const FormatCase kFormats[] = {
    {"/a/b.txt", "text"},      {"/a/B.TXT", "text"},      {"/a/notes.md", "markdown"},
    {"/a/x.markdown", "markdown"}, {"/a/d.jsonl", "jsonl"}, {"/a/d.ndjson", "jsonl"},
    {"/a/.md", ""},            {"/a/img.png", ""},        {"/a/txt", ""},
};

TEST_CASE("find_format: by extension") {
  for (const FormatCase& c : kFormats) {
    CAPTURE(c.path);
    const Format* f = find_format(c.path);
    CHECK((f ? f->name : std::string_view()) == c.format);
  }
}

// Files whose extension tells nothing: the format from the first bytes.
struct SniffCase {
  std::string_view name;
  std::string bytes;
  std::string_view format;  // "" = binary, not indexed
};

const SniffCase kSniffs[] = {
    {"PDF", "%PDF-1.7\n%\xE2\xE3", "pdf"},
    {"RTF", "{\\rtf1\\ansi Hello}", "rtf"},
    {"HTML doctype after a BOM", "\xEF\xBB\xBF\n<!DOCTYPE html><p>x", "html"},
    {"PNG", "\x89PNG\r\n\x1A\n", ""},
    {"gzip", "\x1F\x8B\x08\x00", ""},
    {"Thunderbird summary (Mork)", "// <!-- <mdb:mork:z v=\"1.4\"/> -->\n< <(a=c)>", ""},
    {"Thunderbird Inbox", "From - Mon Jan  1 00:00:00 2024\nX-Mozilla-Status: 0001\n", "mbox"},
    {"mbox, From: later", "From a@b Mon Jan  1 00:00:00 2024\nReceived: by x\nFrom: a@b\n", "mbox"},
    {"prose that starts with From", "From here on the road\nclimbs: slowly\n", "text"},
    {"From line without a time", "From a@b on Monday\nSubject: x\n", "text"},
    {"From line alone", "From a@b Mon Jan  1 00:00:00 2024", "text"},
    {"header before the From line", "Subject: x\nFrom a@b\nTo: c\n", "text"},
    {"lower-case from", "from a@b\nSubject: x\n", "text"},
    {"plain text", "Shopping list\n\neggs, flour\n", "text"},
    {"Maildir message",
     "Return-Path: <a@b>\nReceived: from x\n\tby y\nFrom: A <a@b>\n"
     "Subject: Hi\nDate: Mon, 1 Jan 2024\n\nBody\n",
     "email"},
    {"MH message, CRLF", "From: a@b\r\nDate: Mon, 1 Jan 2024\r\n\r\nBody\r\n", "email"},
    {"message cut by 8 KiB", "From: a@b\nSubject: Hi\nX-Long: " + std::string(9000, 'x'), "email"},
    {"fields but no From", "Title: Plans\nDate: today\n\nBody\n", "text"},
    {"From but no Date or Subject", "From: a@b\n\nHello\n", "text"},
    {"a field, then prose", "Subject: x\nthis line is prose: yes\nFrom: a\n", "text"},
    {"folded line first", " From: a@b\nSubject: x\n\n", "text"},
};

TEST_CASE("sniff_format: signatures and text vs binary") {
  for (const SniffCase& c : kSniffs) {
    CAPTURE(c.name);
    const Format* f = sniff_format(c.bytes);
    CHECK((f ? f->name : std::string_view()) == c.format);
  }
}

// Which files are read in pieces, and as what.
struct PiecesCase {
  std::string_view path;
  std::string_view head;    // first bytes
  std::string_view format;  // "" = read whole
  uint64_t size = 0;        // bytes (text parts are 2 MiB at the default --memory)
};

const PiecesCase kPieces[] = {
    {"a/b.tar.gz", "", "archive"},
    {"a/d.jsonl", "", "jsonl"},
    {"a/d.jsonl.gz", "", ""},
    {"a/box.mbox", "", "mbox"},
    {"a/Inbox", "From - Mon Jan  1 00:00:00 2024\nX-Account-Key: a1\n", "mbox"},
    {"a/Inbox", "Dear all,\n", ""},
    {"a/Inbox.gz", "From - Mon Jan  1 00:00:00 2024\nX-Account-Key: a1\n", ""},
    {"a/notes.txt", "From - Mon Jan  1 00:00:00 2024\nX-Account-Key: a1\n", ""},
    {"a/x.conv", "From - Mon Jan  1 00:00:00 2024\nX-Account-Key: a1\n", ""},  // filter
    {"a/x.conv.jsonl", "", "jsonl"},
    // Text longer than a part is read a part at a time; other formats whole.
    {"a/app.log", "", "text", 3u << 20},
    {"a/app.log", "", "", 2u << 20},
    {"a/app.log.gz", "", "", 3u << 20},
    {"a/notes.md", "", "", 3u << 20},
    {"a/page.html", "", "", 3u << 20},
    {"a/dump", "plain words on a line\n", "text", 3u << 20},
    {"a/dump", "plain words on a line\n", "", 1u << 20},
    {"a/dump", std::string_view("\x7F" "ELF\x02\x01\x01\0\0\0", 10), "", 3u << 20},
    {"a/x.conv", "plain words on a line\n", "", 3u << 20},  // filter
};

TEST_CASE("pieces_format: archives, JSON Lines, mbox and long text files, by name or first bytes") {
  IndexOptions options;
  options.filters.push_back({"conv", {"cat"}});
  for (const PiecesCase& c : kPieces) {
    CAPTURE(c.path);
    CAPTURE(c.head);
    CAPTURE(c.size);
    CHECK(pieces_format(options, c.path, c.head, c.size) == c.format);
  }
}

// Binary or text, from the first 8 KiB.
std::string pseudo_random(size_t n) {
  std::string out(n, '\0');
  uint32_t x = 12345;
  for (char& c : out) {
    x = x * 1103515245u + 12345u;
    c = static_cast<char>(x >> 24);
  }
  return out;
}

TEST_CASE("looks_binary: NULs and control bytes") {
  std::string text(20000, 'a');
  for (size_t i = 0; i < text.size(); i += 7) text[i] = ' ';
  std::string one_nul = text;
  one_nul[9000] = '\0';
  std::string early_nuls = text;
  for (size_t i = 0; i < 200; ++i) early_nuls[i * 10] = '\0';
  struct Case {
    const char* name;
    std::string bytes;
    bool binary;
  };
  const Case cases[] = {
      {"plain text", text, false},
      {"one stray NUL", one_nul, false},
      {"2.4% NULs at the start", early_nuls, true},
      {"random bytes", pseudo_random(100000), true},
      {"UTF-16 with BOM", std::string("\xff\xfe" "a\0b\0c\0", 8), false},
      {"ELF header", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20), true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(looks_binary(c.bytes) == c.binary);
  }
}

}  // namespace
}  // namespace trawl::indexer
