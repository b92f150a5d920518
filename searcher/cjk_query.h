// CJK bigram backups in a parsed query (common/cjk.h explains the terms).
//
// Each CJK word of two or more characters, and each phrase made only of
// CJK words (a query word ICU split: "参政権" -> 参-政権), becomes
//
//   (WORD OR (XC参政 AND XC政権))
//
// so the word matches as before and the bigrams find it inside other words.
// Prefixed (field) words and single characters are left alone. Call it on
// QueryParser's output, before expand_query(): a stem leaf "Z" + word keeps
// its Z, and the bigrams are plain terms that expansion passes over.
// Pure function; thread-safe.
#pragma once

#include <xapian.h>

namespace trawl::searcher {

Xapian::Query add_cjk_backups(const Xapian::Query& q);

}  // namespace trawl::searcher
