// --compact: rewrites a trawl database's live index compactly, as
// xapian-compact does, and swaps it in like a rebuild (DbStore::publish):
// searches keep working throughout, a kill leaves the old index live, and
// the writer lock keeps indexers out meanwhile. After many incremental
// runs Xapian's B-trees hold partly filled blocks; a fresh build is
// compacted already. A sharded database has each shard compacted.
#pragma once

#include <cstdint>
#include <string>

#include "options.h"

namespace trawl::indexer {

struct CompactResult {
  uint64_t bytes_before = 0;  // of the live index (or all shards' indexes)
  uint64_t bytes_after = 0;
  double seconds = 0;
};

// Compacts the database at options.db_path (waiting for its lock as
// options.wait says). Throws trawl::Error if there is no database there
// (kExitError) or another writer holds it (kExitLocked).
CompactResult compact_database(const IndexOptions& options);

}  // namespace trawl::indexer
