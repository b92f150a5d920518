// XML parts of packaged documents (Office Open XML, OpenDocument, EPUB) read
// with libxml2's streaming reader: their text under per-format rules, the
// text of named metadata elements, and the attributes of named elements.
// Names are local names: "w:t" and "a:t" are both "t".
//
//   XmlTextRules docx{.text = {"t"}, .breaks = {"p"}, .spaces = {"tab"}};
//   xml_text("<w:p><w:r><w:t>Hello</w:t></w:r></w:p><w:p>...", docx, &out)
//     appends "Hello\n..."
//
// No network access, no external entities (XML_PARSE_NONET, entities left
// unexpanded). Pure functions: thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace trawl::indexer {

struct XmlTextRules {
  // Elements whose text is kept; empty: all text outside `skip`.
  std::vector<std::string_view> text;
  // Elements that end a line (paragraphs, headings, table rows).
  std::vector<std::string_view> breaks;
  // Elements that stand for white space (tabs; ODF's <text:s text:c="3"/>
  // gives three spaces).
  std::vector<std::string_view> spaces;
  // Elements whose content is dropped (deleted text, phonetic readings).
  std::vector<std::string_view> skip;
};

// Appends the text of `xml` to *out: white space runs become one space, a
// line ends after each `breaks` element. Fails only if the XML is malformed
// before any text was found; later damage keeps the text read so far.
Status xml_text(std::string_view xml, const XmlTextRules& rules, std::string* out);

// The trimmed text of the first element of each local name in `names`
// ("title", "creator", ...), for those present.
std::map<std::string, std::string> xml_fields(std::string_view xml,
                                              const std::vector<std::string_view>& names);

struct XmlElement {
  std::string name;                          // local name
  std::map<std::string, std::string> attrs;  // by local name
  std::string text;                          // its text content, if asked for
};

// The elements of `xml` with a local name in `names`, in document order;
// with `with_text`, each with the text it holds (its descendants' too).
std::vector<XmlElement> xml_elements(std::string_view xml,
                                     const std::vector<std::string_view>& names,
                                     bool with_text = false);

}  // namespace trawl::indexer
