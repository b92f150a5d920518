// DocumentBuilder: a DocRecord -> a Xapian::Document laid out as schema.h
// says: title and body words with positions and stems, extra fields and
// author as free text (also unprefixed, so plain queries find them), the
// boolean filter terms (author, ext, type, path, lang, dates), the id terms,
// the value slots and the record as document data. Does no I/O.
//
// Not thread-safe: it owns an Analyzer and a stem cache. Use one per thread.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "analyzer.h"
#include "schema.h"

namespace trawl::indexer {

class DocumentBuilder {
 public:
  explicit DocumentBuilder(Xapian::Stem stemmer);

  // Builds the document for `record`; `key` is its identity (see
  // schema::id_term).
  Xapian::Document build(const schema::DocRecord& record, const std::string& key);

 private:
  void index_title(const std::string& title, Xapian::Document* doc);
  // Indexes `text` from position `pos` under `prefix` (and unprefixed when
  // `plain`); returns the next free position.
  Xapian::termpos index_text(const std::string& text, const std::string& prefix, bool plain,
                             Xapian::termpos pos, Xapian::Document* doc);
  void index_filters(const schema::DocRecord& record, Xapian::Document* doc);
  // The stem of `term`, or "" when the term is not stemmed.
  const std::string& stem(const std::string& term);

  Analyzer analyzer_;
  Xapian::Stem stemmer_;
  std::vector<Token> tokens_;
  std::unordered_map<std::string, std::string> stem_cache_;
};

// "YYYYMMDD" for an ISO 8601 date ("2024-05-03T10:00:00Z" -> "20240503"),
// else for the mtime (seconds, UTC).
std::string date_key(const std::string& iso_date, int64_t mtime);

}  // namespace trawl::indexer
