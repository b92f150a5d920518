// Crawler: walks the roots given on the command line and reports every file
// that should be considered for indexing, in sorted order, with ripgrep's
// rules:
//
// - hidden files and folders (name starting with '.') are skipped unless
//   CrawlRules::hidden;
// - .gitignore, .ignore and .trawlignore files are honoured (deeper files
//   win; in one folder .trawlignore > .ignore > .gitignore) unless
//   CrawlRules::no_ignore; -g/--glob patterns include or ('!') exclude;
// - -t/-T keep or drop files by the format their extension selects;
// - folders in CrawlOptions::exclude (the database) are never entered;
// - entries deeper than CrawlRules::max_depth are skipped (0 = the roots);
// - symlinks are skipped, or with CrawlRules::follow followed after the rest
//   of the root (so a file reachable directly and through a link keeps its
//   real path): each real file and folder once, loops detected, targets
//   outside the roots skipped unless CrawlRules::follow_outside;
// - sockets, FIFOs and devices are never reported (nor opened).
// A root that is a file is reported as is; a root that is a symlink is
// followed. Errors (an unreadable folder) go to the error callback and the
// walk goes on.
//
// Borrows the FileSystem; not thread-safe (one crawl at a time).
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "file_system.h"
#include "ignore.h"
#include "options.h"
#include "status.h"

namespace trawl::indexer {

struct FileRef {
  std::string path;  // absolute, lexically normal
  uint64_t size = 0;
  int64_t mtime = 0;
  int64_t ctime = 0;  // compared only with --track-ctime
};

enum class SkipReason {
  kHidden,
  kSymlink,
  kSpecial,
  kExcluded,
  kIgnored,
  kGlob,
  kDepth,
  kLoop,
  kOutside,
  kSeen,
  kVanished,
  kOtherFileSystem,
  kType
};

struct CrawlOptions {
  CrawlRules rules;
  std::vector<std::string> exclude;  // absolute paths never entered
  std::vector<std::string> roots;    // all roots of the run (for follow_outside)
};

class Crawler {
 public:
  using FileFn = std::function<void(const FileRef&)>;
  using SkipFn = std::function<void(const std::string& path, SkipReason)>;
  using ErrorFn = std::function<void(const std::string& path, const Status&)>;

  Crawler(const FileSystem& fs, CrawlOptions options);
  ~Crawler();

  // Walks `root` (absolute). Calls on_file for each file in path order.
  void crawl(const std::string& root, const FileFn& on_file, const SkipFn& on_skip,
             const ErrorFn& on_error);

  // The folders walked so far, with their modification times (a folder's
  // mtime changes when entries are added, removed or renamed: the searcher
  // compares them to warn that the index is out of date).
  const std::vector<std::pair<std::string, int64_t>>& folders() const { return folders_; }

 private:
  struct Walk;
  void walk_dir(Walk& w, const std::string& dir, const std::string& rel, int depth);
  void entry(Walk& w, const std::string& path, const std::string& rel, FileType type, int depth);
  void follow_link(Walk& w, const std::string& path, const std::string& rel, int depth);
  void file(Walk& w, const std::string& path, const FileInfo& info);
  bool excluded(const std::string& path) const;
  bool inside_roots(const std::string& real) const;
  // Reads the ignore files among `entries` of folder `dir`.
  std::vector<IgnoreRules> ignore_level(const std::string& dir, const std::string& rel,
                                        const std::vector<DirEntry>& entries) const;
  // Why the entry at `rel` is left out by ignore files or globs, if it is.
  bool filtered(Walk& w, const std::string& path, const std::string& rel, bool is_dir);
  // False if -t/-T leave out the file at `rel`.
  bool wanted_type(const std::string& rel) const;

  const FileSystem& fs_;
  CrawlOptions options_;
  std::vector<std::string> real_roots_;
  std::set<std::pair<uint64_t, uint64_t>> seen_;  // real files and folders already walked
  IgnoreStack ignores_;
  GlobSet globs_;
  std::vector<std::pair<std::string, int64_t>> folders_;
};

}  // namespace trawl::indexer
