// IndexOptions: everything a trawl-index run can be asked to do. main()
// fills it from the command line; tests fill it directly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "formats/format.h"

namespace trawl::indexer {

struct IndexOptions {
  // Database directory (absolute). main() resolves --db / $TRAWL_DB / ./.trawl.
  std::string db_path;
  // Stemming language; "" keeps the database's (english for a new one).
  std::string language;
  // Files and folders to index, absolute. Default: the current directory.
  std::vector<std::string> roots;
  // Files larger than this are skipped with a message. Default 64 MiB.
  uint64_t max_filesize = 64ull << 20;
  // Commit after this many documents (a kill loses at most one batch).
  size_t batch_docs = 2000;
  // Also commit after this many bytes of extracted text.
  size_t batch_bytes = 64u << 20;
  // Encoding and JSON field mapping for the extractors.
  ExtractOptions extract;
  // No summary line; errors are still printed.
  bool quiet = false;
};

}  // namespace trawl::indexer
