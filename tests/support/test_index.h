// TestIndex: a scratch trawl database built from {path, title, text}
// records through the real DocumentBuilder, for tests of the whole analysis
// path (index -> query -> snippet). It is a glass database in a temporary
// folder (Xapian's in-memory backend has no synonym table, which holds the
// stems); the folders are removed when the test binary exits.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
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

// A new, empty glass database in a temporary folder.
inline Xapian::WritableDatabase scratch_db() {
  struct Registry {
    std::vector<std::string> dirs;
    ~Registry() {
      std::error_code ec;
      for (const std::string& d : dirs) std::filesystem::remove_all(d, ec);
    }
  };
  static Registry registry;
  std::string tmpl = (std::filesystem::temp_directory_path() / "trawl-index-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  registry.dirs.push_back(tmpl);
  return Xapian::WritableDatabase(tmpl + "/db", Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
}

// `ids[i]`, if given and not empty, is the record id (a JSON Lines _id) of
// docs[i]; else a document's id is its path.
inline Xapian::WritableDatabase make_index(const std::vector<TestDoc>& docs,
                                           const std::vector<std::string>& ids,
                                           std::string_view language = "english") {
  Xapian::WritableDatabase db = scratch_db();
  db.set_metadata(std::string(schema::kMetaSchema), std::to_string(schema::kSchemaVersion));
  db.set_metadata(std::string(schema::kMetaLanguage), std::string(language));
  indexer::DocumentBuilder builder(make_stemmer(language));
  for (const TestDoc& d : docs) {
    schema::DocRecord r;
    r.path = d.path;
    const size_t i = static_cast<size_t>(&d - docs.data());
    r.id = i < ids.size() && !ids[i].empty() ? ids[i] : d.path;
    r.title = d.title;
    r.text = d.text;
    r.format = "text";
    std::vector<std::pair<std::string, std::string>> texts;
    db.replace_document(schema::id_term(d.path), builder.build(r, d.path, &texts));
    for (const auto& [key, piece] : texts) db.set_metadata(key, piece);
    for (const auto& [stem, term] : builder.take_new_stems()) {
      db.add_synonym(std::string(schema::kStemPrefix) + stem, term);
    }
  }
  db.commit();
  return db;
}

inline Xapian::WritableDatabase make_index(const std::vector<TestDoc>& docs,
                                           std::string_view language = "english") {
  return make_index(docs, std::vector<std::string>{}, language);
}

}  // namespace trawl::testing
