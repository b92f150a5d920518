// Opening what --db names: a trawl database folder (one database, or
// shards listed by its XAPIANDB stub), a stub file of our own, or several
// of these (--db given more than once), as one Xapian::Database whose
// statistics are those of all its parts, so that ranking over shards
// equals ranking over one merged database.
//
// Stub lines (one part each; '#' starts a comment; paths are relative to
// the stub's folder):
//   auto PATH | glass PATH     a local database, a folder or another stub
//   remote tcp HOST PORT       a shard served by xapian-tcpsrv
//   remote :HOST:PORT          the same, in Xapian's own spelling
// Remote parts are opened with OpenOptions::timeout for connecting and for
// every operation, so a dead or hung shard fails within that time.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace trawl::searcher {

struct OpenOptions {
  double timeout_seconds = 5;  // --timeout: per remote connection and operation
  bool allow_partial = false;  // --allow-partial: go on without parts that fail
};

struct Part {
  std::string name;  // path, or tcp://HOST:PORT
  bool remote = false;
  Xapian::Database db;
};

struct OpenedDatabase {
  Xapian::Database db;              // all parts that opened
  std::vector<Part> parts;          // the same, one by one
  std::vector<std::string> missing;  // parts left out (--allow-partial), with the reason
};

// Throws trawl::Error naming the part that cannot be opened (unless
// allow_partial, which leaves it out and lists it in `missing`; an error
// still if nothing is left).
OpenedDatabase open_parts(const std::vector<std::string>& paths, const OpenOptions& options);

// Which parts answer now: each remote part is asked for its document count
// (within the timeout). Returns the names of those that fail, with why.
std::vector<std::string> failing_parts(const OpenedDatabase& opened);

}  // namespace trawl::searcher
