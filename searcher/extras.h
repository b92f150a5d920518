// The pieces of a search beyond matching and snippets, each small enough to
// test on its own: filters and order (filters.cc), and what is done with
// the matches (results.cc): counts, near-duplicate folding, explanations,
// documents like a given one, and the freshness of the index.
#pragma once

#include <xapian.h>

#include <functional>
#include <string>
#include <vector>

#include "fold.h"
#include "ignore.h"
#include "minhash.h"
#include "options.h"
#include "search.h"

namespace trawl::searcher {

// Values listed per facet.
inline constexpr size_t kFacetValues = 20;
// Terms of a document used to find documents like it.
inline constexpr Xapian::termcount kLikeTerms = 40;
// Indexed folders looked at by the freshness check (bounds its cost).
inline constexpr size_t kMaxFoldersChecked = 2000;

// A word worth offering to an expansion (feedback, --like): unprefixed
// (prefixes are upper-case ASCII), a content word (minhash.h), not an
// accented form (fold.h has_marks).
inline bool expandable(const std::string& term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z') && content_word(term) &&
         !has_marks(term);  // "résumé" beside "resume": the folded word stands for both
}

// `q` limited to dates from `after` to `before` ("YYYYMMDD", "" = open),
// without changing scores. An empty `q` with a date range matches every
// document in the range.
Xapian::Query with_date_filter(const Xapian::Query& q, const std::string& after,
                               const std::string& before);

// `q` limited to documents of the formats `types` (any; none: all) and not
// of `types_not` (-t/-T: format names, file_types.h), scores unchanged.
Xapian::Query with_type_filter(const Xapian::Query& q, const std::vector<std::string>& types,
                               const std::vector<std::string>& types_not);

// -g: keeps the documents whose path, relative to `cwd` (as printed), the
// globs keep: gitignore syntax as trawl-index -g (ignore.h GlobSet: 'GLOB'
// includes, '!GLOB' excludes, the last matching one decides; a folder
// excluded takes its files). Reads each candidate's path slot. Not for
// remote shards (xapian-tcpsrv cannot run it).
class PathFilter : public Xapian::MatchDecider {
 public:
  PathFilter(const std::vector<std::string>& globs, std::string cwd);
  bool operator()(const Xapian::Document& doc) const override;

 private:
  GlobSet globs_;
  std::string cwd_;
};

// Orders by the value of --sort (then relevance), ascending unless `reverse`.
void set_sort(Xapian::Enquire& enquire, SortBy sort, bool reverse);

// The query of documents like the one with unique term `term`: its most
// significant words (Xapian's relevance feedback), excluding itself.
Xapian::Query similar_documents(const Xapian::Database& db, const std::string& term);

// Pseudo-relevance feedback (ranking.h): the words (up to `terms`) the
// best `docs` hits of `q` share, each scaled to at most `weight` times a
// query word, OR'ed; an empty query if the hits are too few. `widen` is
// read by the caller (OR: the words may find new documents; AND_MAYBE:
// they only rerank).
struct FeedbackOptions {
  Xapian::doccount docs = 10;
  Xapian::termcount terms = 10;
  double weight = 0.05;
  bool widen = false;
  // Documents longer than this (in words) are left out of the feedback set:
  // reading a book's term list costs milliseconds, and a whole book's words
  // say little about a query.
  Xapian::termcount max_length = 3000;
  // Only documents it accepts are feedback documents (-g); not owned.
  const Xapian::MatchDecider* decider = nullptr;
};
Xapian::Query feedback_terms(const Xapian::Database& db, const Xapian::Query& q,
                             const Xapian::Weight& weight, const Xapian::Stopper* stopper,
                             const FeedbackOptions& options);

// A word to add, with its expansion weight.
struct ExpandTerm {
  std::string term;
  double weight = 0;
};
// The `count` best words of documents `docs` that `decider` accepts, as
// Xapian's Enquire::get_eset (TradEWeight, USE_EXACT_TERMFREQ) ranks them,
// best first (feedback.cc).
std::vector<ExpandTerm> best_expansion_terms(const Xapian::Database& db,
                                             const std::vector<Xapian::docid>& docs,
                                             size_t count, const Xapian::ExpandDecider& decider);

// Copies the match counts of `mset`.
void set_counts(const Xapian::MSet& mset, SearchResult* result);

// The hits of `mset` in rank order, each near-duplicate (MinHash similarity
// >= kNearDuplicate) folded into the `similar` list of the best hit it is
// like. Returns the groups [from, to) only (a page), and sets *groups to
// how many groups the MSet holds. Makers are called for the entries of the
// page's groups only: `make_hit` for a group's first hit, `make_similar` for
// the hits folded under it (text output shows only their paths, so it need
// not inflate their records). The signatures are read from `db` (the
// database `mset` came from) in docid order, through one value stream.
// The parts of a long text (schema::kSlotPart) fold into the hit of their
// file's best part, as numbers in its `more_parts` (no maker is called for
// them), unless that part itself folded under another file's hit.
using HitMaker = Hit (*)(const Xapian::MSetIterator&);
std::vector<Hit> collapse_near_duplicates(const Xapian::Database& db, const Xapian::MSet& mset,
                                          HitMaker make_hit, HitMaker make_similar, size_t from,
                                          size_t to, size_t* groups);

// Fills Hit::explain: each scoring part of `q` (a word and its forms, a
// phrase, a wildcard) with its share of each hit's score and the words of
// the document it matched.
void explain_hits(const Xapian::Database& db, const Xapian::Query& q, const Xapian::Weight& weight,
                  std::vector<Hit>* hits);

// How many folders recorded at index time are gone or have another mtime
// now (at most kMaxFoldersChecked are looked at).
size_t stale_folders(const Xapian::Database& db);

}  // namespace trawl::searcher
