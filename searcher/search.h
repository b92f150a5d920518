// Searcher: runs a query against a trawl database and returns ranked hits
// with their records, passages and extras. Prints nothing.
//
// The stemming language is read from the database, so queries are analysed
// exactly as the documents were. Beyond the ranked hits it can: filter by
// date (--after/--before), sort by a value, count values of the matches
// (facets), fold near-duplicates under their best hit, find documents like
// a given one (relevance feedback), explain each hit's score, suggest a
// spelling and rerun a corrected query, and tell whether indexed folders
// changed since the index was built.
//
// A search that meets a concurrent commit throws Xapian::DatabaseError (or
// DocNotFoundError): the caller opens a new Searcher and retries
// (run_search.cc). Not thread-safe.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "open_db.h"
#include "options.h"
#include "query.h"
#include "schema.h"
#include "snippet.h"

namespace trawl::searcher {

class PathFilter;  // extras.h

struct Similar {  // a near-duplicate folded under a hit
  std::string path, id, title;
  double score = 0;
  double similarity = 0;
};

struct Contribution {  // --explain: one query term's share of a hit's score
  std::string term;    // as the query has it ("sanction*", "\\"harbour bridge\\"")
  std::vector<std::string> matched;  // the document's words it matched
  double weight = 0;
};

struct Hit {
  size_t rank = 0;        // 1-based, counting from the first hit overall
  double score = 0;       // BM25
  Xapian::docid docid = 0;
  schema::DocRecord record;
  Snippet snippet;                 // the best passage (= passages[0] when in text order)
  std::vector<Snippet> passages;   // --passages N, in text order
  std::vector<Span> title_highlights;
  std::vector<Similar> similar;
  // A part of a long text: the file's other matching parts (folded under
  // its best one), by number, as far as the collapse looked; and how many
  // of the file's parts match in all, itself included (0: not counted).
  std::vector<uint32_t> more_parts;
  uint32_t parts_matching = 0;
  std::vector<Contribution> explain;
  // Its text is read back from its file, which no longer holds it (changed
  // or gone since indexing): passages that needed it are left out.
  bool text_changed = false;
};

struct FacetValue {
  std::string value;
  Xapian::doccount count = 0;
};

struct SearchResult {
  std::vector<Hit> hits;
  Xapian::doccount matches_lower = 0;
  Xapian::doccount matches_estimated = 0;
  Xapian::doccount matches_upper = 0;
  bool exact = false;        // the counts are exact (not --estimate)
  std::string parsed_query;  // Xapian's description of the query
  std::string rewritten;     // what QueryParser was given
  std::string warning;       // the query was retried as plain words
  bool no_words = false;     // the query held nothing to search for ("*", "!!!")
  std::vector<std::string> problems;  // parts of the query left out
  std::string did_you_mean;  // spelling suggestion ("" if none)
  bool auto_corrected = false;  // the results are those of did_you_mean
  std::vector<std::string> missing_shards;  // left out (--allow-partial): partial results
  // Per facet, in the order asked for: its values, most frequent first.
  std::vector<std::pair<std::string, std::vector<FacetValue>>> facets;
  size_t stale = 0;          // indexed folders changed since the index run
};

class Searcher {
 public:
  // Opens the databases (or shards, local or remote) read-only as one.
  // Throws trawl::Error (exit 2) if one does not exist, cannot be reached
  // (unless options.allow_partial), or is not a trawl database.
  Searcher(const std::vector<std::string>& paths, const OpenOptions& options);
  // Searches an open database (tests pass a scratch one); `name` is used
  // in messages.
  Searcher(Xapian::Database db, std::string name);

  // Throws trawl::Error for a bad --like or facet name, or a query over
  // kMaxQueryBytes.
  SearchResult search(const SearchOptions& options);

  const std::string& language() const { return language_; }
  // Shards left out because they failed (--allow-partial), with the reason.
  const std::vector<std::string>& missing() const { return missing_; }

 private:
  void set_language();  // language, stemmer and stopwords from the metadata
  SearchResult run(const SearchOptions& options, const std::string& text);
  QueryOptions query_options(const SearchOptions& options) const;
  // What keeps or drops a match beyond the query: -g's path filter and
  // -s's case filter, which asks the former first. Either may be absent.
  struct Deciders {
    std::unique_ptr<PathFilter> paths;
    std::unique_ptr<CaseChecker> checker;
    std::unique_ptr<CaseFilter> cased;
    const Xapian::MatchDecider* first = nullptr;  // what Xapian is given (null: none)
  };
  // Throws trawl::Error if one is asked for over remote shards.
  Deciders deciders(const SearchOptions& options, const BuiltQuery& built) const;
  // The query with the ranking parts added (ranking.h), unless only counted.
  Xapian::Query rank(const SearchOptions& options, const BuiltQuery& built, const Xapian::Query& q,
                     const Xapian::Weight& weight, const Xapian::MatchDecider* decider);
  // Runs `q`: hits, counts and facets into *result.
  void match(const SearchOptions& options, const Xapian::Query& q, const Xapian::Weight& weight,
             const Xapian::MatchDecider* decider, SearchResult* result);
  Xapian::Query like_query(const SearchOptions& options);
  // -L: the files in scope (-t/-T, dates, -g) none of whose documents
  // match `matching` (filters and deciders applied) into result->hits, in
  // path order, each once.
  void files_without(const SearchOptions& options, const Xapian::Query& matching,
                     const Deciders& deciders, SearchResult* result);
  // The paths of the documents `q` matches that `decider` keeps.
  std::set<std::string> paths_of(const Xapian::Query& q, const Xapian::MatchDecider* decider);
  void fill_hits(const SearchOptions& options, Xapian::Enquire& enquire,
                 Xapian::doccount check_at_least, const Xapian::MatchDecider* decider,
                 SearchResult* result);
  // Counts the matching parts of the file of each hit that is a part
  // (Hit::parts_matching): the collapse lists only those it fetched. Hits
  // made from slots alone (-l, TREC runs) have no part and cost nothing.
  void count_parts(const Xapian::Query& q, const Xapian::MatchDecider* decider,
                   std::vector<Hit>* hits);

  std::string path_;
  Xapian::Database db_;
  std::vector<Xapian::Database> parts_;  // db_'s parts, in order (for stored text)
  std::vector<std::string> missing_;
  bool remote_ = false;  // some part is served by xapian-tcpsrv
  std::string fields_;  // the extra field names of all parts
  std::string language_;
  Xapian::Stem stemmer_;
  std::unique_ptr<Xapian::Stopper> stopper_;  // query stopwords, or nullptr
};

// Longer queries are refused (a query of thousands of words takes seconds
// and is never typed; scripts send many short ones with --queries).
inline constexpr size_t kMaxQueryBytes = 10000;
// -f FILE: at most this many lines (queries), OR'ed into one search.
inline constexpr size_t kMaxQueryLines = 1000;

// The facet names --facets accepts.
inline constexpr const char* kFacetNames[] = {"ext", "year", "lang", "author"};

}  // namespace trawl::searcher
