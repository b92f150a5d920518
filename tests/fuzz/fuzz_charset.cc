// F7: charset detection and decoding. Decoded text is valid UTF-8 without
// CR; text that is already clean UTF-8 (no BOM, no CR, no NUL) comes back
// unchanged.
#include <cstdint>
#include <string>
#include <string_view>

#include "formats/format.h"
#include "fuzz_check.h"
#include "utf8.h"

using trawl::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string text, encoding;
  if (!trawl::indexer::decode_text(bytes, {}, &text, &encoding).ok()) return 0;
  trawl::fuzz::check_utf8(text, "decoded text is not UTF-8");
  check(text.find('\r') == std::string::npos, "CR left in decoded text");
  const bool clean = trawl::utf8::is_valid(bytes) && bytes.find('\r') == std::string_view::npos &&
                     bytes.find('\0') == std::string_view::npos &&
                     bytes.substr(0, 3) != "\xEF\xBB\xBF";
  if (clean && encoding == "UTF-8") check(text == bytes, "clean UTF-8 was changed");
  return 0;
}
