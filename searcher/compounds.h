// Compound words in a parsed query: a word the analyzer splits into parts
// ("e-mail", "co-ordinated", "1,400", "Russia's") becomes a phrase of its
// parts in the query, but a document may write it joined ("email",
// "coordinated", "1400", "Russias"). Documents index the joined form too,
// as an alias at the last part's position (analyzer.h), so
//
//   (e@1 PHRASE 2 mail@2)  ->  ((e@1 PHRASE 2 mail@2) OR 0 * (email SYNONYM emails))
//
// finds both spellings from either. The joined form only widens the match
// (weight 0): documents that write the compound as typed score as before,
// and rank above those that join it (measured: SciFact and Cranfield
// unchanged; with its own weight Cranfield lost 0.005 nDCG@10). Only
// phrases that stand for a whole compound of the query (Rewrite::compounds)
// are touched, never one under NEAR, ADJ or another phrase. Call it on
// QueryParser's output; `joined` makes the query of a joined word (its
// forms, expand.h). Thread-safe if `joined` is.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "rewrite.h"

namespace trawl::searcher {

Xapian::Query add_compound_aliases(const Xapian::Query& q, const std::vector<Compound>& compounds,
                                   const std::function<Xapian::Query(const std::string&)>& joined);

}  // namespace trawl::searcher
