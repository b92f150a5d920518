// EPUB books: META-INF/container.xml names the package (.opf) file, whose
// spine lists the XHTML chapters in reading order; each chapter's text comes
// from the HTML extractor. Title, author, date, language and fields come
// from the package's Dublin Core metadata.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "archive_reader.h"
#include "fold.h"
#include "format.h"
#include "xml_text.h"

namespace trawl::indexer {
namespace {

using Parts = PackageParts;

constexpr std::string_view kContainer = "META-INF/container.xml";

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool wanted_part(std::string_view name) {
  std::string lower = ascii_lower(name);
  for (std::string_view ext : {".opf", ".xhtml", ".html", ".htm", ".xml"}) {
    if (ends_with(lower, ext)) return true;
  }
  return false;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(c | 0x20);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// `href` (percent-encoded, maybe with a #fragment) relative to the folder
// `base` ("OEBPS/" or ""), as a member name: "OEBPS/Text/../ch1.xhtml" ->
// "OEBPS/ch1.xhtml".
std::string resolve(std::string_view base, std::string_view href) {
  href = href.substr(0, href.find('#'));
  std::string path(base);
  for (size_t i = 0; i < href.size(); ++i) {
    if (href[i] == '%' && i + 2 < href.size() && hex_value(href[i + 1]) >= 0 &&
        hex_value(href[i + 2]) >= 0) {
      path.push_back(static_cast<char>(hex_value(href[i + 1]) * 16 + hex_value(href[i + 2])));
      i += 2;
    } else {
      path.push_back(href[i]);
    }
  }
  std::vector<std::string> parts;
  for (size_t i = 0; i <= path.size();) {
    size_t slash = std::min(path.find('/', i), path.size());
    std::string part = path.substr(i, slash - i);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(std::move(part));
    }
    i = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) out.append(out.empty() ? "" : "/").append(p);
  return out;
}

// The package file's member name, from container.xml.
std::string package_path(const Parts& parts) {
  auto it = parts.find(std::string(kContainer));
  if (it == parts.end()) return std::string();
  for (const XmlElement& e : xml_elements(it->second, {"rootfile"})) {
    auto path = e.attrs.find("full-path");
    if (path != e.attrs.end()) return resolve("", path->second);
  }
  return std::string();
}

// The chapters' member names, in spine order.
std::vector<std::string> spine(std::string_view opf, std::string_view base) {
  std::map<std::string, std::string> hrefs;  // manifest id -> href
  std::vector<std::string> order;
  for (const XmlElement& e : xml_elements(opf, {"item", "itemref"})) {
    auto get = [&](const char* name) {
      auto a = e.attrs.find(name);
      return a == e.attrs.end() ? std::string() : a->second;
    };
    if (e.name == "item") hrefs.emplace(get("id"), get("href"));
    if (e.name == "itemref" && get("linear") != "no") order.push_back(get("idref"));
  }
  std::vector<std::string> chapters;
  for (const std::string& id : order) {
    if (auto h = hrefs.find(id); h != hrefs.end()) chapters.push_back(resolve(base, h->second));
  }
  return chapters;
}

void read_metadata(std::string_view opf, ExtractedDoc* doc) {
  auto m = xml_fields(opf, {"title", "creator", "date", "language", "subject", "description"});
  doc->title = m["title"];
  doc->author = m["creator"];
  doc->date = normalize_date(m["date"]);
  doc->language = m["language"];
  for (const char* name : {"subject", "description"}) {
    if (!m[name].empty()) doc->fields.emplace_back(name, m[name]);
  }
}

}  // namespace

Status extract_epub(std::string_view bytes, const ExtractOptions& options, Extraction* out) {
  Parts parts;
  if (Status s = read_package(bytes, options.max_expanded, wanted_part, &parts, &out->problems);
      !s.ok()) {
    return s;
  }
  const std::string opf_path = package_path(parts);
  auto opf = parts.find(opf_path);
  if (opf == parts.end()) return Status::Failed("no package file (META-INF/container.xml)");
  const size_t slash = opf_path.rfind('/');
  const std::string base = slash == std::string::npos ? "" : opf_path.substr(0, slash + 1);
  ExtractedDoc doc;
  read_metadata(opf->second, &doc);
  for (const std::string& chapter : spine(opf->second, base)) {
    auto part = parts.find(chapter);
    Extraction html;
    if (part == parts.end() || !extract_html(part->second, ExtractOptions(), &html).ok() ||
        html.docs.empty()) {
      out->problems.push_back(chapter + ": chapter missing or unreadable");
      continue;
    }
    if (doc.title.empty()) doc.title = html.docs[0].title;
    doc.body.append(doc.body.empty() ? "" : "\n\n").append(html.docs[0].body);
  }
  out->encoding = "UTF-8";
  out->docs.push_back(std::move(doc));
  return Status::Ok();
}

}  // namespace trawl::indexer
