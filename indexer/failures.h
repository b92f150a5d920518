// Failures: files whose content could not be indexed (a damaged PDF, a JSON
// Lines file without one good line, a filter that failed), remembered in
// the database (schema::kMetaFailed) with the size and mtime they had and
// the trawl version that tried. A re-run skips such a file while all three
// are the same, so that a broken file is reported once, not read again and
// reported by every run (omindex and recollindex remember failures too);
// --retry-failed or --force tries it again. Files that could not be read
// (permissions) are never remembered: fixing them changes no mtime.
//
// The records are one metadata value: "size mtime pathlen versionlen
// reasonlen\n" then the three strings, per file, so that any bytes a path
// may hold survive. Plain values; thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace trawl::indexer {

struct FailedFile {
  std::string path;     // absolute
  uint64_t size = 0;
  int64_t mtime = 0;
  std::string version;  // TRAWL_VERSION of the run that failed
  std::string reason;   // the message it was reported with

  bool operator==(const FailedFile&) const = default;
};

using Failures = std::map<std::string, FailedFile>;  // by path

std::string encode_failures(const Failures& failures);

// The records of `blob`; a damaged record ends the list (what it held is
// tried again, which loses nothing).
Failures decode_failures(std::string_view blob);

// The records of `db` for files at or below any of `roots`.
Failures load_failures(const Xapian::Database& db, const std::vector<std::string>& roots);

// Replaces the records under `roots` by `now` (records elsewhere stay).
void store_failures(Xapian::WritableDatabase& db, const std::vector<std::string>& roots,
                    const Failures& now);

}  // namespace trawl::indexer
