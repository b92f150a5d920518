// ShardSet: parallel writers for a fresh build. Each worker thread adds its
// documents to its own glass database in the work folder (no locks shared,
// no fsync), committing small batches (Xapian's in-memory postings grow
// several times faster than the text, and large batches were measured to
// be slower as well as bigger: docs/benchmarks.md). At the end the shards
// are merged by Xapian::Database::compact into one compact database, which
// is smaller and faster to search than the shards.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "worker.h"

namespace trawl::indexer {

class ShardSet {
 public:
  // `shards` databases under `work_dir`; each commits after `flush_bytes`
  // of extracted text.
  ShardSet(const std::string& work_dir, int shards, size_t flush_bytes);

  // Adds a worker's documents to shard `shard` and drops them from `result`.
  // Only the thread that owns `shard` may call this for it.
  void add(int shard, FileResult& result);

  // Closes the shards and merges them into a new database at `out`, with
  // trawl's metadata, then lets `finish` add to it before the final commit.
  // The shards are deleted.
  void merge(const std::string& out, const std::string& language,
             const std::set<std::string>& field_names,
             const std::function<void(Xapian::WritableDatabase&)>& finish);

 private:
  struct Shard {
    std::string path;
    Xapian::WritableDatabase db;
    size_t pending = 0;
  };
  std::vector<Shard> shards_;
  std::string work_dir_;
  size_t flush_bytes_;
};

}  // namespace trawl::indexer
