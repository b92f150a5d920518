// FileSystem: the indexer's only access to files, so that tests can run the
// crawler and the whole pipeline on an in-memory fake (tests/support).
//
// Paths are absolute, '/'-separated. stat() never follows symlinks, and
// read() refuses anything but a regular file (it never blocks on a FIFO or
// opens a device). Implementations must be safe to call from several
// threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "formats/byte_source.h"
#include "status.h"

namespace trawl::indexer {

enum class FileType { kRegular, kDirectory, kSymlink, kOther };

struct DirEntry {
  std::string name;
  FileType type = FileType::kOther;
};

struct FileInfo {
  FileType type = FileType::kOther;
  uint64_t size = 0;
  int64_t mtime = 0;  // seconds since the epoch
  int64_t ctime = 0;  // last status change (chmod, rename, restore), seconds
  uint64_t dev = 0;   // identity of the file: (dev, ino) is unique
  uint64_t ino = 0;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // Fills *entries with the entries of directory `dir` (not "." or "..").
  virtual Status list(const std::string& dir, std::vector<DirEntry>* entries) const = 0;
  // Describes `path` itself (a symlink is reported as kSymlink).
  virtual Status stat(const std::string& path, FileInfo* info) const = 0;
  // Reads the regular file `path` into *bytes. Fails if it is not a regular
  // file or is larger than `max_bytes`.
  virtual Status read(const std::string& path, uint64_t max_bytes,
                      std::string* bytes) const = 0;
  // Reads at most the first `max_bytes` of regular file `path`.
  virtual Status read_head(const std::string& path, uint64_t max_bytes,
                           std::string* bytes) const = 0;
  // Opens the regular file `path` to be read in pieces (archives, hashes of
  // large files): its bytes are never all in memory at once. Fails if it is
  // not a regular file.
  virtual Status open(const std::string& path, std::unique_ptr<ByteSource>* source) const = 0;
  // Follows symlinks: *real receives the canonical path of what `path`
  // points to, *info describes it. Fails for a dangling link or a loop.
  virtual Status resolve(const std::string& path, std::string* real, FileInfo* info) const = 0;
};

// The operating system's file system (POSIX).
class RealFileSystem : public FileSystem {
 public:
  Status list(const std::string& dir, std::vector<DirEntry>* entries) const override;
  Status stat(const std::string& path, FileInfo* info) const override;
  Status read(const std::string& path, uint64_t max_bytes,
              std::string* bytes) const override;
  Status read_head(const std::string& path, uint64_t max_bytes,
                   std::string* bytes) const override;
  Status open(const std::string& path, std::unique_ptr<ByteSource>* source) const override;
  Status resolve(const std::string& path, std::string* real, FileInfo* info) const override;
};

}  // namespace trawl::indexer
