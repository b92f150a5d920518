// Sharded databases (--shards N): one trawl database per shard in
// DIR/shard-K/, and DIR/XAPIANDB, a Xapian stub file listing them
// ("auto shard-0" ...), so that any Xapian tool, and trawl-search, opens
// DIR as one database with the statistics of all shards.
//
// A file's documents live in shard xxh64(path) % N: a re-run puts every
// file back in its shard, and each shard's incremental run (crawling the
// same roots, keeping only its own files) adds, updates and deletes just
// its own documents. --merge compacts the shards into one database.
#pragma once

#include <string>

#include "file_system.h"
#include "options.h"
#include "reporter.h"

namespace trawl::indexer {

// The shard of a file, for N shards.
unsigned shard_of(const std::string& path, unsigned shards);

// The number of shards of the database folder `dir`: 0 if it is not
// sharded (or does not exist yet).
unsigned existing_shards(const std::string& dir);

// The folder of shard `k` (from 0) of the sharded database `dir`.
std::string shard_dir(const std::string& dir, unsigned k);

// Indexes into a sharded database: options.shards shards (or the existing
// count). Throws trawl::Error if the folder holds an unsharded database or
// another shard count. Returns the worst exit code of the shards.
int run_sharded(const IndexOptions& options, const FileSystem& fs, Reporter& reporter,
                const std::string& cwd);

// --merge: compacts the shards of `dir` into one database, which replaces
// them. Throws trawl::Error if `dir` is not sharded.
int merge_shards(const IndexOptions& options, Reporter& reporter);

}  // namespace trawl::indexer
