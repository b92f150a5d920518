// Query-side stopwords: function words that carry no topic ("the", "of",
// "which") and only add noise to a ranked query written as a sentence or a
// question. QueryParser leaves them out of a query unless they are in a
// quoted phrase or the query has nothing else, so "to be or not to be" and
// "the who" still work. Documents keep every word.
//
// Only for databases stemmed in English for now: the list is English.
// Measured on the judged collections in docs/relevance.md.
#pragma once

#include <memory>
#include <string>

#include <xapian.h>

namespace trawl::searcher {

// The stopper for a database's stemming language ("english"), or nullptr
// when trawl has no list for it.
std::unique_ptr<Xapian::Stopper> make_stopper(const std::string& language);

}  // namespace trawl::searcher
