// SearchOptions: everything a trawl-search run can be asked to do. main()
// fills it from the command line; tests fill it directly.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "case_forms.h"
#include "colors.h"
#include "open_db.h"
#include "ranking.h"
#include "snippet.h"

namespace trawl::searcher {

enum class OutputMode {
  kText,   // ranked hits with title, path and snippet (default)
  kJson,   // --json: JSON Lines hit records and a summary record
  kFiles,  // -l: ranked paths only (hits hold record.path and score, nothing else)
  kFilesWithout,  // -L: files in scope with no matching document, in path order (record.path)
  kCount,  // -c: the number of matching documents
  kQuiet,  // -q: nothing; the exit status tells
  kTrec,   // --format trec: "qid Q0 docid rank score tag" lines (hits hold path, id, score)
};

enum class ColorMode { kAuto, kAlways, kNever };

enum class SortBy { kRelevance, kDate, kModified, kPath, kSize };

struct SearchOptions {
  std::string db_path;           // absolute; main() resolves it
  std::vector<std::string> more_dbs;  // further --db: searched as one with db_path
  OpenOptions open;              // --timeout, --allow-partial (open_db.h)
  std::string query;             // the words, joined with spaces
  bool match_any = false;        // --or: any word may match (ranked by how many)
  std::string weighting = "bm25";  // --weighting: the ranking formula (weighting.h)
  bool stopwords = true;         // leave out function words (--keep-stopwords: keep them)
  Expand expand = Expand::kAuto;  // --expand / --no-expand: pseudo-relevance feedback
  RankingOptions ranking;        // proximity, title field, feedback (ranking.h)
  std::vector<std::string> query_files;  // -f FILE (as given; "-": stdin)
  std::vector<std::string> query_lines;  // their lines: a document matches any (grep -f)
  bool fixed_strings = false;    // -F: plain words, no query syntax
  bool stem = true;              // other forms of each word match (--no-stem: as typed only)
  bool fold_accents = false;     // --fold-accents: a word typed with marks matches every spelling
  CaseMode case_mode = CaseMode::kIgnore;  // -i (default), -s, -S: words in any case or as typed
  size_t limit = 10;             // -n, -m: hits to show (0: every match)
  size_t offset = 0;             // --offset: hits to skip
  size_t snippet_chars = 200;    // --snippet-len: passage length in characters
  LineContext context;           // -A/-B/-C: passages of whole lines with context (snippet.h)
  bool snippets = true;          // --no-snippets: hits without passages (not with --vimgrep)
  OutputMode mode = OutputMode::kText;
  bool null_separated = false;   // -0: with -l, end paths with NUL
  bool color = false;            // resolved from --color, NO_COLOR and the tty
  Palette palette;               // --colors: what each kind of text looks like
  bool vimgrep = false;          // --vimgrep: path:line:col:passage lines
  std::string hyperlink;         // --hyperlink-format's URL template (hyperlink.h); "" = none

  // Filters and order.
  std::string after;             // --after DATE: "YYYYMMDD", inclusive
  std::string before;            // --before DATE: "YYYYMMDD", inclusive
  std::vector<std::string> types;      // -t: only documents of these formats (file_types.h)
  std::vector<std::string> types_not;  // -T: none of these
  std::vector<std::string> globs;  // -g: paths (relative to cwd) to keep or, with '!', drop
  std::string cwd;               // the current folder (main() sets it): -g is relative to it
  SortBy sort = SortBy::kRelevance;  // --sort, --sortr
  bool reverse = false;          // --reverse: descending date/path/size

  // Answers beyond the hits.
  std::vector<std::string> facets;  // --facets ext,year,lang,author
  bool estimate = false;         // --estimate: Xapian's bounds instead of exact counts
  bool collapse = true;          // near-duplicates under their best hit (--no-collapse)
  std::string like;              // --like PATH_OR_ID: documents similar to this one
  bool explain = false;          // --explain: each matched term's share of the score
  bool debug = false;            // --debug: the parsed query on stderr
  bool stats = false;            // --stats: counts and time on stderr (stats.h)
  size_t passages = 1;           // --passages N: best passages per hit
  bool synonyms = false;         // --synonyms: expand every word to its synonyms
  bool auto_correct = false;     // --auto-correct: rerun a misspelt query that found nothing
  bool check_fresh = true;       // warn when indexed folders changed since indexing
  bool fresh = false;            // --fresh: run trawl-index over the indexed paths first (fresh.h)

  // Many queries in one run (batch.h).
  std::string queries_file;      // --queries FILE ("-": stdin)
  std::string query_id;          // the current query's id in a batch ("" otherwise)
  size_t jobs = 0;               // -j, --jobs: threads running the batch (0: one per core)
  std::string run_tag = "trawl";  // --run-tag: last column of --format trec
};

}  // namespace trawl::searcher
