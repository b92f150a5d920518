// Watch mode (trawl-index --watch, as recollindex -m): index once, then
// keep the database up to date while the program runs. Every folder under
// the roots is watched with inotify; after a change, once the tree has
// been quiet for WatchOptions::settle (or has changed for max_wait
// without a pause), the usual incremental run indexes what changed (a walk
// and a stat per file, plus the changed files). New folders are watched
// after each run.
//
//   trawl-index --watch ~/notes      # Ctrl-C (or SIGTERM) ends it
//
// The database lock is held only during a run, so trawl-index runs of
// other paths may go between them. A run that fails (another indexer holds
// the lock, the disk is full) is reported and tried again after the next
// change; a failure of the first run ends the program with its exit code.
// SIGINT and SIGTERM end the wait at once; during a run they stop the
// process as usual (a kill never corrupts the database: see db_store.h).
//
// Not thread-safe; one watch per process (it owns the signal handlers).
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "diag.h"

namespace trawl::indexer {

struct WatchOptions {
  std::vector<std::string> roots;             // folders (or files: their folder) to watch
  std::string db_path;                        // never watched (its own writes)
  std::chrono::milliseconds settle{500};      // quiet time before a run
  std::chrono::milliseconds max_wait{10000};  // a run at the latest after this
};

// Runs `run` (one incremental indexing run; returns its exit code) first
// and then after every settled change, until SIGINT or SIGTERM. Returns 0
// when stopped by a signal, or the first run's code if it was 2 or 3.
// Throws trawl::Error if inotify is unavailable.
int watch_and_index(const WatchOptions& options, const std::function<int()>& run, Diag& diag);

}  // namespace trawl::indexer
