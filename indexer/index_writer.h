// IndexWriter: applies a run's changes to one glass database: adds and
// replaces the documents of files, deletes those of vanished files, moves
// documents of renamed files, refreshes stamps, and keeps trawl's metadata
// (schema version, language, extra field names). Nothing is visible to
// searchers until commit(), which must be called explicitly and is also
// made durable on disk (fsync of the folder). Changes between commits form a
// transaction: a writer destroyed without commit() (an error unwinding the
// run) discards them, so the database stays at its last commit.
//
// Not thread-safe: one writer thread.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "crawl.h"
#include "worker.h"

namespace trawl::indexer {

// The language of a run: the database's own (which must equal `requested`
// when both are given), else `requested`, else the default. `db` may be
// null for a new database. Throws trawl::Error for a mismatch or an unknown
// language; `name` names the database in messages.
std::string resolve_language(const Xapian::Database* db, std::string_view requested,
                             const std::string& name);

class IndexWriter {
 public:
  // Opens the glass database at `path`, creating it if needed, with trawl's
  // metadata. Throws trawl::Error if it cannot be opened, is locked by
  // another writer (kExitLocked) or was made by a newer trawl.
  IndexWriter(const std::string& path, const std::string& language, const std::string& name);

  // Writes a worker's result: for an update, first deletes the file's old
  // documents; for a grown file (result.appended), first gives them its new
  // stamp and hash. A part (result.partial) marks its file as not yet whole
  // until its last result comes. A grown file one of whose new documents
  // has the key of an old one (mbox messages numbered otherwise than the
  // old part's count said) stays marked, so that the next run makes it
  // whole again. Returns the number of documents deleted.
  size_t apply(FileResult& result);
  // Deletes the documents of the file at `path`; returns how many. Commits
  // on the way whenever the documents deleted since the last commit held
  // the delete budget's terms (so a file of many documents is deleted in
  // bounded memory); the file is marked as written in part meanwhile, and
  // the mark goes at the end, unless `keep_partial`.
  size_t remove(const std::string& path, bool keep_partial = false);
  // The deletion budget: commit after deleting documents with this many
  // (document, term) postings; 0 (the default) = never.
  void set_delete_budget(size_t postings) { delete_budget_ = postings; }
  // Moves the documents of `from` to the file `to` (same content).
  void move(const std::string& from, const FileRef& to);
  // Refreshes the stamp values of `file`'s documents (and their content
  // hash, if `hash` is given).
  void restamp(const FileRef& file, const std::string& hash = "");
  // Records extra field names for the searcher (written at commit()).
  void add_field_names(const std::vector<std::string>& names);

  void commit();
  Xapian::WritableDatabase& db() { return db_; }

 private:
  std::string path_;
  Xapian::WritableDatabase db_;
  std::set<std::string> field_names_;
  bool fields_changed_ = false;
  std::unordered_map<std::string, unsigned> spelling_;  // this batch's words
  // Files whose documents are written in parts and not yet whole (kept in
  // schema::kMetaPartial at each commit, so that a stopped run's are made
  // again), including those a stopped run left.
  std::set<std::string> partial_;
  bool partial_changed_ = false;
  std::set<std::string> clashed_;  // grown files whose new keys met old ones
  size_t delete_budget_ = 0;
  size_t deleted_terms_ = 0;  // postings deleted since the last commit
};

// Records (stem, term) pairs in the stem table (schema.h).
void add_stems(Xapian::WritableDatabase& db,
               const std::vector<std::pair<std::string, std::string>>& stems);

// Fills the stem table and the spelling table (with each word's document
// frequency) of `out` from the vocabulary of `source`, the shards of a fresh
// build: one pass at the end, far cheaper than updating the tables batch by
// batch in every shard (on 20news, the shards' stem updates and their
// compression were an eighth of the indexing work). Only the words in
// [from, to) are taken (`to` empty: to the end), so that parts of the
// vocabulary can be made in parallel and merged by Database::compact.
void build_vocabulary(const Xapian::Database& source, Xapian::WritableDatabase& out,
                      const Xapian::Stem& stemmer, const std::string& from = "",
                      const std::string& to = "");

// Adds words to the spelling table (word -> number of documents).
void add_spelling(Xapian::WritableDatabase& db,
                  const std::unordered_map<std::string, unsigned>& words);

// Replaces the user's synonym groups (--synonyms FILE) with `groups`: each
// group is a list of folded words or phrases that mean the same.
void set_synonyms(Xapian::WritableDatabase& db,
                  const std::vector<std::vector<std::string>>& groups);

// Stores trawl's metadata in a database (new or compacted).
void write_metadata(Xapian::WritableDatabase& db, const std::string& language,
                    const std::set<std::string>& field_names);

// The extra field names a database lists.
std::set<std::string> read_field_names(const Xapian::Database& db);

}  // namespace trawl::indexer
