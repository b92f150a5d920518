#include "index_writer.h"

#include <malloc.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <thread>

#include "analyzer.h"
#include "db_store.h"
#include "diag.h"
#include "error.h"
#include "fold.h"
#include "language.h"
#include "schema.h"
#include "state.h"
#include "stored_text.h"

namespace trawl::indexer {
namespace {

constexpr size_t kMaxSpellingBytes = 32;
constexpr Xapian::doccount kSpellingSmallCollection = 10000;
constexpr size_t kSpellingBatch = 50000;

Xapian::WritableDatabase open_database(const std::string& path, const std::string& name) {
  try {
    return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
  } catch (const Xapian::DatabaseLockError&) {
    throw Error("database " + quote(name) + ": locked by another trawl-index", kExitLocked);
  } catch (const Xapian::Error& e) {
    throw Error("database " + quote(name) + ": cannot open: " + e.get_msg());
  }
}

std::vector<Xapian::docid> docs_of(const Xapian::Database& db, const std::string& path) {
  std::vector<Xapian::docid> ids;
  const std::string term = schema::file_term(path);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) ids.push_back(*it);
  return ids;
}

}  // namespace

std::string resolve_language(const Xapian::Database* db, std::string_view requested,
                             const std::string& name) {
  if (!requested.empty()) make_stemmer(requested);  // rejects unknown names first
  std::string stored = db ? db->get_metadata(std::string(schema::kMetaLanguage)) : "";
  if (!stored.empty() && !requested.empty() && stored != requested) {
    throw Error("database " + quote(name) + ": built with language " + quote(stored) + ", not " +
                quote(requested) + " (use --rebuild to change the language)");
  }
  if (db) {
    std::string version = db->get_metadata(std::string(schema::kMetaSchema));
    if (!version.empty() && std::stoi(version) > schema::kSchemaVersion) {
      throw Error("database " + quote(name) + ": made by a newer trawl (schema " + version + ")");
    }
  }
  return !stored.empty() ? stored : requested.empty() ? std::string(kDefaultLanguage)
                                                      : std::string(requested);
}

void add_stems(Xapian::WritableDatabase& db,
               const std::vector<std::pair<std::string, std::string>>& stems) {
  for (const auto& [stem, term] : stems) db.add_synonym(schema::stem_key(stem), term);
}

void add_spelling(Xapian::WritableDatabase& db,
                  const std::unordered_map<std::string, unsigned>& words) {
  for (const auto& [word, n] : words) db.add_spelling(word, n);
}

void build_vocabulary(const Xapian::Database& source, Xapian::WritableDatabase& out,
                      const Xapian::Stem& stemmer, const std::string& from, const std::string& to) {
  // In a large collection, words seen in one document only are mostly typos
  // and noise, and half the vocabulary: leave them out of the suggestions.
  const Xapian::doccount min_docs = source.get_doccount() >= kSpellingSmallCollection ? 2 : 1;
  size_t added = 0;
  auto t = source.allterms_begin();
  t.skip_to(from);
  for (; t != source.allterms_end(); ++t) {
    const std::string& term = *t;
    if (!to.empty() && term >= to) break;
    if (!should_stem(term)) continue;  // prefixed terms, numbers
    if (!stemmer.is_none()) out.add_synonym(schema::stem_key(stemmer(term)), term);
    if (term.size() <= kMaxSpellingBytes && t.get_termfreq() >= min_docs && !has_marks(term)) {
      out.add_spelling(term, t.get_termfreq());  // not long tokens, rare or accented words
    }
    if (++added % kSpellingBatch == 0) out.commit();  // bounds the memory
  }
}

void set_synonyms(Xapian::WritableDatabase& db,
                  const std::vector<std::vector<std::string>>& groups) {
  // User synonyms are keyed by plain words; stem keys start with "Z".
  std::vector<std::string> old;
  for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) {
    if ((*k).compare(0, schema::kStemPrefix.size(), schema::kStemPrefix) != 0) old.push_back(*k);
  }
  for (const std::string& k : old) db.clear_synonyms(k);
  for (const auto& group : groups) {
    for (const std::string& a : group) {
      for (const std::string& b : group) {
        if (a != b) db.add_synonym(a, b);
      }
    }
  }
}

void write_metadata(Xapian::WritableDatabase& db, const std::string& language,
                    const std::set<std::string>& field_names) {
  db.set_metadata(std::string(schema::kMetaSchema), std::to_string(schema::kSchemaVersion));
  db.set_metadata(std::string(schema::kMetaLanguage), language);
  std::string list;
  for (const std::string& n : field_names) list += (list.empty() ? "" : " ") + n;
  db.set_metadata(std::string(schema::kMetaFields), list);
}

std::set<std::string> read_field_names(const Xapian::Database& db) {
  std::set<std::string> names;
  for (std::string& name :
       schema::split_items(db.get_metadata(std::string(schema::kMetaFields)), ' ')) {
    names.insert(std::move(name));
  }
  return names;
}

IndexWriter::IndexWriter(const std::string& path, const std::string& language,
                         const std::string& name)
    : path_(path), db_(open_database(path, name)) {
  field_names_ = read_field_names(db_);
  for (std::string& p : decode_partial(db_.get_metadata(std::string(schema::kMetaPartial)))) {
    partial_.insert(std::move(p));
  }
  // Each batch is a transaction: if the run stops with an error, destroying
  // the database cancels the unfinished batch instead of committing it.
  db_.begin_transaction();
  write_metadata(db_, language, field_names_);
}

size_t IndexWriter::apply(FileResult& result) {
  const std::string& path = result.ref.path;
  size_t deleted = 0;
  if (result.update && !result.parts_before) deleted = remove(path, /*keep_partial=*/true);
  if (result.appended && !result.parts_before) restamp(result.ref, result.hash);
  for (auto& [id_term, doc] : result.docs) {
    if (result.appended && db_.term_exists(id_term)) clashed_.insert(path);
  }
  if (result.partial || clashed_.count(path)) {
    partial_changed_ = partial_.insert(path).second || partial_changed_;
  } else {
    partial_changed_ = partial_.erase(path) > 0 || partial_changed_;
  }
  add_field_names(result.field_names);
  for (auto& [id_term, doc] : result.docs) db_.replace_document(id_term, doc);
  for (const auto& [key, piece] : result.texts) db_.set_metadata(key, piece);
  add_stems(db_, result.stems);
  for (const auto& [word, n] : result.spelling) spelling_[word] += n;
  return deleted;
}

size_t IndexWriter::remove(const std::string& path, bool keep_partial) {
  // Marked while its documents go: if a commit on the way is the last (the
  // run stops), the next run deletes the rest, or makes the file whole if
  // it is back.
  partial_changed_ = partial_.insert(path).second || partial_changed_;
  size_t n = 0;
  for (Xapian::docid id : docs_of(db_, path)) {  // long texts' pieces go with them
    schema::DocRecord record;
    schema::decode_record(db_.get_document(id).get_data(), &record);
    for (const std::string& key : text_keys(record)) db_.set_metadata(key, "");
    deleted_terms_ += db_.get_unique_terms(id);
    db_.delete_document(id);
    ++n;
    // Xapian holds a deletion's posting changes in memory until a commit:
    // deleting an mbox of 18,000 messages took 322 MB at once.
    if (delete_budget_ > 0 && deleted_terms_ >= delete_budget_) commit();
  }
  if (!keep_partial && partial_.erase(path) > 0) partial_changed_ = true;
  return n;
}

void IndexWriter::move(const std::string& from, const FileRef& to) {
  for (Xapian::docid id : docs_of(db_, from)) {
    Xapian::Document doc = db_.get_document(id);
    schema::DocRecord record;
    schema::decode_record(doc.get_data(), &record);
    move_document(&doc, std::move(record), to.path, to.mtime, to.size);
    set_ctime(&doc, to.ctime);
    db_.replace_document(id, doc);
  }
}

void IndexWriter::restamp(const FileRef& file, const std::string& hash) {
  for (Xapian::docid id : docs_of(db_, file.path)) {
    Xapian::Document doc = db_.get_document(id);
    schema::DocRecord record;
    if (schema::decode_record(doc.get_data(), &record)) {
      record.mtime = file.mtime;
      record.size = file.size;
      if (!hash.empty()) record.hash = hash;
      doc.set_data(schema::encode_record(record));
    }
    if (!hash.empty()) doc.add_value(schema::kSlotHash, hash);
    doc.add_value(schema::kSlotMtime, Xapian::sortable_serialise(static_cast<double>(file.mtime)));
    doc.add_value(schema::kSlotSize, Xapian::sortable_serialise(static_cast<double>(file.size)));
    set_ctime(&doc, file.ctime);
    db_.replace_document(id, doc);
  }
}

void IndexWriter::add_field_names(const std::vector<std::string>& names) {
  for (const std::string& n : names) {
    if (field_names_.insert(n).second) fields_changed_ = true;
  }
}

namespace {

// Test hook for tests/cli/crash.sh: with TRAWL_TEST_KILL_AT_COMMIT=N the
// process kills itself (SIGKILL) TRAWL_TEST_KILL_DELAY_US microseconds
// after its Nth commit starts, so that kills land inside commits.
void arm_kill_hook() {
  static const long at = [] {
    const char* v = std::getenv("TRAWL_TEST_KILL_AT_COMMIT");
    return v ? std::atol(v) : 0L;
  }();
  static long commits = 0;
  if (at <= 0 || ++commits != at) return;
  const char* d = std::getenv("TRAWL_TEST_KILL_DELAY_US");
  const long delay = d ? std::atol(d) : 0;
  std::thread([delay] {
    std::this_thread::sleep_for(std::chrono::microseconds(delay));
    ::raise(SIGKILL);
  }).detach();
}

}  // namespace

void IndexWriter::commit() {
  arm_kill_hook();
  if (fields_changed_) {
    std::string list;
    for (const std::string& n : field_names_) list += (list.empty() ? "" : " ") + n;
    db_.set_metadata(std::string(schema::kMetaFields), list);
    fields_changed_ = false;
  }
  if (partial_changed_) {
    db_.set_metadata(std::string(schema::kMetaPartial),
                     encode_partial({partial_.begin(), partial_.end()}));
    partial_changed_ = false;
  }
  add_spelling(db_, spelling_);
  spelling_.clear();
  deleted_terms_ = 0;
  db_.commit_transaction();
  DbStore::sync_dir(path_);
  db_.begin_transaction();
  // The batch's postings are freed now, in the arenas of the threads that
  // built them: give the pages back, or peak RSS grows by half again. (This
  // is for glibc's malloc; jemalloc, trawl-index's allocator, gives them
  // back within a second by itself: jemalloc_conf.cc.)
  malloc_trim(0);
}

}  // namespace trawl::indexer
