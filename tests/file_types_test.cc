// file_types.h: the format each extension selects, -t/-T names and aliases.
#include "file_types.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "error.h"

namespace trawl {
namespace {

TEST_CASE(
    "format_of_path: by extension, any case; conventional names; Maildir messages; nothing else") {
  struct Case {
    const char* path;
    const char* format;
  };
  const Case cases[] = {
      {"notes/plan.md", "markdown"},
      {"Plan.MD", "markdown"},
      {"a/b.markdown", "markdown"},
      {"x.txt", "text"},
      {"src/main.cc", "text"},
      {"README", "text"},
      {"dir/Makefile", "text"},
      {"page.htm", "html"},
      {"doc.pdf", "pdf"},
      {"m.eml", "email"},
      {"box.mbox", "mbox"},
      {"r.ndjson", "jsonl"},
      {"d.json", "json"},
      {"Report.DOCX", "office"},
      {"minutes.odt", "office"},
      {"book.epub", "epub"},
      {"Minutes.RTF", "rtf"},
      {"bundle.zip", "archive"},
      {"logs.tar.gz", "archive"},
      {"logs.TAR.XZ", "archive"},
      {"app.log.gz", "text"},
      {"notes.md.zst", "markdown"},
      {"report.pdf.bz2", "pdf"},
      {"data.gz", ""},
      {"photo.jpg.gz", ""},
      {"photo.jpg", ""},
      {"noext", ""},
      {".hidden", ""},
      {"dir.md/file", ""},
      {"", ""},
      // Maildir messages, by their folder and delivery name.
      {"Mail/cur/1700000001.M12P345.host:2,S", "email"},
      {"Mail/new/1700000001.M12P345.host", "email"},
      {"new/1700000001.4242_1.host", "email"},
      {"Mail/cur/1700000001.M1P2.mx.example.org:2,RS", "email"},
      {"Mail/cur/1700000001.M1P2.host,S=1234,W=1260:2,S", "email"},
      {"Mail/tmp/1700000001.M12P345.host", ""},
      {"Mail/xcur/1700000001.M12P345.host", ""},
      {"Mail/cur/notes.txt", "text"},
      {"Mail/cur/12345678.txt", "text"},
      {"Mail/cur/1700000001", ""},
      {"Mail/cur/12345.M1.host", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string_view(c.path));
    CHECK(format_of_path(c.path) == c.format);
  }
}

TEST_CASE("extension_of: lower case, no dot; dotfiles and Maildir flags are not extensions") {
  struct Case {
    std::string_view path;
    std::string_view ext;
  };
  const Case cases[] = {
      {"a/B.TXT", "txt"},
      {"notes.tar.gz", "gz"},
      {"a/README", ""},
      {"a/.bashrc", ""},
      {"dir.md/file", ""},
      {"Mail/new/1700000001.M12P345.host", "host"},
      {"Mail/cur/1700000001.M12P345.host:2,S", "host"},
      {"Mail/cur/1700000001.M12P345.host:2,RS", "host"},
      {"Mail/cur/1700000001.M12P345.host:2,", "host"},
      {"Mail/cur/1700000001:2,S", ""},
      {"times/12:2,5.txt", "txt"},
      {"odd/name.txt:2,x1", "txt:2,x1"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    CHECK(extension_of(c.path) == c.ext);
  }
}

TEST_CASE("type_format and type_formats: names, aliases, unknown names named") {
  CHECK(type_format("markdown") == "markdown");
  CHECK(type_format("md") == "markdown");
  CHECK(type_format("MD") == "markdown");
  CHECK(type_format("txt") == "text");
  CHECK(type_format("mail") == "email");
  CHECK(type_format("ndjson") == "jsonl");
  CHECK(type_format("docx") == "office");
  CHECK(type_format("ZIP") == "archive");
  CHECK(type_format("jpeg") == "");
  CHECK(type_formats({"md", "markdown", "txt"}, "-t") ==
        std::vector<std::string>{"markdown", "text"});
  CHECK(type_formats({}, "-t").empty());
  try {
    type_formats({"md", "jpeg"}, "-T");
    FAIL("no error for an unknown type");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "-T 'jpeg': unknown file type (see --type-list)");
  }
  const std::string list = type_list();
  for (const char* line : {"markdown (md): *.markdown, *.md, *.mdown\n", "pdf: *.pdf\n",
                           "jsonl (ndjson): *.jsonl, *.ndjson\n", "rtf: *.rtf\n", "epub: *.epub\n",
                           "email (eml, mail): *.eml, and Maildir messages (cur/* and new/*",
                           "*.zst, is of the type of its name without"}) {
    CHECK(list.find(line) != std::string::npos);
  }
}

}  // namespace
}  // namespace trawl
