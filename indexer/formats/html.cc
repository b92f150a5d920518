// HTML and XHTML with libxml2's HTML parser: the text without markup, with
// <script>, <style>, <noscript> and <template> dropped; <title> (else the
// first <h1>) as the title; <meta> description, author, keywords and date as
// fields; <html lang> as the language. The charset comes from a byte order
// mark, --encoding, a <meta charset> or http-equiv declaration, or detection.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cctype>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "fold.h"
#include "format.h"

namespace trawl::indexer {
namespace {

constexpr size_t kCharsetScanBytes = 4096;

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool name_is(const xmlNode* n, const char* name) {
  return n->name && xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

bool any_name(const xmlNode* n, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (name_is(n, name)) return true;
  }
  return false;
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return std::string();
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

// The charset a document declares in its first bytes, or "".
std::string declared_charset(std::string_view bytes) {
  std::string head = ascii_lower(bytes.substr(0, kCharsetScanBytes));
  for (size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    size_t end = head.find('>', at);
    std::string tag = head.substr(at, end == std::string::npos ? std::string::npos : end - at);
    size_t cs = tag.find("charset");
    if (cs == std::string::npos) continue;
    size_t v = tag.find_first_not_of(" \t=\"'", cs + 7);
    if (v == std::string::npos) continue;
    size_t e = tag.find_first_of(" \t\"';/>", v);
    return tag.substr(v, e == std::string::npos ? std::string::npos : e - v);
  }
  return std::string();
}

bool is_block(const xmlNode* n) {
  return any_name(n, {"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
                      "h4", "h5", "h6", "tr", "table", "section", "article", "header", "footer",
                      "nav", "aside", "main", "blockquote", "pre", "hr", "figure", "figcaption",
                      "address", "form", "fieldset", "td", "th", "caption", "body"});
}

// Walks the tree without recursion: documents nest elements 100,000 deep.
class Walker {
 public:
  explicit Walker(ExtractedDoc* doc) : doc_(doc) {}
  void walk(const xmlNode* root);
  std::string h1;

 private:
  // An element whose children are being walked.
  struct Open {
    const xmlNode* node;
    bool pre;
    bool block;
    size_t before;  // body size when it opened (for the first <h1>)
  };
  bool enter(const xmlNode* n, bool pre);  // true if its children are to be walked
  void leave(const Open& open);
  void text(const xmlNode* n, bool pre);
  void title(const xmlNode* n);
  void meta(const xmlNode* n);
  ExtractedDoc* doc_;
};

void Walker::meta(const xmlNode* n) {
  std::string name = ascii_lower(attribute(n, "name"));
  if (name.empty()) name = ascii_lower(attribute(n, "property"));
  std::string content = attribute(n, "content");
  if (content.empty()) return;
  if (name == "author" || name == "dc.creator") {
    doc_->author = content;
  } else if (name == "date" || name == "dc.date" || name == "article:published_time" ||
             name == "dcterms.created") {
    if (doc_->date.empty()) doc_->date = normalize_date(content);
  } else if (name == "description" || name == "keywords") {
    doc_->fields.emplace_back(name, content);
  } else if (name == "og:title" && doc_->title.empty()) {
    doc_->title = content;
  }
}

void Walker::title(const xmlNode* n) {
  std::string title;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) {
      append_collapsed(reinterpret_cast<const char*>(c->content), &title);
    }
  }
  while (!title.empty() && title.back() == ' ') title.pop_back();
  if (!title.empty()) doc_->title = title;
}

bool Walker::enter(const xmlNode* n, bool pre) {
  (void)pre;
  if (any_name(n, {"script", "style", "noscript", "template", "svg", "math"})) return false;
  // Without <head> and <body>, libxml2 2.9 nests what follows <title>
  // inside it: its own text is the title, its elements are walked.
  if (name_is(n, "title")) return title(n), true;
  if (name_is(n, "meta")) return meta(n), false;
  if (name_is(n, "html")) {
    std::string lang = attribute(n, "lang");
    if (lang.empty()) lang = attribute(n, "xml:lang");
    if (!lang.empty()) doc_->language = lang;
  }
  if (is_block(n)) end_line(&doc_->body);
  return true;
}

void Walker::leave(const Open& open) {
  if (name_is(open.node, "h1") && h1.empty()) h1 = doc_->body.substr(open.before);
  if (open.block) end_line(&doc_->body);
}

void Walker::text(const xmlNode* n, bool pre) {
  if (n->parent && name_is(n->parent, "title")) return;
  const char* t = reinterpret_cast<const char*>(n->content);
  if (pre) {
    doc_->body.append(t);
  } else {
    append_collapsed(t, &doc_->body);
  }
}

void Walker::walk(const xmlNode* root) {
  std::vector<Open> open;
  const xmlNode* n = root;
  bool pre = false;
  while (n != nullptr || !open.empty()) {
    if (n == nullptr) {  // the last child of open.back() is done
      const Open done = open.back();
      open.pop_back();
      leave(done);
      pre = open.empty() ? false : open.back().pre;
      n = done.node->next;
      continue;
    }
    if (n->type == XML_ELEMENT_NODE) {
      if (enter(n, pre)) {
        const bool inner_pre = pre || name_is(n, "pre");
        open.push_back(Open{n, inner_pre, is_block(n), doc_->body.size()});
        pre = inner_pre;
        n = n->children;
        continue;
      }
    } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
      text(n, pre);
    }
    n = n->next;
  }
}

}  // namespace

Status extract_html(std::string_view bytes, const ExtractOptions& options, Extraction* out) {
  std::string text;
  if (Status s = decode_text(bytes, options, &text, &out->encoding, declared_charset(bytes));
      !s.ok()) {
    return s;
  }
  std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
      text.data(), static_cast<int>(text.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
          HTML_PARSE_NOIMPLIED | HTML_PARSE_COMPACT | XML_PARSE_HUGE));  // HUGE: no depth limit
  if (!doc) return Status::Failed("cannot parse HTML");
  ExtractedDoc result;
  Walker walker(&result);
  walker.walk(xmlDocGetRootElement(doc.get()));
  end_line(&result.body);
  if (result.title.empty()) {
    result.title = walker.h1;
    while (!result.title.empty() && std::isspace(static_cast<unsigned char>(result.title.back()))) {
      result.title.pop_back();
    }
  }
  out->docs.push_back(std::move(result));
  return Status::Ok();
}

}  // namespace trawl::indexer
