// Phrases next to NEAR and ADJ, for Xapian 1.4's QueryParser, which groups
// only single terms with them: after a phrase it reads "NEAR" as a word and
// drops the quotes ('"harbour bridge" NEAR closure' became harbour AND
// bridge AND near AND closure).
//
//   "harbour bridge" NEAR closure  ->  ("harbour bridge" AND harbour NEAR bridge NEAR closure)
//   "a" ADJ/3 "b c"                ->  ("b c" AND a ADJ/3 b ADJ/3 c)
//
// A chain of plain words and phrases joined by one positional operator
// becomes its phrases (AND) and all their words in one chain of that
// operator. QueryParser's window grows with the number of words (NEAR/n
// over k terms is a window of n + k - 1), so a phrase's own words do not
// shrink the distance asked for. The phrase and the chain are matched
// apart: a document with the phrase in one place and its words near the
// other word in another matches too (rare, and still a near match).
// Pure.
#pragma once

#include <string>
#include <string_view>

namespace trawl::searcher {

// `text` (a rewritten query, rewrite.h) with each chain of words and
// phrases joined by NEAR or ADJ that holds a phrase rewritten as above.
// Chains with a field, a wildcard, a leading + - ~ or a compound's parts
// (a-b) are left alone, as is everything else.
std::string near_phrases(std::string_view text);

}  // namespace trawl::searcher
