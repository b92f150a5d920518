#include "minhash.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

#include "utf8.h"

namespace trawl {
namespace {

// Function words of the languages most documents are in; short words are
// dropped by length anyway. Sorted, for a binary search: this runs for every
// distinct word of every document indexed and of every feedback document.
constexpr std::array<std::string_view, 48> kStop = {
    "about", "also", "and", "are", "been", "but", "dans", "das", "der", "des", "die", "ein", "eine",
    "est", "for", "from", "had", "has", "have", "her", "his", "into", "its", "les", "mit", "not",
    "pour", "than", "that", "the", "their", "then", "there", "these", "they", "this", "und", "une",
    "was", "were", "what", "when", "where", "which", "who", "will", "with", "would"};
static_assert(std::is_sorted(kStop.begin(), kStop.end()));
constexpr size_t kLongestStop = 5;
static_assert(std::all_of(kStop.begin(), kStop.end(),
                          [](std::string_view w) { return w.size() <= kLongestStop; }));

uint64_t mix(uint64_t x) {  // splitmix64 finaliser
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

uint64_t word_hash(std::string_view w) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return mix(h);
}

}  // namespace

bool content_word(std::string_view term) {
  if (utf8::length(term) < 3) return false;
  if (term.find_first_not_of("0123456789") == std::string_view::npos) return false;
  return term.size() > kLongestStop || !std::binary_search(kStop.begin(), kStop.end(), term);
}

std::string minhash(const std::vector<std::string>& words) {
  if (words.empty()) return std::string();
  std::array<uint32_t, kMinHashes> mins;
  mins.fill(std::numeric_limits<uint32_t>::max());
  for (const std::string& w : words) {
    const uint64_t h = word_hash(w);
    for (size_t i = 0; i < kMinHashes; ++i) {
      const uint32_t v = static_cast<uint32_t>(mix(h + i * 0x632be59bd9b4e019ULL) >> 32);
      mins[i] = std::min(mins[i], v);
    }
  }
  std::string out(kMinHashes * 4, '\0');
  for (size_t i = 0; i < kMinHashes; ++i) {
    for (int b = 0; b < 4; ++b) out[i * 4 + b] = static_cast<char>((mins[i] >> (8 * b)) & 0xFF);
  }
  return out;
}

double similarity(std::string_view a, std::string_view b) {
  if (a.empty() || a.size() != b.size() || a.size() % 4 != 0) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); i += 4) {
    uint32_t x, y;  // one hash each, compared whole (a.compare per hash cost 10x more)
    std::memcpy(&x, a.data() + i, 4);
    std::memcpy(&y, b.data() + i, 4);
    same += x == y;
  }
  return static_cast<double>(same) / static_cast<double>(a.size() / 4);
}

}  // namespace trawl
