// DocumentBuilder: a DocRecord -> a Xapian::Document laid out as schema.h
// says: title and body words with positions and stems, extra fields and
// author as free text (also unprefixed, so plain queries find them), the
// boolean filter terms (author, ext, type, path, lang, dates), the id terms,
// the value slots and the record as document data. Does no I/O.
//
// Not thread-safe: it owns an Analyzer and a stem cache. Use one per thread.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analyzer.h"
#include "schema.h"

namespace trawl::indexer {

class DocumentBuilder {
 public:
  // `max_terms`: a document stops taking text once it holds this many
  // distinct terms (each costs about 1 KB of memory until written).
  explicit DocumentBuilder(Xapian::Stem stemmer, size_t max_terms = SIZE_MAX);

  // Builds the document for `record`; `key` is its identity (see
  // schema::id_term). A text longer than kInlineTextBytes leaves the record:
  // its pieces are appended to *texts as (metadata key, piece) for the
  // writer to store with the document (stored_text.h).
  Xapian::Document build(schema::DocRecord record, const std::string& key,
                         std::vector<std::pair<std::string, std::string>>* texts);

  // The (stem, term) pairs of the stemmable terms this builder has indexed
  // since the last call and not reported before: the writer records them in
  // the database's stem table (schema.h), which the searcher uses to expand
  // a word to all indexed words with the same stem.
  std::vector<std::pair<std::string, std::string>> take_new_stems();

  // How many documents built since the last call contained each word (for
  // the spelling table, which suggests corrections to misspelt queries).
  std::unordered_map<std::string, unsigned> take_spelling();

  // With false, take_new_stems() and take_spelling() stay empty: a fresh
  // build fills those tables from the merged vocabulary (build_vocabulary).
  void set_track_vocabulary(bool on) { track_vocabulary_ = on; }

  // True if the last document built reached max_terms and lost text.
  bool truncated() const { return truncated_; }
  // Where in its body text the last document built stopped taking words,
  // on reaching max_terms (its record's text ends there too), or npos if
  // it took the whole body: the caller may index the rest as another
  // document (text_parts.h). Such a stop alone does not make truncated().
  size_t body_stop() const { return body_stop_; }

 private:
  void index_title(const std::string& title, Xapian::Document* doc);
  // Indexes `text` from position `pos` under `prefix` (and unprefixed when
  // `plain`); returns the next free position.
  Xapian::termpos index_text(const std::string& text, const std::string& prefix, bool plain,
                             Xapian::termpos pos, Xapian::Document* doc);
  // Adds the CJK bigram terms of tokens_ (cjk.h) before position `end`,
  // with `wdf` each, within max_terms.
  void add_bigrams(Xapian::termcount wdf, Xapian::termpos end, Xapian::Document* doc);
  void index_filters(const schema::DocRecord& record, Xapian::Document* doc);
  // Adds anchors to `record` and moves a long text out of it into pieces
  // (tokens_ holds its tokens).
  void store_text(schema::DocRecord* record, Xapian::termpos end,
                  std::vector<std::pair<std::string, std::string>>* texts);
  // The stem of `term`, from a bounded cache; *fresh is true if it was not
  // cached (a pair to report in take_new_stems()).
  const std::string& stem_of(const std::string& term, bool* fresh);
  // Stems, spelling words and the MinHash signature of a built document.
  void note_words(Xapian::Document* doc);

  Analyzer analyzer_;
  Xapian::Stem stemmer_;
  std::vector<Token> tokens_;
  std::vector<Token> bigrams_;
  std::unordered_map<std::string, std::string> stems_;  // term -> stem, bounded
  bool track_vocabulary_ = true;
  std::vector<std::pair<std::string, std::string>> new_stems_;
  std::unordered_map<std::string, unsigned> spelling_;
  // The accented forms (Token::accented) of the document being built: kept
  // out of the spelling table and the MinHash words (a copy without marks
  // is still a near-duplicate); their stems go to the stem table.
  std::unordered_set<std::string> marked_;
  size_t max_terms_;
  bool truncated_ = false;
  size_t stop_byte_ = std::string::npos;  // where index_text last stopped
  size_t body_stop_ = std::string::npos;
};

// Moves a document built for one file to another path (a renamed file with
// the same content): replaces the id, file and folder terms, the path value,
// the stamp values and the record. `record` is the document's decoded data
// (a long text's pieces keep their id and need no copy).
// Records the source file's ctime (schema::kSlotCtime) in `doc`.
void set_ctime(Xapian::Document* doc, int64_t ctime);

void move_document(Xapian::Document* doc, schema::DocRecord record, const std::string& new_path,
                   int64_t mtime, uint64_t size);

// "YYYYMMDD" for an ISO 8601 date ("2024-05-03T10:00:00Z" -> "20240503"),
// else for the mtime (seconds, UTC).
std::string date_key(const std::string& iso_date, int64_t mtime);

}  // namespace trawl::indexer
