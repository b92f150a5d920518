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

// As fold(word), and sets *marked (unless null) to the word with its marks kept (NFKC
// case folded, composed: "Résumé" -> "résumé", "Łódź" -> "łódź", "Ёлка" ->
// "ёлка") when folding dropped or replaced any; else clears it. ASCII
// words and words without marks ("straße" -> "strasse") have none. Marked
// forms are what accent-sensitive queries match (analyzer.h,
// Token::accented); fold(*marked) == the returned form.
std::string fold(std::string_view word, std::string* marked);

// True if `term`, a term of the index, is a word's accented form
// (Token::accented) rather than a folded term: folding changes it (folded
// terms are fixed points of fold). Cheap for words without Latin, Greek,
// Hebrew, Arabic or marked Cyrillic letters: no ICU call.
bool has_marks(std::string_view term);

// `s` with A-Z lower-cased and every other byte kept (file names,
// extensions, language tags, markup: not words, which fold() handles).
std::string ascii_lower(std::string_view s);

// True if every byte of `s` is ASCII.
bool is_ascii(std::string_view s);

}  // namespace trawl
