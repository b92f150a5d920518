// What the database already holds about files: for each source path, its
// modification time, size and content hash when indexed, the analysis
// version of its documents, and the documents. Read from value streams, so
// a re-run over 20,000 files costs milliseconds. Thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "schema.h"

namespace trawl::indexer {

struct FileStamp {
  int64_t mtime = 0;
  int64_t ctime = -1;  // -1: not loaded, or not recorded
  uint64_t size = 0;
  std::string hash;
  std::vector<Xapian::docid> docids;
  // The oldest analysis version among its documents (schema.h; 0 for
  // documents made before the version was recorded).
  int analysis = schema::kAnalysisVersion;
  // A run stopped while it wrote this file's documents in parts: some may
  // be missing, so the file is made again (schema::kMetaPartial).
  bool partial = false;
};

using Stamps = std::map<std::string, FileStamp>;

// The stamps of the files at or below any of `roots` (absolute paths).
// `ctime`: also read the recorded ctimes (--track-ctime; one more value
// stream to read).
Stamps load_stamps(const Xapian::Database& db, const std::vector<std::string>& roots,
                   bool ctime = false);

// The paths of schema::kMetaPartial's value, and the value for `paths`.
std::vector<std::string> decode_partial(const std::string& value);
std::string encode_partial(const std::vector<std::string>& paths);

// True if `path` is `root` or lies below it.
bool under(const std::string& path, const std::string& root);
// True if `path` is or lies below any of `roots`.
bool under_any(const std::string& path, const std::vector<std::string>& roots);

// The roots recorded in the database (`old`: schema::kMetaRoots, a path a
// line) with `roots` added, sorted, none below another.
std::string merged_roots(const std::string& old, const std::vector<std::string>& roots);

// Racily clean files (as git calls them): a file written in the same second
// a run read it keeps its size and mtime, so its stamp cannot show the
// change. racy_since reads the second from which recorded mtimes are
// suspect (INT64_MAX if the database has none); racy_after_run gives what
// to record for a run over `roots` that started at `start`: its start if
// it covered every recorded root (`old_roots`, kMetaRoots), else the older
// of it and the recorded one (files outside its roots stay suspect).
int64_t racy_since(const Xapian::Database& db);
int64_t racy_after_run(const std::string& old_value, const std::string& old_roots,
                       const std::vector<std::string>& roots, int64_t start);

}  // namespace trawl::indexer
