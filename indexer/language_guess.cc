#include "language_guess.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "utf8.h"

namespace trawl::indexer {
namespace {

constexpr size_t kSampleBytes = 8192;
constexpr int kMinLetters = 20;       // fewer letters: unknown
constexpr int kMinFunctionWords = 4;  // a language needs this many hits...
constexpr double kMargin = 1.5;       // ...and this many times the runner-up's

enum Script {
  kLatin, kCyrillic, kGreek, kHan, kKana, kHangul, kArabic, kHebrew, kThai, kDevanagari,
  kOther, kScripts
};

Script script_of(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return kLatin;
  if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) return kLatin;
  if (c >= 0x400 && c <= 0x4FF) return kCyrillic;
  if (c >= 0x370 && c <= 0x3FF) return kGreek;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) return kHan;
  if (c >= 0x3040 && c <= 0x30FF) return kKana;
  if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF)) return kHangul;
  if (c >= 0x600 && c <= 0x6FF) return kArabic;
  if (c >= 0x590 && c <= 0x5FF) return kHebrew;
  if (c >= 0xE00 && c <= 0xE7F) return kThai;
  if (c >= 0x900 && c <= 0x97F) return kDevanagari;
  return kOther;
}

// Lower case for the letters the function words use (ASCII, Latin-1,
// Cyrillic).
char32_t lower(char32_t c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 0x20;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  return c;
}

struct Language {
  const char* code;
  Script script;
  std::vector<std::string_view> words;  // frequent, short, and rare in the others
};

const std::vector<Language>& languages() {
  static const std::vector<Language> all = {
      {"en", kLatin, {"the", "and", "of", "to", "is", "that", "with",
        "was", "for", "it", "on", "are", "this", "by"}},
      {"fr", kLatin, {"le", "la", "les", "et", "des", "est", "une",
        "dans", "que", "pour", "pas", "sur", "du", "au"}},
      {"de", kLatin, {"der", "die", "und", "das", "ist", "nicht", "mit",
        "ein", "eine", "den", "auf", "sich", "dem", "auch"}},
      {"es", kLatin, {"el", "los", "las", "y", "que", "del", "una",
        "por", "con", "para", "es", "se", "su", "como"}},
      {"it", kLatin, {"il", "che", "di", "della", "gli", "per", "una",
        "sono", "non", "con", "del", "nel", "anche", "è"}},
      {"nl", kLatin, {"de", "het", "een", "en", "van", "niet", "dat",
        "zijn", "voor", "met", "ook", "maar", "op", "wordt"}},
      {"pt", kLatin, {"o", "os", "que", "não", "uma", "para", "com",
        "do", "da", "em", "por", "mais", "são", "ao"}},
      {"sv", kLatin, {"och", "att", "det", "som", "är", "för", "med",
        "inte", "på", "av", "till", "den", "har", "ett"}},
      {"ru", kCyrillic, {"и", "в", "не", "что", "на", "с", "по",
        "это", "как", "он", "из", "для", "от", "его"}},
      {"uk", kCyrillic, {"і", "та", "що", "на", "не", "в", "у",
        "до", "з", "це", "як", "від", "для", "його"}},
      {"bg", kCyrillic, {"и", "на", "да", "се", "е", "за", "от",
        "че", "не", "с", "по", "са", "като", "това"}},
  };
  return all;
}

// The function-word language of `words` among those written in `script`.
std::string by_function_words(const std::vector<std::string>& words, Script script) {
  std::unordered_map<std::string_view, int> counts;
  for (const std::string& w : words) ++counts[w];
  std::vector<std::pair<int, const char*>> scores;
  for (const Language& lang : languages()) {
    if (lang.script != script) continue;
    int score = 0;
    for (std::string_view w : lang.words) {
      auto it = counts.find(w);
      if (it != counts.end()) score += it->second;
    }
    scores.emplace_back(score, lang.code);
  }
  std::sort(scores.begin(), scores.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  if (scores.empty() || scores[0].first < kMinFunctionWords) return "";
  if (scores.size() > 1 && scores[0].first < kMargin * scores[1].first) return "";
  return scores[0].second;
}

}  // namespace

std::string guess_language(std::string_view text) {
  text = utf8::truncate(text, kSampleBytes);
  std::array<int, kScripts> letters{};
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i < text.size();) {
    char32_t c = static_cast<unsigned char>(text[i]);
    size_t n = 1;
    if (c >= 0x80) {  // ASCII, most of most texts, needs no decoding
      n = utf8::decode(text, i, &c);
      if (n == 0) n = 1, c = 0xFFFD;
    }
    i += n;
    const Script s = script_of(c);
    ++letters[s];
    const bool in_word = s == kLatin || s == kCyrillic || (c >= 0x300 && c <= 0x36F);
    if (in_word && c < 0x80) {
      word.push_back(static_cast<char>(lower(c)));
    } else if (in_word) {
      utf8::append(&word, lower(c));
    }
    if ((!in_word || i == text.size()) && !word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  letters[kOther] = 0;
  // Japanese mixes kanji (Han) with kana; Chinese has no kana.
  const int kana = letters[kKana];
  letters[kHan] += kana;
  letters[kKana] = 0;
  const auto best =
      static_cast<Script>(std::max_element(letters.begin(), letters.end()) - letters.begin());
  if (letters[best] < kMinLetters) return "";
  switch (best) {
    case kLatin:
    case kCyrillic: return by_function_words(words, best);
    case kHan: return kana * 10 >= letters[kHan] ? "ja" : "zh";
    case kGreek: return "el";
    case kHangul: return "ko";
    case kArabic: return "ar";
    case kHebrew: return "he";
    case kThai: return "th";
    case kDevanagari: return "hi";
    default: return "";
  }
}

}  // namespace trawl::indexer
