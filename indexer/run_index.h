// run_index: the whole indexing run. Crawls the roots, extracts each file,
// builds documents and writes them, committing in batches; one bad file is
// reported (through the Reporter) and skipped, never fatal.
//
// Returns the exit code: kExitOk if every file was indexed or skipped by
// policy, kExitSomeFailed if some files or records failed (the rest is
// committed). Throws trawl::Error for a failure of the whole run (database
// locked or unwritable, bad option); Xapian::Error may escape on a write
// failure, after which the database is at its last commit.
#pragma once

#include <ostream>
#include <string>

#include "file_system.h"
#include "options.h"
#include "reporter.h"

namespace trawl::indexer {

int run_index(const IndexOptions& options, const FileSystem& fs, Reporter& reporter,
              const std::string& cwd, IndexSummary* summary = nullptr);

// --files: writes the path of every file a run would index to `out`, one per
// line, and writes nothing to the database. Returns kExitOk.
int list_files(const IndexOptions& options, const FileSystem& fs, Reporter& reporter,
               const std::string& cwd, std::ostream& out);

}  // namespace trawl::indexer
