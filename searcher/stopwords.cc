#include "stopwords.h"

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

}  // namespace

std::unique_ptr<Xapian::Stopper> make_stopper(const std::string& language) {
  if (language != "english" && language != "en") return nullptr;
  auto stopper = std::make_unique<Xapian::SimpleStopper>();
  for (std::string_view w : kEnglish) stopper->add(std::string(w));
  return stopper;
}

}  // namespace trawl::searcher
