#include "compact.h"

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <system_error>

#include "db_store.h"
#include "diag.h"
#include "error.h"
#include "sharded.h"

namespace trawl::indexer {
namespace {

namespace fs = std::filesystem;

uint64_t folder_bytes(const std::string& dir) {
  uint64_t n = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) n += it->file_size(ec);
  }
  return n;
}

// Compacts one trawl database folder (not sharded); adds to *result.
void compact_one(const std::string& dir, const IndexOptions& options, CompactResult* result) {
  std::unique_ptr<DbStore> store = DbStore::open(dir, {options.wait, options.wait_seconds});
  if (store->live().empty()) throw Error("database " + quote(dir) + ": does not exist");
  result->bytes_before += folder_bytes(store->live());
  const std::string out = store->work_dir() + "/db";
  Xapian::Database(store->live()).compact(out, Xapian::DBCOMPACT_MULTIPASS);
  DbStore::sync_files(out);
  result->bytes_after += folder_bytes(out);
  store->publish(out);
}

}  // namespace

CompactResult compact_database(const IndexOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  CompactResult result;
  const unsigned shards = existing_shards(options.db_path);
  if (shards == 0) {
    compact_one(options.db_path, options, &result);
  } else {
    for (unsigned k = 0; k < shards; ++k)
      compact_one(shard_dir(options.db_path, k), options, &result);
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace trawl::indexer
