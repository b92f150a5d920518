// The XML reader of Office, OpenDocument and EPUB parts (xml_text.h):
// whatever the bytes, under the Word and OpenDocument rules, xml_text
// returns valid UTF-8 without runs of spaces beyond ODF's cap, and
// xml_fields / xml_elements return.
#include <cstdint>
#include <string>
#include <string_view>

#include "formats/xml_text.h"
#include "fuzz_check.h"

using trawl::fuzz::check;
using trawl::fuzz::check_utf8;
using trawl::indexer::XmlTextRules;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  static const XmlTextRules kWord{{"t"}, {"p", "tr"}, {"tab", "br", "cr"}, {}};
  static const XmlTextRules kOdf{{}, {"p", "h"}, {"tab", "s", "line-break"}, {"tracked-changes"}};
  for (const XmlTextRules* rules : {&kWord, &kOdf}) {
    std::string text;
    (void)trawl::indexer::xml_text(xml, *rules, &text);
    check_utf8(text, "xml_text gave invalid UTF-8");
    check(text.find(std::string(65, ' ')) == std::string::npos, "more than 64 spaces in a row");
  }
  for (const auto& [name, value] : trawl::indexer::xml_fields(xml, {"title", "creator"})) {
    check_utf8(value, "xml_fields gave invalid UTF-8");
  }
  (void)trawl::indexer::xml_elements(xml, {"item", "itemref", "rootfile"});
  return 0;
}
