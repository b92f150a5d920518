// How trawl ranks beyond the weighting formula: what is added to the query
// the user typed before it runs. Each part was kept because it raised
// nDCG@10 on both judged collections (docs/relevance.md has the table):
//
//   proximity   neighbouring query words found within `window` positions
//               earn a fixed bonus (the match set is unchanged);
//   title       the query's words searched again in the title field,
//               scaled: a second field with its own length normalisation;
//   feedback    pseudo-relevance feedback: words the best hits share are
//               added with a small weight. Automatic for queries of
//               `feedback_min_words` or more content words (questions and
//               sentences); --expand forces it, --no-expand turns it off.
//
// Developers can change the figures without rebuilding through
// TRAWL_RANKING (see ranking_from_env); users have --expand/--no-expand.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace trawl::searcher {

enum class Expand { kAuto, kOn, kOff };

struct RankingOptions {
  Xapian::termcount proximity_window = 8;
  double proximity_bonus = 1.0;     // 0: off
  double title_weight = 0.1;        // 0: off
  Xapian::doccount feedback_docs = 10;
  Xapian::termcount feedback_terms = 10;
  double feedback_weight = 0.05;
  size_t feedback_min_words = 3;
};

// RankingOptions from a TRAWL_RANKING value such as
// "proximity=8:1,title=0.1,feedback=10:10:0.05,feedback_min_words=3"
// (omitted keys keep their defaults). Throws trawl::Error for a bad value.
RankingOptions ranking_from_env(const char* value);

// `q` with the ranking parts added. `content_words`: the query's words
// that are not stopwords; `match_any`: --or (feedback may then find new
// documents); `decider`: the search's -g filter, or nullptr (feedback
// learns from the documents it keeps); `alternatives`: q's scoring part is
// an OR of queries built alone (-f's lines), so each gets its own
// proximity bonus, as it would searched alone.
Xapian::Query apply_ranking(const Xapian::Database& db, const Xapian::Query& q,
                            const Xapian::Weight& weight, const Xapian::Stopper* stopper,
                            size_t content_words, bool match_any, Expand expand,
                            const RankingOptions& options,
                            const Xapian::MatchDecider* decider = nullptr,
                            bool alternatives = false);

}  // namespace trawl::searcher
