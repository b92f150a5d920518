// Where a phrase is in a document, from the position lists Xapian holds:
// for the passage of a long text (passages.h) and for -s (case_forms.h).
//
// A phrase's common words are not read: "and" has some 30,000 positions
// in a book, and Xapian 1.4 decodes a whole position list to look at one
// position. So the starts found are those where the phrase's rarer words
// stand in order ("pride ? prejudice"); the text read there tells the
// rest (snippets highlight only whole phrases, -s checks every word).
//
//   "pride and prejudice", collection frequencies 1,200 / 3.1 M / 400
//   -> probes {pride, prejudice}: starts p with pride at p, prejudice at p + 2
//
// Thread-compatible (reads the database).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "schema.h"

namespace trawl::searcher {

// Words of a phrase at most this many times as frequent as its rarest
// (collection frequency) are read.
inline constexpr double kProbeRatio = 8.0;

// The indices of `terms` worth reading positions of in `db`: the rarest
// and those within kProbeRatio of it; all for a phrase of one or two words.
std::vector<uint32_t> phrase_probes(const Xapian::Database& db, const std::vector<std::string>& terms);

// The body positions p of document `did` (whose record is `record`) where
// terms[k] stands at p + k for every k of `probes`, in order. With every
// index in `probes`, exactly where the phrase starts.
std::vector<Xapian::termpos> phrase_starts(const Xapian::Database& db, Xapian::docid did,
                                           const schema::DocRecord& record,
                                           const std::vector<std::string>& terms,
                                           const std::vector<uint32_t>& probes);

}  // namespace trawl::searcher
