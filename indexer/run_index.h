// run_index: the whole indexing run. Crawls the roots, extracts each file,
// builds documents and writes them, committing in batches; one bad file is
// reported (through Diag) and skipped, never fatal.
//
// Returns the exit code: kExitOk if every file was indexed or skipped by
// policy, kExitSomeFailed if some files or records failed (the rest is
// committed). Throws trawl::Error for a failure of the whole run (database
// locked or unwritable, bad option); Xapian::Error may escape on a write
// failure, after which the database is at its last commit.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "diag.h"
#include "file_system.h"
#include "options.h"

namespace trawl::indexer {

struct IndexSummary {
  size_t files = 0;       // files that gave at least one document
  size_t documents = 0;   // documents written
  size_t failed = 0;      // files or records that failed
  std::map<std::string, size_t> skipped;  // reason -> count
  double seconds = 0;
  size_t total_skipped() const;
};

int run_index(const IndexOptions& options, const FileSystem& fs, Diag& diag,
              const std::string& cwd, IndexSummary* summary = nullptr);

// The one-line summary printed at the end of a run.
std::string format_summary(const IndexSummary& s);

}  // namespace trawl::indexer
