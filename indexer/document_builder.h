// DocumentBuilder: a DocRecord -> a Xapian::Document laid out as schema.h
// says (terms with positions, stems, title field, id terms, values, data).
// Does no I/O.
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
  void index_body(const std::string& body, Xapian::Document* doc);
  // The stem of `term`, or "" when the term is not stemmed.
  const std::string& stem(const std::string& term);

  Analyzer analyzer_;
  Xapian::Stem stemmer_;
  std::vector<Token> tokens_;
  std::unordered_map<std::string, std::string> stem_cache_;
};

}  // namespace trawl::indexer
