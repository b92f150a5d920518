// TestIndex: an in-memory trawl database built from {path, title, text}
// records through the real DocumentBuilder, for tests of the whole analysis
// path (index -> query -> snippet) without touching the disk.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "document_builder.h"
#include "language.h"
#include "schema.h"

namespace trawl::testing {

struct TestDoc {
  std::string path;
  std::string title;
  std::string text;
};

inline Xapian::WritableDatabase make_index(const std::vector<TestDoc>& docs,
                                           std::string_view language = "english") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.set_metadata(std::string(schema::kMetaSchema), std::to_string(schema::kSchemaVersion));
  db.set_metadata(std::string(schema::kMetaLanguage), std::string(language));
  indexer::DocumentBuilder builder(make_stemmer(language));
  for (const TestDoc& d : docs) {
    schema::DocRecord r;
    r.path = d.path;
    r.id = d.path;
    r.title = d.title;
    r.text = d.text;
    r.format = "text";
    db.replace_document(schema::id_term(d.path), builder.build(r, d.path));
  }
  db.commit();
  return db;
}

}  // namespace trawl::testing
