// IndexWriter: the writable database, opened or created, with trawl's
// metadata (schema version, stemming language) checked and kept.
//
// Opening fails with trawl::Error carrying kExitLocked if another writer
// holds the lock, and with kExitError for a directory that is not a trawl
// database, a database made by a newer trawl, or a language change.
// Nothing is written until commit(), which must be called explicitly.
// Not thread-safe.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

namespace trawl::indexer {

class IndexWriter {
 public:
  // Opens the database at `path`, creating it (private, mode 0700) if it does
  // not exist. `language` is the requested stemming language; "" keeps the
  // database's language, or uses the default for a new database.
  IndexWriter(const std::string& path, std::string_view language);

  const std::string& language() const { return language_; }
  const std::string& path() const { return path_; }

  // Adds or replaces the document whose unique term is `id_term`.
  void replace(const std::string& id_term, const Xapian::Document& doc);
  // Deletes every document indexed by boolean term `term`.
  void delete_all(const std::string& term);
  // Records the names of extra fields, so that the searcher can offer them
  // as query prefixes (schema::kMetaFields; written at the next commit).
  void add_field_names(const std::vector<std::pair<std::string, std::string>>& fields);
  void commit();
  Xapian::doccount doc_count() const { return db_.get_doccount(); }

 private:
  std::string path_;
  std::string language_;
  Xapian::WritableDatabase db_;
  std::set<std::string> field_names_;
  bool fields_changed_ = false;
};

}  // namespace trawl::indexer
