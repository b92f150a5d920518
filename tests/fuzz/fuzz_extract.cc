// F4-F6 and the other extractors: one target per format (CMake defines
// TRAWL_EXTRACT as the extractor's function). Whatever the bytes, the
// extractor returns (no crash, no hang: libFuzzer's -timeout), and every
// title, body, id and field it gives is valid UTF-8. With TRAWL_IN_PIECES
// (archives, JSON Lines, mbox, long text), the same bytes are also read from a
// ByteSource in pieces of a size the first byte chooses, as files are.
#include <cstdint>
#include <string_view>

#include "formats/format.h"
#include "fuzz_check.h"

#ifndef TRAWL_EXTRACT
#error "define TRAWL_EXTRACT as an extractor, e.g. extract_html"
#endif

using trawl::fuzz::check_utf8;

namespace {

void check(const trawl::Status& s, const trawl::indexer::Extraction& ex) {
  if (!s.ok()) return;
  for (const trawl::indexer::ExtractedDoc& d : ex.docs) {
    check_utf8(d.title, "title is not UTF-8");
    check_utf8(d.body, "body is not UTF-8");
    check_utf8(d.id, "id is not UTF-8");
    check_utf8(d.author, "author is not UTF-8");
    for (const auto& [name, value] : d.fields) {
      check_utf8(name, "field name is not UTF-8");
      check_utf8(value, "field value is not UTF-8");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  trawl::indexer::Extraction ex;
  check(trawl::indexer::TRAWL_EXTRACT(bytes, {}, &ex), ex);
#ifdef TRAWL_IN_PIECES
  if (size > 0) {
    trawl::indexer::MemorySource source(bytes, 1 + data[0] * 64u);
    trawl::indexer::ExtractOptions options;
    options.text_window = 16 + data[0];  // a long text's windows (parts)
    trawl::indexer::Extraction in_pieces;
    check(trawl::indexer::TRAWL_EXTRACT(source, options, &in_pieces), in_pieces);
  }
#endif
  return 0;
}
