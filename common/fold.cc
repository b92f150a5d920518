#include "fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <xapian.h>

#include "error.h"
#include "utf8.h"

namespace trawl {
namespace {

struct Normalizers {
  const icu::Normalizer2* nfkc_cf;
  const icu::Normalizer2* nfd;
  const icu::Normalizer2* nfc;
};

const Normalizers& normalizers() {
  static const Normalizers n = [] {
    UErrorCode status = U_ZERO_ERROR;
    Normalizers r{icu::Normalizer2::getNFKCCasefoldInstance(status),
                  icu::Normalizer2::getNFDInstance(status),
                  icu::Normalizer2::getNFCInstance(status)};
    if (U_FAILURE(status)) {
      throw Error(std::string("ICU normalisers unavailable: ") +
                  u_errorName(status));
    }
    return r;
  }();
  return n;
}

// Whether a non-spacing mark following a base letter of `script` is dropped.
bool drops_mark(UScriptCode script, UChar32 mark) {
  switch (script) {
    case USCRIPT_LATIN:
    case USCRIPT_GREEK:
    case USCRIPT_ARABIC:
    case USCRIPT_HEBREW:
      return true;
    case USCRIPT_CYRILLIC:
      return mark == 0x0308;  // ё -> е, ї -> і; the breve of й stays
    default:
      return false;
  }
}

// Latin letters that carry a stroke or are ligatures: no decomposition exists.
const char* latin_replacement(UChar32 c) {
  switch (c) {
    case 0x0142: return "l";   // ł
    case 0x00F8: return "o";   // ø
    case 0x0111: return "d";   // đ
    case 0x00E6: return "ae";  // æ
    case 0x0153: return "oe";  // œ
    case 0x00FE: return "th";  // þ
    case 0x0131: return "i";   // dotless ı
    case 0x0127: return "h";   // ħ
    case 0x0180: return "b";   // ƀ
    case 0x0167: return "t";   // ŧ
    default: return nullptr;
  }
}

// Removes the marks selected by drops_mark() from NFD text.
icu::UnicodeString strip_marks(const icu::UnicodeString& nfd) {
  icu::UnicodeString out;
  UScriptCode base_script = USCRIPT_COMMON;
  for (int32_t i = 0; i < nfd.length();) {
    UChar32 c = nfd.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) {
      if (drops_mark(base_script, c)) continue;
    } else {
      UErrorCode status = U_ZERO_ERROR;
      base_script = uscript_getScript(c, &status);
      if (const char* r = latin_replacement(c)) {
        out.append(icu::UnicodeString::fromUTF8(r));
        continue;
      }
    }
    out.append(c);
  }
  return out;
}

}  // namespace

bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

namespace {

// Whether folding may drop or replace something in a word holding `c`:
// letters with marks or strokes of the scripts drops_mark() strips, and
// combining marks. Anything else (CJK, Thai, most Cyrillic) skips ICU.
bool may_fold_marks(char32_t c) {
  return (c >= 0xC0 && c <= 0x36F) ||   // Latin-1 .. Latin Extended-B, IPA, combining
         (c >= 0x370 && c <= 0x3FF) ||  // Greek
         (c >= 0x450 && c <= 0x45F) ||  // Cyrillic ё ї ...
         (c >= 0x4C0 && c <= 0x4FF) ||  // Cyrillic with diaeresis
         (c >= 0x590 && c <= 0x6FF) ||  // Hebrew, Arabic
         (c >= 0x1E00 && c <= 0x1FFF);  // Latin Extended Additional, Greek Extended
}

}  // namespace

bool has_marks(std::string_view term) {
  bool candidate = false;
  for (size_t i = 0; i < term.size() && !candidate;) {
    if (static_cast<unsigned char>(term[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t c;
    const size_t n = utf8::decode(term, i, &c);
    if (n == 0) return false;  // not UTF-8: not a word's accented form
    candidate = may_fold_marks(c);
    i += n;
  }
  return candidate && fold(term) != term;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string fold(std::string_view word) { return fold(word, nullptr); }

std::string fold(std::string_view word, std::string* marked) {
  if (marked) marked->clear();
  if (is_ascii(word)) return ascii_lower(word);
  const Normalizers& n = normalizers();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  icu::UnicodeString folded = n.nfkc_cf->normalize(s, status);
  icu::UnicodeString decomposed = n.nfd->normalize(folded, status);
  icu::UnicodeString stripped = strip_marks(decomposed);
  if (U_FAILURE(status)) return std::string(word);  // cannot happen on valid input
  const bool dropped = stripped != decomposed;
  icu::UnicodeString composed = n.nfc->normalize(stripped, status);
  if (U_FAILURE(status)) return std::string(word);
  std::string utf8;
  composed.toUTF8String(utf8);
  // The query parser lower-cases with Xapian's tables: make that a no-op.
  std::string out = Xapian::Unicode::tolower(utf8);
  if (dropped && marked) {
    std::string with_marks;
    n.nfc->normalize(folded, status).toUTF8String(with_marks);
    with_marks = Xapian::Unicode::tolower(with_marks);
    if (U_SUCCESS(status) && with_marks != out) *marked = std::move(with_marks);
  }
  return out;
}

}  // namespace trawl
