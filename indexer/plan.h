// Plan: what a run must do, from the crawl and the database's stamps.
//
//   new file                          -> add
//   known file, same size and mtime   -> unchanged
//   known file, same size, new mtime,
//     same content hash               -> restamp (unchanged; only the stamp)
//   known JSON Lines or mbox file that
//     only grew (growth.h)            -> append (its old documents kept; only
//                                        the new records read)
//   known file, otherwise changed     -> update (delete its documents, re-add)
//   known file not found under a root -> remove (unless --no-delete), or,
//     if a new file has its content   -> move (the documents change path;
//                                        nothing is extracted again)
//   file whose content failed before,
//     same size and mtime, same trawl  -> failed_before (not read again)
// --force makes every known file an update, and so does a file a stopped run
// was writing in parts (FileStamp::partial), and an older analysis
// version (schema::kAnalysisVersion: an older trawl made its documents);
// --force and --retry-failed try failed files again;
// --checksum compares content hashes instead of mtimes. Files in folders that could not be read are
// never removed. Pure apart from the hash function it is given.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "crawl.h"
#include "failures.h"
#include "growth.h"
#include "state.h"

namespace trawl::indexer {

struct PlanOptions {
  bool force = false;      // --force: re-extract every file
  bool checksum = false;   // --checksum: decide by content hash
  bool no_delete = false;  // --no-delete: keep documents of vanished files
  bool retry_failed = false;  // --retry-failed: read files that failed before
  std::string version;     // this trawl's version: failures of another are tried again
  bool track_ctime = false;  // --track-ctime: a changed ctime is a touch (content compared)
  // Files whose recorded mtime is this second or later are compared by
  // content even with the same stamp (state.h racy_since).
  int64_t racy_since = INT64_MAX;
};

struct Move {
  std::string from;  // old path
  FileRef to;        // the file now
};

struct Append {
  FileRef file;
  Growth growth;
};

struct Plan {
  std::vector<FileRef> add;
  std::vector<FileRef> update;
  std::vector<Append> append;        // grown files: only their new records read
  std::vector<FileRef> restamp;      // content unchanged, stamp refreshed
  std::vector<Move> moves;
  std::vector<std::string> remove;   // paths whose documents go
  size_t unchanged = 0;              // including restamps
  size_t reanalysed = 0;             // updates only because an older trawl made them
  std::vector<FailedFile> failed_before;  // unchanged since their content failed: skipped
  Failures failures;                 // records to keep: failed_before and kept vanished ones
};

// Returns the content hash of the file at a path, or "" if unreadable.
using HashFn = std::function<std::string(const std::string& path)>;
// Says whether file `f`, recorded as `stamp`, only grew (grown_only), and
// how; may be null (nothing is appended).
using GrowthFn = std::function<bool(const FileRef& f, const FileStamp& stamp, Growth* growth)>;

// `crawled`: files found this run; `unreadable`: folders and files that
// failed (their documents are kept); `stamps` and `failed`: the database's
// view of the files under this run's roots.
Plan make_plan(const std::vector<FileRef>& crawled, const std::vector<std::string>& unreadable,
               const Stamps& stamps, const Failures& failed, const PlanOptions& options,
               const HashFn& hash, const GrowthFn& grown = nullptr);

}  // namespace trawl::indexer
