#include "encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "utf8.h"

namespace trawl::indexer {
namespace {

constexpr size_t kSniffBytes = 8192;
constexpr size_t kDetectBytes = 65536;
constexpr int32_t kMinConfidence = 25;

struct Bom {
  std::string_view bytes;
  const char* encoding;
};

// Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
constexpr Bom kBoms[] = {
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {"\xEF\xBB\xBF", "UTF-8"},
    {"\xFF\xFE", "UTF-16LE"},
    {"\xFE\xFF", "UTF-16BE"},
};

const Bom* find_bom(std::string_view bytes) {
  for (const Bom& b : kBoms) {
    if (bytes.substr(0, b.bytes.size()) == b.bytes) return &b;
  }
  return nullptr;
}

struct DetectorClose {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// ICU's best guess for `bytes`, or "" if it is not confident.
std::string detect(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorClose> det(ucsdet_open(&status));
  if (U_FAILURE(status)) return std::string();
  std::string_view sample = bytes.substr(0, kDetectBytes);
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || !match) return std::string();
  if (ucsdet_getConfidence(match, &status) < kMinConfidence) return std::string();
  const char* name = ucsdet_getName(match, &status);
  return U_SUCCESS(status) && name ? std::string(name) : std::string();
}

std::string canonical(std::string_view name) {
  std::string n(name);
  std::string upper = n;
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  if (upper == "ISO-8859-1" || upper == "LATIN1" || upper == "LATIN-1" || upper == "US-ASCII" ||
      upper == "ASCII") {
    return "windows-1252";
  }
  if (upper == "UTF8") return "UTF-8";
  return n;
}

// Converts with ICU; unmappable bytes become U+FFFD.
bool convert(std::string_view bytes, const std::string& encoding, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(encoding.c_str(), &status);
  if (U_FAILURE(status)) return false;
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), conv, status);
  ucnv_close(conv);
  if (U_FAILURE(status)) return false;
  out->clear();
  u.toUTF8String(*out);
  // Some single-byte converters substitute U+001A (SUB); make it U+FFFD.
  for (size_t pos; (pos = out->find('\x1A')) != std::string::npos;) {
    out->replace(pos, 1, "\xEF\xBF\xBD");
  }
  if (!utf8::is_valid(*out)) *out = utf8::repair(*out);
  return true;
}

}  // namespace

bool encoding_known(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(std::string(name).c_str(), &status);
  if (conv) ucnv_close(conv);
  return U_SUCCESS(status) && !name.empty();
}

Status to_utf8(std::string_view bytes, std::string_view forced, std::string_view hint,
               Decoded* out) {
  if (const Bom* bom = find_bom(bytes)) {
    out->encoding = bom->encoding;
    bytes.remove_prefix(bom->bytes.size());
    if (out->encoding == "UTF-8") {
      out->text = utf8::is_valid(bytes) ? std::string(bytes) : utf8::repair(bytes);
      return Status::Ok();
    }
    convert(bytes, out->encoding, &out->text);
    return Status::Ok();
  }
  std::string encoding;
  if (!forced.empty()) {
    if (!encoding_known(forced)) {
      return Status::Failed("unknown encoding '" + std::string(forced) + "'");
    }
    encoding = canonical(forced);
  } else if (!hint.empty() && encoding_known(hint)) {
    encoding = canonical(hint);
  } else if (utf8::is_valid(bytes)) {
    encoding = "UTF-8";
  } else {
    encoding = detect(bytes);
    if (encoding.empty() || encoding == "UTF-8") encoding = "windows-1252";
    encoding = canonical(encoding);
  }
  out->encoding = encoding;
  if (encoding == "UTF-8") {
    out->text = utf8::is_valid(bytes) ? std::string(bytes) : utf8::repair(bytes);
    return Status::Ok();
  }
  if (!convert(bytes, encoding, &out->text)) {
    out->text = utf8::repair(bytes);
    out->encoding = "UTF-8";
  }
  return Status::Ok();
}

bool looks_binary(std::string_view bytes) {
  if (const Bom* bom = find_bom(bytes)) {
    if (std::string_view(bom->encoding) != "UTF-8") return false;
  }
  // More than 1% NULs at the start: binary. A few stray NULs in text are
  // kept out of the words by decode_text (each becomes U+FFFD).
  std::string_view head = bytes.substr(0, kSniffBytes);
  const auto nuls = static_cast<size_t>(std::count(head.begin(), head.end(), '\0'));
  if (nuls * 100 > head.size()) return true;
  size_t control = 0;
  for (char c : head) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && u != '\n' && u != '\r' && u != '\t' && u != '\f' && u != 0x1B) ++control;
  }
  // NULs among many other control bytes: binary (random or compressed data
  // has about 0.4% NULs and 10% controls); text has almost no controls.
  if (nuls > 0 && control * 50 > head.size()) return true;
  return control * 10 > head.size();
}

}  // namespace trawl::indexer
