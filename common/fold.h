// Folding: the normal form every word takes before it becomes a term.
//
//   fold("MONTRÉAL") == "montreal"     case and accents
//   fold("Straße")   == "strasse"      full case folding
//   fold("ＡＢＣ")    == "abc"          compatibility forms (NFKC)
//   fold("ﬁnance")   == "finance"      ligatures
//   fold("Łódź")     == "lodz"         Latin letters with strokes
//   fold("Навальный") == "навальный"   Cyrillic keeps й; ё becomes е
//
// Steps: NFKC case folding (ICU's NFKC_Casefold), then removal of
// non-spacing marks on Latin, Greek, Arabic and Hebrew letters (accents,
// tonos, harakat, niqqud), then a small table for Latin letters that do not
// decompose (ł, ø, đ, æ, œ, þ, ı, ħ). Marks that carry meaning elsewhere are
// kept: Japanese dakuten (か/が), Indic vowel signs, Thai tone marks, and the
// Cyrillic breve (и/й). ASCII input takes a fast path (lower-casing only).
//
// Thread-safe: ICU normalisers are immutable singletons.
#pragma once

#include <string>
#include <string_view>

namespace trawl {

// Returns the folded form of `word`. `word` must be valid UTF-8. The result
// may contain characters that are not word characters (NFKC turns "½" into
// "1⁄2"); the analyzer splits on those.
std::string fold(std::string_view word);

// True if every byte of `s` is ASCII.
bool is_ascii(std::string_view s);

}  // namespace trawl
