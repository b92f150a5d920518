#include "shards.h"

#include <filesystem>

#include "db_store.h"
#include "index_writer.h"
#include "language.h"

namespace trawl::indexer {

ShardSet::ShardSet(const std::string& work_dir, int shards, size_t flush_bytes)
    : flush_bytes_(flush_bytes) {
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
  Xapian::Database all;
  for (Shard& s : shards_) {
    s.db.commit();
    s.db.close();
    all.add_database(Xapian::Database(s.path));
  }
  all.compact(out);
  all.close();
  Xapian::WritableDatabase db(out, Xapian::DB_OPEN);
  write_metadata(db, language, field_names);
  build_vocabulary(db, make_stemmer(language));
  finish(db);
  db.commit();
  db.close();
  DbStore::sync_files(out);  // before the stub can point at it
  std::error_code ec;
  for (const Shard& s : shards_) std::filesystem::remove_all(s.path, ec);
}

}  // namespace trawl::indexer
