#include "file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace trawl::indexer {
namespace {

Status errno_status(int err) {
  return err == ENOENT ? Status::NotFound(std::strerror(err)) : Status::Failed(std::strerror(err));
}

FileType type_of(mode_t mode) {
  if (S_ISREG(mode)) return FileType::kRegular;
  if (S_ISDIR(mode)) return FileType::kDirectory;
  if (S_ISLNK(mode)) return FileType::kSymlink;
  return FileType::kOther;
}

struct DirCloser {
  void operator()(DIR* d) const { closedir(d); }
};

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) close(fd);
  }
};

void fill(const struct stat& st, FileInfo* info);

// Opens regular file `path` for reading into f->fd, *st describing it.
// O_NONBLOCK: opening a FIFO that slipped in must not hang the crawl.
Status open_regular(const std::string& path, Fd* f, struct stat* st) {
  f->fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (f->fd < 0) return errno_status(errno);
  if (::fstat(f->fd, st) != 0) return errno_status(errno);
  if (!S_ISREG(st->st_mode)) return Status::Failed("not a regular file");
  return Status::Ok();
}

// A regular file read in pieces; owns its descriptor.
class FileSource : public ByteSource {
 public:
  FileSource(int fd, uint64_t size) : fd_{fd}, size_(size) {}
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Status read(char* buffer, size_t size, size_t* got) override {
    ssize_t n;
    while ((n = ::read(fd_.fd, buffer, size)) < 0 && errno == EINTR) {
    }
    if (n < 0) return errno_status(errno);
    *got = static_cast<size_t>(n);
    return Status::Ok();
  }
  Status seek(uint64_t offset) override {
    if (::lseek(fd_.fd, static_cast<off_t>(offset), SEEK_SET) < 0) return errno_status(errno);
    return Status::Ok();
  }
  uint64_t size() const override { return size_; }

 private:
  Fd fd_;
  uint64_t size_;
};

}  // namespace

Status RealFileSystem::list(const std::string& dir,
                            std::vector<DirEntry>* entries) const {
  std::unique_ptr<DIR, DirCloser> d(opendir(dir.c_str()));
  if (!d) return errno_status(errno);
  errno = 0;
  while (dirent* e = readdir(d.get())) {
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    DirEntry entry;
    entry.name = e->d_name;
    switch (e->d_type) {
      case DT_REG: entry.type = FileType::kRegular; break;
      case DT_DIR: entry.type = FileType::kDirectory; break;
      case DT_LNK: entry.type = FileType::kSymlink; break;
      case DT_UNKNOWN: {
        FileInfo info;
        std::string path = dir + "/" + entry.name;
        entry.type = this->stat(path, &info).ok() ? info.type : FileType::kOther;
        break;
      }
      default: entry.type = FileType::kOther;
    }
    entries->push_back(std::move(entry));
  }
  if (errno != 0) return errno_status(errno);
  return Status::Ok();
}

namespace {
void fill(const struct stat& st, FileInfo* info) {
  info->type = type_of(st.st_mode);
  info->size = static_cast<uint64_t>(st.st_size);
  info->mtime = static_cast<int64_t>(st.st_mtim.tv_sec);
  info->ctime = static_cast<int64_t>(st.st_ctim.tv_sec);
  info->dev = static_cast<uint64_t>(st.st_dev);
  info->ino = static_cast<uint64_t>(st.st_ino);
}
}  // namespace

Status RealFileSystem::stat(const std::string& path, FileInfo* info) const {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) return errno_status(errno);
  fill(st, info);
  return Status::Ok();
}

Status RealFileSystem::resolve(const std::string& path, std::string* real, FileInfo* info) const {
  std::unique_ptr<char, decltype(&free)> resolved(::realpath(path.c_str(), nullptr), &free);
  if (!resolved) return errno_status(errno);
  struct stat st;
  if (::stat(resolved.get(), &st) != 0) return errno_status(errno);
  *real = resolved.get();
  fill(st, info);
  return Status::Ok();
}

Status RealFileSystem::read_head(const std::string& path, uint64_t max_bytes,
                                 std::string* bytes) const {
  Fd f{-1};
  struct stat st;
  if (Status s = open_regular(path, &f, &st); !s.ok()) return s;
  bytes->resize(static_cast<size_t>(max_bytes));
  ssize_t n;
  while ((n = ::read(f.fd, bytes->data(), bytes->size())) < 0 && errno == EINTR) {
  }
  if (n < 0) return errno_status(errno);
  bytes->resize(static_cast<size_t>(n));
  return Status::Ok();
}

Status RealFileSystem::read(const std::string& path, uint64_t max_bytes,
                            std::string* bytes) const {
  Fd f{-1};
  struct stat st;
  if (Status s = open_regular(path, &f, &st); !s.ok()) return s;
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    return Status::Failed("file is larger than " + std::to_string(max_bytes) + " bytes");
  }
  bytes->resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  while (got < bytes->size()) {
    ssize_t n = ::read(f.fd, bytes->data() + got, bytes->size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno_status(errno);
    }
    if (n == 0) break;  // the file shrank while we read it
    got += static_cast<size_t>(n);
  }
  bytes->resize(got);
  return Status::Ok();
}

Status RealFileSystem::open(const std::string& path, std::unique_ptr<ByteSource>* source) const {
  Fd f{-1};
  struct stat st;
  if (Status s = open_regular(path, &f, &st); !s.ok()) return s;
  *source = std::make_unique<FileSource>(f.fd, static_cast<uint64_t>(st.st_size));
  f.fd = -1;  // the source owns it now
  return Status::Ok();
}

}  // namespace trawl::indexer
