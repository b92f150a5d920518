#include "index_writer.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <xapian.h>

#include "diag.h"
#include "error.h"
#include "language.h"
#include "schema.h"

namespace trawl::indexer {
namespace {

namespace fs = std::filesystem;

// Refuses to turn an unrelated non-empty directory into a database, and
// creates a missing one private to the user.
void prepare_directory(const std::string& path) {
  std::error_code ec;
  if (fs::exists(path, ec)) {
    if (!fs::is_directory(path, ec)) {
      throw Error("database " + quote(path) + ": exists and is not a directory");
    }
    bool empty = fs::is_empty(path, ec);
    if (!empty && !fs::exists(fs::path(path) / "iamglass", ec)) {
      throw Error("database " + quote(path) +
                  ": the directory exists and is not a trawl database (refusing to write into it)");
    }
    return;
  }
  if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) {
    throw Error("database " + quote(path) + ": cannot create: " + std::strerror(errno));
  }
}

Xapian::WritableDatabase open_database(const std::string& path) {
  try {
    return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
  } catch (const Xapian::DatabaseLockError&) {
    throw Error("database " + quote(path) + ": locked by another trawl-index", kExitLocked);
  } catch (const Xapian::Error& e) {
    throw Error("database " + quote(path) + ": cannot open: " + e.get_msg());
  }
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, std::string_view language)
    : path_(path) {
  if (!language.empty()) make_stemmer(language);  // reject before creating anything
  prepare_directory(path);
  db_ = open_database(path);
  std::string schema = db_.get_metadata(std::string(schema::kMetaSchema));
  if (!schema.empty() && std::stoi(schema) > schema::kSchemaVersion) {
    throw Error("database " + quote(path) + ": made by a newer trawl (schema " + schema +
                "); upgrade trawl");
  }
  std::string stored = db_.get_metadata(std::string(schema::kMetaLanguage));
  if (!stored.empty() && !language.empty() && stored != language) {
    throw Error("database " + quote(path) + ": built with language " + quote(stored) +
                ", not " + quote(language) +
                " (index into a new database to change the language)");
  }
  language_ = !stored.empty() ? stored
              : language.empty() ? std::string(kDefaultLanguage)
                                 : std::string(language);
  std::string fields = db_.get_metadata(std::string(schema::kMetaFields));
  for (size_t pos = 0; pos < fields.size();) {
    size_t end = fields.find(' ', pos);
    if (end == std::string::npos) end = fields.size();
    if (end > pos) field_names_.insert(fields.substr(pos, end - pos));
    pos = end + 1;
  }
  if (stored.empty() || schema.empty()) {
    db_.set_metadata(std::string(schema::kMetaSchema), std::to_string(schema::kSchemaVersion));
    db_.set_metadata(std::string(schema::kMetaLanguage), language_);
  }
}

void IndexWriter::replace(const std::string& id_term, const Xapian::Document& doc) {
  db_.replace_document(id_term, doc);
}

void IndexWriter::delete_all(const std::string& term) { db_.delete_document(term); }

void IndexWriter::add_field_names(
    const std::vector<std::pair<std::string, std::string>>& fields) {
  for (const auto& field : fields) {
    if (field_names_.insert(field.first).second) fields_changed_ = true;
  }
}

void IndexWriter::commit() {
  if (fields_changed_) {
    std::string list;
    for (const std::string& name : field_names_) list += (list.empty() ? "" : " ") + name;
    db_.set_metadata(std::string(schema::kMetaFields), list);
    fields_changed_ = false;
  }
  db_.commit();
}

}  // namespace trawl::indexer
