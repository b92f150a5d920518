// Crawler: walks the roots given on the command line and reports every file
// that should be considered for indexing, in sorted order.
//
// Rules: hidden files and folders (name starting with '.') are skipped unless
// CrawlOptions::hidden; folders listed in CrawlOptions::exclude (the database
// itself) are never entered; symlinks are not followed; sockets, FIFOs and
// devices are never reported. A root that is a regular file is reported as
// is. Errors (an unreadable folder) go to the error callback and the walk
// goes on.
//
// Borrows the FileSystem; not thread-safe (one crawl at a time).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "file_system.h"
#include "status.h"

namespace trawl::indexer {

struct FileRef {
  std::string path;  // absolute, lexically normal
  uint64_t size = 0;
  int64_t mtime = 0;
};

enum class SkipReason { kHidden, kSymlink, kSpecial, kExcluded };

struct CrawlOptions {
  bool hidden = false;                // enter hidden files and folders
  std::vector<std::string> exclude;   // absolute paths never entered
};

class Crawler {
 public:
  using FileFn = std::function<void(const FileRef&)>;
  using SkipFn = std::function<void(const std::string& path, SkipReason)>;
  using ErrorFn = std::function<void(const std::string& path, const Status&)>;

  Crawler(const FileSystem& fs, CrawlOptions options)
      : fs_(fs), options_(std::move(options)) {}

  // Walks `root` (absolute). Calls on_file for each file in path order.
  void crawl(const std::string& root, const FileFn& on_file, const SkipFn& on_skip,
             const ErrorFn& on_error) const;

 private:
  void walk(const std::string& dir, const FileFn& on_file, const SkipFn& on_skip,
            const ErrorFn& on_error) const;
  bool excluded(const std::string& path) const;

  const FileSystem& fs_;
  CrawlOptions options_;
};

}  // namespace trawl::indexer
