#include "xml_text.h"

#include <libxml/xmlreader.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "format.h"

namespace trawl::indexer {
namespace {

constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
// ODF's <text:s text:c="N"/>: more spaces than this are not worth keeping.
constexpr long kMaxSpaces = 64;

struct ReaderFree {
  void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};
using ReaderPtr = std::unique_ptr<xmlTextReader, ReaderFree>;

ReaderPtr open_reader(std::string_view xml) {
  return ReaderPtr(xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                                      kParseOptions));
}

std::string_view as_view(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

bool listed(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string attribute(xmlTextReader* r, const char* local_name) {
  std::string value;
  if (xmlTextReaderMoveToFirstAttribute(r) != 1) return value;
  do {
    if (as_view(xmlTextReaderConstLocalName(r)) == local_name) {
      value = as_view(xmlTextReaderConstValue(r));
      break;
    }
  } while (xmlTextReaderMoveToNextAttribute(r) == 1);
  xmlTextReaderMoveToElement(r);
  return value;
}

// The white space an empty `spaces` element stands for.
void append_space(xmlTextReader* r, std::string_view name, std::string* out) {
  if (name == "br" || name == "cr" || name == "line-break") {
    end_line(out);
    return;
  }
  long count = 1;
  if (name == "s") {
    const std::string c = attribute(r, "c");
    if (!c.empty()) count = std::clamp(std::strtol(c.c_str(), nullptr, 10), 1L, kMaxSpaces);
  }
  out->append(static_cast<size_t>(count), ' ');
}

// Walks the XML: the state of one xml_text() call.
class TextWalker {
 public:
  TextWalker(const XmlTextRules& rules, std::string* out) : rules_(rules), out_(out) {}

  void node(xmlTextReader* r) {
    const int type = xmlTextReaderNodeType(r);
    const int depth = xmlTextReaderDepth(r);
    const std::string_view name = as_view(xmlTextReaderConstLocalName(r));
    if (type == XML_READER_TYPE_ELEMENT) {
      start(r, name, depth, xmlTextReaderIsEmptyElement(r) == 1);
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      end(name, depth);
    } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
               type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
      if (skip_depth_ < 0 && (rules_.text.empty() || text_depth_ >= 0)) {
        append_collapsed(as_view(xmlTextReaderConstValue(r)), out_);
      }
    }
  }

 private:
  void start(xmlTextReader* r, std::string_view name, int depth, bool empty) {
    if (skip_depth_ >= 0) return;
    if (listed(rules_.skip, name)) {
      if (!empty) skip_depth_ = depth;
      return;
    }
    if (listed(rules_.spaces, name)) append_space(r, name, out_);
    if (text_depth_ < 0 && !empty && listed(rules_.text, name)) text_depth_ = depth;
    if (empty && listed(rules_.breaks, name)) end_line(out_);
  }

  void end(std::string_view name, int depth) {
    if (depth == skip_depth_) {
      skip_depth_ = -1;
      return;
    }
    if (skip_depth_ >= 0) return;
    if (depth == text_depth_) text_depth_ = -1;
    if (listed(rules_.breaks, name)) end_line(out_);
  }

  const XmlTextRules& rules_;
  std::string* out_;
  int skip_depth_ = -1;  // depth of the `skip` element being dropped
  int text_depth_ = -1;  // depth of the `text` element being read
};

}  // namespace

Status xml_text(std::string_view xml, const XmlTextRules& rules, std::string* out) {
  ReaderPtr r = open_reader(xml);
  if (!r) return Status::Failed("cannot read XML");
  const size_t start = out->size();
  TextWalker walker(rules, out);
  int status = 0;
  while ((status = xmlTextReaderRead(r.get())) == 1) walker.node(r.get());
  end_line(out);
  if (status < 0 && out->size() == start) return Status::Failed("malformed XML");
  return Status::Ok();
}

std::map<std::string, std::string> xml_fields(std::string_view xml,
                                              const std::vector<std::string_view>& names) {
  std::map<std::string, std::string> fields;
  ReaderPtr r = open_reader(xml);
  if (!r) return fields;
  while (xmlTextReaderRead(r.get()) == 1) {
    if (xmlTextReaderNodeType(r.get()) != XML_READER_TYPE_ELEMENT) continue;
    const std::string name(as_view(xmlTextReaderConstLocalName(r.get())));
    if (!listed(names, name) || fields.count(name)) continue;
    xmlChar* content = xmlTextReaderReadString(r.get());
    std::string text;
    append_collapsed(as_view(content), &text);
    xmlFree(content);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    if (!text.empty()) fields.emplace(name, std::move(text));
  }
  return fields;
}

std::vector<XmlElement> xml_elements(std::string_view xml,
                                     const std::vector<std::string_view>& names, bool with_text) {
  std::vector<XmlElement> elements;
  ReaderPtr r = open_reader(xml);
  if (!r) return elements;
  while (xmlTextReaderRead(r.get()) == 1) {
    if (xmlTextReaderNodeType(r.get()) != XML_READER_TYPE_ELEMENT) continue;
    XmlElement e;
    e.name = as_view(xmlTextReaderConstLocalName(r.get()));
    if (!listed(names, e.name)) continue;
    if (xmlTextReaderMoveToFirstAttribute(r.get()) == 1) {
      do {
        e.attrs.emplace(as_view(xmlTextReaderConstLocalName(r.get())),
                        as_view(xmlTextReaderConstValue(r.get())));
      } while (xmlTextReaderMoveToNextAttribute(r.get()) == 1);
      xmlTextReaderMoveToElement(r.get());
    }
    if (with_text) {
      if (xmlChar* text = xmlTextReaderReadString(r.get())) {
        e.text = as_view(text);
        xmlFree(text);
      }
    }
    elements.push_back(std::move(e));
  }
  return elements;
}

}  // namespace trawl::indexer
