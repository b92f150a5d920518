// Synonym files (--synonyms FILE): one group of words that mean the same per
// line, separated by commas; '#' starts a comment.
//
//   # names spelt many ways
//   Alexei, Alexey, Aleksei
//   Tsikhanouskaya, Tikhanovskaya
//   U.S., United States
//
// Each entry is analysed like any text (folded; several words make a
// phrase), so "U.S." and "Alexeï" match what the documents hold.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace trawl::indexer {

// Parses the text of a synonym file into groups of folded entries. Fails,
// naming the line, for a line with a single entry.
Status parse_synonyms(std::string_view text, std::vector<std::vector<std::string>>* groups);

}  // namespace trawl::indexer
