// Office packages, EPUB, RTF, archives and compressed files: the XML text rules,
// member names, keys and formats, metadata, and the expansion limits.
// The samples are in tests/data/formats (made by make_files.py); archives
// with many or damaged members are written here with libarchive.
#include <archive.h>
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "formats/archive_reader.h"
#include "formats/format.h"
#include "formats/xml_text.h"
#include "support/make_archive.h"

namespace trawl::indexer {
namespace {

std::string sample(const std::string& path) {
  std::ifstream in(std::string(TRAWL_TEST_DATA) + "/formats/" + path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST_CASE("xml_text: kept elements, line breaks, spaces, skipped content") {
  const XmlTextRules word{{"t"}, {"p"}, {"tab", "br"}, {}};
  const XmlTextRules odf{{}, {"p", "h"}, {"s", "line-break"}, {"tracked-changes"}};
  struct Case {
    const char* xml;
    const XmlTextRules* rules;
    const char* text;  // nullptr: fails
  };
  const Case cases[] = {
      {"<w:d xmlns:w='u'><w:p><w:t>a</w:t><w:t>b</w:t></w:p><w:p><w:t>c</w:t></w:p></w:d>", &word,
       "ab\nc\n"},
      {"<d><p><t>one</t><tab/><t>two</t><br/><t>three</t></p></d>", &word, "one two\nthree\n"},
      {"<d><p><instrText>PAGE</instrText><t>kept</t></p></d>", &word, "kept\n"},
      {"<d><p><t>  lots \n of\tspace </t></p></d>", &word, "lots of space\n"},
      {"<d><h>Title</h><p>a<s c='3'/>b<line-break/>c</p></d>", &odf, "Title\na   b\nc\n"},
      {"<d><p>kept</p><tracked-changes><p>gone</p></tracked-changes><p>too</p></d>", &odf,
       "kept\ntoo\n"},
      {"<d><p>x<s c='99999'/>y</p></d>", &odf, nullptr},  // spaces capped (checked below)
      {"<d><p>caf&#233; &amp; tea</p></d>", &odf, "café & tea\n"},
      {"<d><p>before damage</p><p>", &odf, "before damage\n"},
      {"not xml at all <<<", &odf, nullptr},
      {"", &odf, nullptr},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string_view(c.xml));
    std::string text;
    const Status s = xml_text(c.xml, *c.rules, &text);
    if (std::string_view(c.xml).find("99999") != std::string_view::npos) {
      CHECK(text.size() < 80);  // at most 64 spaces
      continue;
    }
    if (c.text == nullptr) {
      CHECK((!s.ok() || text.find_first_not_of(" \n") == std::string::npos));
    } else {
      REQUIRE(s.ok());
      CHECK(text == c.text);
    }
  }
}

TEST_CASE("xml_fields and xml_elements: first text by local name; attributes") {
  const auto fields = xml_fields(
      "<m xmlns:dc='d'><dc:title> The  title </dc:title>"
      "<dc:title>second</dc:title><dc:creator>Ann</dc:creator></m>",
      {"title", "creator", "date"});
  CHECK(fields == std::map<std::string, std::string>{{"creator", "Ann"}, {"title", "The title"}});
  const auto items =
      xml_elements("<p><item id='a' href='x.html'/><other/><item id='b'/></p>", {"item"});
  REQUIRE(items.size() == 2);
  CHECK(items[0].attrs.at("href") == "x.html");
  CHECK(items[1].attrs.at("id") == "b");
}

TEST_CASE("clean_member_name: folders normalised, bytes repaired") {
  const std::pair<const char*, const char*> cases[] = {
      {"./a//b.txt", "a/b.txt"},
      {"/abs/x", "abs/x"},
      {"a/./b", "a/b"},
      {"dir/", "dir"},
      {"", ""},
      {"bad\xff.txt", "bad\xEF\xBF\xBD.txt"},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string_view(c.first));
    CHECK(clean_member_name(c.first) == c.second);
  }
}

TEST_CASE("archives: each member a document with its own key, id and format") {
  Extraction ex;
  REQUIRE(extract_archive(sample("archive/bundle.zip"), {}, &ex).ok());
  struct Expected {
    const char* id;
    const char* key_suffix;
    const char* format;
  };
  const Expected expected[] = {
      {"notes/plan.md", "#notes/plan.md", "markdown"},
      {"inner.zip#deep/note.txt", "#inner.zip#deep/note.txt", "text"},
      {"logs/app.log.gz", "#logs/app.log.gz", "text"},
      {"data.jsonl#a", "#data.jsonl#a", "jsonl"},
      {"data.jsonl#b", "#data.jsonl#b", "jsonl"},
  };
  REQUIRE(ex.docs.size() == std::size(expected));  // img.png passed over
  for (size_t i = 0; i < ex.docs.size(); ++i) {
    CAPTURE(i);
    CHECK(ex.docs[i].id == expected[i].id);
    CHECK(ex.docs[i].key_suffix == expected[i].key_suffix);
    CHECK(ex.docs[i].format == expected[i].format);
  }
  REQUIRE(ex.problems.size() == 1);
  CHECK(ex.problems[0].rfind("inner.zip#broken.zip: not a readable archive", 0) == 0);
}

TEST_CASE("archives inside archives: two levels opened, one budget for all") {
  // top.zip > l1.zip > l2.zip > l3.zip, each level with a text member.
  std::string inner = testing::make_archive({{"l3.txt", "Level three\n"}}, ARCHIVE_FORMAT_ZIP);
  for (int level = 2; level >= 1; --level) {
    const std::string n = std::to_string(level);
    inner = testing::make_archive({{"l" + n + ".txt", "Level " + n + "\n"},
                                   {"l" + std::to_string(level + 1) + ".zip", inner}},
                                  ARCHIVE_FORMAT_ZIP);
  }
  Extraction ex;
  REQUIRE(extract_archive(testing::make_archive({{"l1.zip", inner}}, ARCHIVE_FORMAT_ZIP), {}, &ex)
              .ok());
  std::vector<std::string> ids;
  for (const ExtractedDoc& d : ex.docs) ids.push_back(d.id);
  CHECK(ids == std::vector<std::string>{"l1.zip#l1.txt", "l1.zip#l2.zip#l2.txt"});
  CHECK(ex.problems.empty());  // l3.zip is passed over, as binary members are

  // Three members of 600 KB inside a nested zip and two beside it: the
  // 2 MiB budget (twice --max-filesize) counts them all together.
  testing::Members nested, top;
  for (int i = 0; i < 3; ++i) {
    nested.emplace_back("n" + std::to_string(i) + ".txt", std::string(600000, 'n'));
  }
  top.emplace_back("nested.zip", testing::make_archive(nested, ARCHIVE_FORMAT_ZIP));
  for (int i = 0; i < 2; ++i) {
    top.emplace_back("t" + std::to_string(i) + ".txt", std::string(600000, 't'));
  }
  ExtractOptions small;
  small.max_expanded = 1 << 20;
  Extraction budget;
  REQUIRE(extract_archive(testing::make_archive(top, ARCHIVE_FORMAT_ZIP), small, &budget).ok());
  CHECK(budget.docs.size() == 3);  // n0, n1, n2: t0 would go over
  REQUIRE(budget.problems.size() == 1);
  CHECK(budget.problems[0].rfind("t0.txt: the members expand beyond 2097152 bytes", 0) == 0);
}

TEST_CASE("archives: with a stream, each member's documents are handed on as read") {
  ExtractOptions options;
  std::vector<std::string> ids;
  options.stream = [&](ExtractedDoc&& doc) { ids.push_back(doc.id); };
  Extraction ex;
  REQUIRE(extract_archive(sample("archive/bundle.zip"), options, &ex).ok());
  CHECK(ex.docs.empty());
  CHECK(ids == std::vector<std::string>{"notes/plan.md", "inner.zip#deep/note.txt",
                                        "logs/app.log.gz", "data.jsonl#a", "data.jsonl#b"});
  CHECK(ex.skip_reason.empty());
}

TEST_CASE("archives: expansion limits, damage after the first member, not an archive") {
  ExtractOptions small;
  small.max_expanded = 1 << 20;
  Extraction bomb;  // zeros.txt expands to 2 MiB
  REQUIRE(extract_archive(sample("archive/bomb.zip"), small, &bomb).ok());
  REQUIRE(bomb.docs.size() == 2);
  CHECK(bomb.docs[1].id == "after.txt");
  REQUIRE(bomb.problems.size() == 1);
  CHECK(bomb.problems[0].find("zeros.txt: expands beyond 1048576 bytes") == 0);

  testing::Members many;  // five members of 600 KB: the total limit (2 MiB) stops the fourth
  for (int i = 0; i < 5; ++i) {
    many.emplace_back(std::string("m").append(std::to_string(i)).append(".txt"),
                      std::string(600000, static_cast<char>('a' + i)));
  }
  Extraction total;
  REQUIRE(extract_archive(testing::make_archive(many, ARCHIVE_FORMAT_ZIP), small, &total).ok());
  CHECK(total.docs.size() == 3);
  REQUIRE(total.problems.size() == 1);
  CHECK(total.problems[0].find("m3.txt: the members expand beyond 2097152 bytes") == 0);

  std::string tar = testing::make_archive(
      {{"one.txt", "First\n\nguillemot\n"}, {"two.txt", std::string(100000, 'x')}},
      ARCHIVE_FORMAT_TAR_PAX_RESTRICTED);
  tar.resize(2048);  // inside the second member's data
  Extraction damaged;
  REQUIRE(extract_archive(tar, {}, &damaged).ok());
  REQUIRE(damaged.docs.size() == 1);
  CHECK(damaged.docs[0].id == "one.txt");
  CHECK_FALSE(damaged.problems.empty());

  Extraction none;
  CHECK_FALSE(extract_archive("just some text", {}, &none).ok());
}

TEST_CASE("office: what is not a ZIP package says what it is") {
  const std::string cfb("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  std::string encrypted_name;  // a directory entry's name is UTF-16LE
  for (char c : std::string("EncryptedPackage")) encrypted_name.append({c, '\0'});
  struct Case {
    std::string bytes;
    std::string message_starts;
  };
  const Case cases[] = {
      {cfb + std::string(500, '\0') + encrypted_name, "encrypted (password-protected) Office file"},
      {cfb + std::string(500, '\0'), "an OLE compound file (Office 97-2003 format"},
      {"PK\x03\x04 broken", "not a ZIP package ("},
      {"plain words", "not a ZIP package ("},
  };
  for (const Case& c : cases) {
    CAPTURE(c.message_starts);
    Extraction out;
    const Status s = extract_office(c.bytes, {}, &out);
    REQUIRE_FALSE(s.ok());
    CHECK(s.message().rfind(c.message_starts, 0) == 0);
  }
}

TEST_CASE("office: Word comments, headers and footers; Excel sheet names and numbers") {
  const auto w = [](const std::string& element, const std::string& text) {
    return "<w:" + element + " xmlns:w=\"urn:w\"><w:p><w:r><w:t>" + text +
           "</w:t></w:r></w:p></w:" + element + ">";
  };
  const std::string sheets =
      "<workbook xmlns=\"urn:x\"><sheets><sheet name=\"Budget 2024\" sheetId=\"1\"/>"
      "<sheet name=\"Ferry fares\" sheetId=\"2\"/></sheets></workbook>";
  const std::string strings = "<sst xmlns=\"urn:x\"><si><t>quayside</t></si></sst>";
  struct Case {
    testing::Members members;
    std::string body;  // the text, in this order
  };
  const Case cases[] = {
      {{{"word/document.xml", w("document", "Main text")},
        {"word/footer2.xml", w("ftr", "Footer two")},
        {"word/header1.xml", w("hdr", "Header one")},
        {"word/comments.xml", w("comments", "A reviewer's comment")},
        {"word/footer1.xml", w("ftr", "Footer one")}},
       "Main text\nA reviewer's comment\nHeader one\nFooter one\nFooter two\n"},
      {{{"xl/sharedStrings.xml", strings}, {"xl/workbook.xml", sheets}},
       "quayside\nBudget 2024\nFerry fares\n"},
      // Numbers, formula results and inline strings, a line a row; not the
      // index of a shared string, a boolean or an error.
      {{{"xl/sharedStrings.xml", strings},
        {"xl/worksheets/sheet2.xml",
         "<worksheet><sheetData><row><c><v>7</v></c></row></sheetData></worksheet>"},
        {"xl/worksheets/sheet1.xml",
         "<worksheet><sheetData><row><c t=\"s\"><v>0</v></c><c><v>1250.75</v></c>"
         "<c t=\"str\"><f>A1*2</f><v>2501.5</v></c></row><row><c t=\"b\"><v>1</v></c>"
         "<c t=\"e\"><v>#DIV/0!</v></c><c t=\"inlineStr\"><is><t>pier 4</t></is></c>"
         "<c s=\"3\" t=\"n\"><v>-3</v></c></row></sheetData></worksheet>"}},
       "quayside\n1250.75 2501.5\npier 4 -3\n7\n"},
      {{{"xl/worksheets/sheet1.xml",
         "<worksheet><sheetData><row><c><v>42</v></c></row></sheetData></worksheet>"}},
       "42\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.body);
    Extraction out;
    REQUIRE(extract_office(testing::make_archive(c.members, ARCHIVE_FORMAT_ZIP), {}, &out).ok());
    REQUIRE(out.docs.size() == 1);
    CHECK(out.docs[0].body == c.body);
  }
}

TEST_CASE("compressed files: expanded and read by their inner name") {
  const std::string tgz =
      testing::make_archive({{"x", "y"}}, ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, true);
  std::string out;
  CHECK(decompress(tgz, 1 << 20, &out).ok());  // the tar inside
  CHECK(out.size() >= 512);
  CHECK_FALSE(decompress(tgz, 100, &out).ok());
  CHECK_FALSE(decompress("plain text", 1 << 20, &out).ok());
  FileExtraction fx;
  REQUIRE(extract_named("d/diary.TXT.gz", sample("text/diary.txt.gz"), {}, &fx).ok());
  CHECK(fx.format == "text");
  REQUIRE(fx.extraction.docs.size() == 1);
  CHECK(fx.extraction.docs[0].title == "Heron diary");
}

TEST_CASE("office, EPUB and RTF metadata: author, date, language, fields") {
  struct Case {
    const char* path;
    const char* author;
    const char* date;
    const char* language;
    std::vector<Field> fields;
  };
  const Case cases[] = {
      {"office/report.docx",
       "Ada Keeper",
       "2024-05-03T10:00:00Z",
       "",
       {{"keywords", "lamp, lens"}}},
      {"office/minutes.odt", "Bo Clerk", "", "en-GB", {}},
      {"office/sheet.xlsx", "", "", "", {}},
      {"epub/book.epub", "Cy Writer", "", "en", {}},
      {"rtf/minutes.rtf", "Olga Berg", "2024-05-03", "", {{"keywords", "pier, repairs"}}},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string_view(c.path));
    FileExtraction fx;
    REQUIRE(extract_named(c.path, sample(c.path), {}, &fx).ok());
    REQUIRE(fx.extraction.docs.size() == 1);
    const ExtractedDoc& d = fx.extraction.docs[0];
    CHECK(d.author == c.author);
    CHECK(d.date == c.date);
    CHECK(d.language == c.language);
    CHECK(d.fields == c.fields);
  }
  FileExtraction epub;
  REQUIRE(extract_named("b.epub", sample("epub/book.epub"), {}, &epub).ok());
  const std::string& body = epub.extraction.docs[0].body;
  CHECK(body.find("causeway") < body.find("Gulls"));  // spine order, not manifest order
}

}  // namespace
}  // namespace trawl::indexer
