#include "stopwords.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace trawl::searcher {
namespace {

// Articles, pronouns, auxiliaries, prepositions, conjunctions and
// question words of English: words that say how a sentence is built, not
// what it is about. Negations ("not", "no") are kept out of the list:
// queries that are claims depend on them only weakly, but a user's "no"
// may matter.
constexpr std::string_view kEnglish[] = {
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
    "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for",
    "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
    "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "me",
    "more", "most", "my", "myself", "of", "off", "on", "once", "only", "or", "other", "our",
    "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such",
    "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
    "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your", "yours", "yourself", "yourselves"};

static_assert(std::is_sorted(std::begin(kEnglish), std::end(kEnglish)));
constexpr size_t kLongest = 10;  // "yourselves"
static_assert(std::all_of(std::begin(kEnglish), std::end(kEnglish),
                          [](std::string_view w) { return w.size() <= kLongest; }));

// Where the words of each initial letter start in kEnglish (27 entries).
constexpr auto kByInitial = [] {
  std::array<size_t, 27> first{};
  for (int c = 0; c < 26; ++c) {
    first[c] = static_cast<size_t>(
        std::find_if(std::begin(kEnglish), std::end(kEnglish),
                     [c](std::string_view w) { return w[0] >= 'a' + c; }) -
        std::begin(kEnglish));
  }
  first[26] = std::size(kEnglish);
  return first;
}();

// The feedback pass asks about every word of its documents: a search among
// the few words of the same initial letter (Xapian's SimpleStopper, a
// std::set of all of them, cost several times as much).
class EnglishStopper : public Xapian::Stopper {
 public:
  bool operator()(const std::string& term) const override {
    if (term.empty() || term.size() > kLongest || term[0] < 'a' || term[0] > 'z') return false;
    const size_t c = static_cast<size_t>(term[0] - 'a');
    const auto* begin = std::begin(kEnglish) + kByInitial[c];
    const auto* end = std::begin(kEnglish) + kByInitial[c + 1];
    return std::find(begin, end, std::string_view(term)) != end;
  }
  std::string get_description() const override { return "trawl::EnglishStopper"; }
};

}  // namespace

std::unique_ptr<Xapian::Stopper> make_stopper(const std::string& language) {
  if (language != "english" && language != "en") return nullptr;
  return std::make_unique<EnglishStopper>();
}

}  // namespace trawl::searcher
