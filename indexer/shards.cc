#include "shards.h"

#include <algorithm>
#include <filesystem>
#include <future>

#include "db_store.h"
#include "index_writer.h"
#include "language.h"

namespace trawl::indexer {
namespace {

// Where each part of the vocabulary pass starts: words split by their first
// letter into parts of about equal size (English initials, roughly; words
// in other scripts sort after "z" and fall in the last part).
std::vector<std::string> vocabulary_parts(size_t threads) {
  static const std::vector<std::vector<std::string>> kStarts = {
      {""}, {"", "m"}, {"", "f", "p"}, {"", "d", "l", "s"}};
  return kStarts[std::clamp<size_t>(threads, 1, kStarts.size()) - 1];
}

// The databases at `paths`, as one.
Xapian::Database open_all(const std::vector<std::string>& paths) {
  Xapian::Database all;
  for (const std::string& p : paths) all.add_database(Xapian::Database(p));
  return all;
}

// The stem and spelling tables, made from all the shards' words, go into
// more databases (without documents) merged last with the shards, so that
// they are compacted too: written into the merged database, the spelling
// table was 3-4 times its compacted size (books: 51 MB -> 13 MB). The pass
// runs in parallel over ranges of words (Xapian objects are per thread).
// Returns the databases' paths, under `work_dir`.
std::vector<std::string> make_vocabularies(const std::vector<std::string>& shards,
                                           const std::string& work_dir,
                                           const std::string& language) {
  const std::vector<std::string> starts = vocabulary_parts(shards.size());
  std::vector<std::string> out;
  for (size_t k = 0; k < starts.size(); ++k) {
    out.push_back(work_dir + "/vocabulary-" + std::to_string(k));
  }
  std::vector<std::future<void>> parts;
  for (size_t k = 0; k < starts.size(); ++k) {
    const std::string to = k + 1 < starts.size() ? starts[k + 1] : "";
    parts.push_back(std::async(std::launch::async, [&, k, to] {
      Xapian::WritableDatabase v(out[k], Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS |
                                             Xapian::DB_NO_SYNC);
      build_vocabulary(open_all(shards), v, make_stemmer(language), starts[k], to);
      v.commit();
    }));
  }
  for (auto& part : parts) part.get();  // rethrows a part's error
  return out;
}

}  // namespace

ShardSet::ShardSet(const std::string& work_dir, int shards, size_t flush_bytes)
    : work_dir_(work_dir), flush_bytes_(flush_bytes) {
  for (int i = 0; i < shards; ++i) {
    std::string path = work_dir + "/shard-" + std::to_string(i);
    shards_.push_back(Shard{
        path, Xapian::WritableDatabase(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS |
                                                 Xapian::DB_NO_SYNC),
        0});
  }
}

void ShardSet::add(int shard, FileResult& result) {
  Shard& s = shards_[static_cast<size_t>(shard)];
  for (auto& [id_term, doc] : result.docs) s.db.add_document(doc);
  result.docs.clear();
  for (const auto& [key, piece] : result.texts) s.db.set_metadata(key, piece);
  result.texts.clear();
  s.pending += result.text_bytes;
  if (s.pending >= flush_bytes_) {
    s.db.commit();
    s.pending = 0;
  }
}

void ShardSet::merge(const std::string& out, const std::string& language,
                     const std::set<std::string>& field_names,
                     const std::function<void(Xapian::WritableDatabase&)>& finish) {
  std::vector<std::string> paths;
  for (Shard& s : shards_) {
    s.db.commit();
    s.db.close();
    paths.push_back(s.path);
  }
  const std::vector<std::string> vocabularies = make_vocabularies(paths, work_dir_, language);
  for (const std::string& v : vocabularies) paths.push_back(v);
  Xapian::Database all = open_all(paths);
  all.compact(out);
  all.close();
  Xapian::WritableDatabase db(out, Xapian::DB_OPEN);
  write_metadata(db, language, field_names);
  finish(db);
  db.commit();
  db.close();
  DbStore::sync_files(out);  // before the stub can point at it
  std::error_code ec;
  for (const Shard& s : shards_) std::filesystem::remove_all(s.path, ec);
  for (const std::string& v : vocabularies) std::filesystem::remove_all(v, ec);
}

}  // namespace trawl::indexer
