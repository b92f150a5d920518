// Office documents: ZIP packages of XML parts, read with libarchive and
// libxml2's reader.
// - Office Open XML: Word (word/document.xml, footnotes, endnotes,
//   comments, then the headers and footers), PowerPoint (each slide, then
//   the speaker notes, in slide order), Excel (the text cells in
//   xl/sharedStrings.xml, the sheet names from xl/workbook.xml, then each
//   sheet's numbers, formula results and inline strings, a line a row);
//   docProps/core.xml gives title, author, date, language and fields.
// - OpenDocument text, spreadsheet, presentation and drawing (content.xml,
//   tracked deletions left out); meta.xml gives the metadata.
// Without a title in the metadata, the first line that looks like a
// headline is the title, as for plain text.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>

#include "archive_reader.h"
#include "format.h"
#include "utf8.h"
#include "xml_text.h"

namespace trawl::indexer {
namespace {

using Parts = PackageParts;

const XmlTextRules kWordRules{{"t"}, {"p", "tr"}, {"tab", "br", "cr"}, {}};
const XmlTextRules kSlideRules{{"t"}, {"p"}, {"br"}, {}};
const XmlTextRules kSheetRules{{"t"}, {"si"}, {}, {"rPh"}};
const XmlTextRules kOdfRules{{}, {"p", "h"}, {"tab", "s", "line-break"}, {"tracked-changes"}};

constexpr std::string_view kSlidePrefix = "ppt/slides/slide";
constexpr std::string_view kNotesPrefix = "ppt/notesSlides/notesSlide";
constexpr std::string_view kHeaderPrefix = "word/header";
constexpr std::string_view kFooterPrefix = "word/footer";
constexpr std::string_view kSheetPrefix = "xl/worksheets/sheet";

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool wanted_part(std::string_view name) {
  static constexpr std::string_view kParts[] = {
      "word/document.xml", "word/footnotes.xml",   "word/endnotes.xml",
      "word/comments.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
      "docProps/core.xml", "content.xml",          "meta.xml"};
  if (std::find(std::begin(kParts), std::end(kParts), name) != std::end(kParts)) return true;
  for (std::string_view prefix :
       {kSlidePrefix, kNotesPrefix, kHeaderPrefix, kFooterPrefix, kSheetPrefix}) {
    if (starts_with(name, prefix)) return true;
  }
  return false;
}

// The parts under `prefix` ("ppt/slides/slide"), by the number after it.
std::vector<const std::string*> numbered(const Parts& parts, std::string_view prefix) {
  std::vector<std::pair<long, const std::string*>> found;
  for (const auto& [name, data] : parts) {
    if (starts_with(name, prefix)) {
      found.emplace_back(std::strtol(name.c_str() + prefix.size(), nullptr, 10), &data);
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<const std::string*> out;
  for (const auto& f : found) out.push_back(f.second);
  return out;
}

// The XML parts holding the text, each with its rules, in reading order.
std::vector<std::pair<const std::string*, const XmlTextRules*>> text_parts(const Parts& parts) {
  std::vector<std::pair<const std::string*, const XmlTextRules*>> out;
  auto add = [&](const char* name, const XmlTextRules& rules) {
    if (auto it = parts.find(name); it != parts.end()) out.emplace_back(&it->second, &rules);
  };
  add("content.xml", kOdfRules);
  add("word/document.xml", kWordRules);
  add("word/footnotes.xml", kWordRules);
  add("word/endnotes.xml", kWordRules);
  add("word/comments.xml", kWordRules);
  for (std::string_view prefix : {kHeaderPrefix, kFooterPrefix}) {
    for (const std::string* part : numbered(parts, prefix)) out.emplace_back(part, &kWordRules);
  }
  for (const std::string* slide : numbered(parts, kSlidePrefix))
    out.emplace_back(slide, &kSlideRules);
  for (const std::string* notes : numbered(parts, kNotesPrefix))
    out.emplace_back(notes, &kSlideRules);
  add("xl/sharedStrings.xml", kSheetRules);
  return out;
}

// A workbook's sheet names, one a line ("Budget 2024\n").
std::string sheet_names(const Parts& parts) {
  std::string out;
  auto it = parts.find("xl/workbook.xml");
  if (it == parts.end()) return out;
  for (const XmlElement& sheet : xml_elements(it->second, {"sheet"})) {
    if (auto name = sheet.attrs.find("name"); name != sheet.attrs.end()) {
      out.append(name->second).push_back('\n');
    }
  }
  return out;
}

// The cells of each sheet that xl/sharedStrings.xml does not hold: numbers
// (t absent or "n"), formula results ("str") and inline strings, a line a
// row. Shared-string cells (t="s") hold only an index; booleans and errors
// are left out.
std::string sheet_values(const Parts& parts) {
  std::string out;
  for (const std::string* sheet : numbered(parts, kSheetPrefix)) {
    std::string type;
    for (const XmlElement& e : xml_elements(*sheet, {"row", "c", "v", "is"}, true)) {
      if (e.name == "row") {
        end_line(&out);
      } else if (e.name == "c") {
        auto t = e.attrs.find("t");
        type = t == e.attrs.end() ? "n" : t->second;
      } else if ((e.name == "v" && (type == "n" || type == "str")) ||
                 (e.name == "is" && type == "inlineStr")) {
        if (!out.empty() && out.back() != '\n') out.push_back(' ');
        append_collapsed(e.text, &out);
      }
    }
    end_line(&out);
  }
  return out;
}

std::string first_of(const std::map<std::string, std::string>& m,
                     std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (auto it = m.find(name); it != m.end()) return it->second;
  }
  return std::string();
}

// Title, author, date, language and fields from docProps/core.xml or
// meta.xml.
void read_metadata(const Parts& parts, ExtractedDoc* doc) {
  auto it = parts.find("docProps/core.xml");
  if (it == parts.end()) it = parts.find("meta.xml");
  if (it == parts.end()) return;
  const auto m =
      xml_fields(it->second, {"title", "creator", "initial-creator", "created", "creation-date",
                              "date", "language", "subject", "description", "keywords", "keyword"});
  doc->title = first_of(m, {"title"});
  doc->author = first_of(m, {"creator", "initial-creator"});
  doc->date = normalize_date(first_of(m, {"created", "creation-date", "date"}));
  doc->language = first_of(m, {"language"});
  for (const char* name : {"subject", "description"}) {
    if (std::string v = first_of(m, {name}); !v.empty()) doc->fields.emplace_back(name, v);
  }
  if (std::string v = first_of(m, {"keywords", "keyword"}); !v.empty()) {
    doc->fields.emplace_back("keywords", v);
  }
}

// An OLE compound file where a ZIP package was expected: a password-
// protected Office file (the encrypted package sits in a stream named
// "EncryptedPackage") or a legacy Office 97-2003 file renamed. Returns the
// failure to report, or OK if `bytes` is not one.
Status check_compound_file(std::string_view bytes) {
  constexpr std::string_view kMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  if (bytes.substr(0, kMagic.size()) != kMagic) return Status::Ok();
  std::string name;  // "EncryptedPackage" as the file's UTF-16LE directory holds it
  for (char c : std::string_view("EncryptedPackage")) name.append({c, '\0'});
  if (bytes.find(name) != std::string_view::npos) {
    return Status::Failed("encrypted (password-protected) Office file: trawl cannot read it");
  }
  return Status::Failed(
      "an OLE compound file (Office 97-2003 format under a newer extension), which trawl does "
      "not read");
}

}  // namespace

Status extract_office(std::string_view bytes, const ExtractOptions& options, Extraction* out) {
  if (Status s = check_compound_file(bytes); !s.ok()) return s;
  Parts parts;
  if (Status s = read_package(bytes, options.max_expanded, wanted_part, &parts, &out->problems);
      !s.ok()) {
    return s;
  }
  const auto sources = text_parts(parts);
  const std::string values = sheet_values(parts);
  if (sources.empty() && values.empty()) {
    return Status::Failed(
        "no document text (none of word/document.xml, ppt/slides/, "
        "xl/sharedStrings.xml, xl/worksheets/, content.xml)");
  }
  ExtractedDoc doc;
  std::string text;
  for (const auto& [xml, rules] : sources) {
    if (Status x = xml_text(*xml, *rules, &text); !x.ok()) out->problems.push_back(x.message());
  }
  text += sheet_names(parts);  // after the text: "Sheet1" makes a poor title
  text += values;
  read_metadata(parts, &doc);
  text = utf8::repair(text);
  if (doc.title.empty()) {
    doc.title = find_title(text).title;
  }
  doc.body = std::move(text);
  out->encoding = "UTF-8";
  out->docs.push_back(std::move(doc));
  return Status::Ok();
}

}  // namespace trawl::indexer
