// MemFileSystem: an in-memory FileSystem for crawler and pipeline tests. It
// records how often each file was read, so tests can check that work is not
// repeated. Thread-safe for concurrent reads once populated.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <functional>
#include <string>

#include "file_system.h"

namespace trawl::testing {

class MemFileSystem : public indexer::FileSystem {
 public:
  void add_file(const std::string& path, std::string content, int64_t mtime = 1000) {
    add_parents(path);
    nodes_[path] = Node{indexer::FileType::kRegular, std::move(content), mtime, mtime};
  }
  // The ctime of `path` (add_file sets it to the mtime).
  void set_ctime(const std::string& path, int64_t ctime) { nodes_.at(path).ctime = ctime; }
  void add_dir(const std::string& path) {
    add_parents(path);
    nodes_[path] = Node{indexer::FileType::kDirectory, "", 0, 0};
  }
  void add_special(const std::string& path, indexer::FileType type) {
    add_parents(path);
    nodes_[path] = Node{type, "", 0, 0};
  }
  // A symlink at `path` pointing to absolute `target`.
  void add_symlink(const std::string& path, const std::string& target) {
    add_parents(path);
    nodes_[path] = Node{indexer::FileType::kSymlink, target, 0, 0};
  }
  // Listing or reading `path` fails with `message`.
  void fail(const std::string& path, std::string message) { failures_[path] = std::move(message); }
  void remove(const std::string& path) { nodes_.erase(path); }
  // `path` and everything below it are on file system `device` (others: 1).
  void mount(const std::string& path, uint64_t device) { mounts_[path] = device; }
  // `path` is listed in its folder but is gone when stat'ed or read.
  void vanish(const std::string& path) { vanished_.insert(path); }

  int reads(const std::string& path) const {
    std::lock_guard<std::mutex> lock(*mu_);
    auto it = reads_.find(path);
    return it == reads_.end() ? 0 : it->second;
  }

  Status list(const std::string& path, std::vector<indexer::DirEntry>* entries) const override {
    if (auto f = failures_.find(path); f != failures_.end()) return Status::Failed(f->second);
    std::string dir;  // through symlinks, as the kernel lists a linked folder
    indexer::FileInfo info;
    if (!resolve(path, &dir, &info).ok()) return Status::NotFound("No such file or directory");
    const std::string prefix = dir == "/" ? "/" : dir + "/";
    for (auto c = nodes_.lower_bound(prefix); c != nodes_.end(); ++c) {
      if (c->first.compare(0, prefix.size(), prefix) != 0) break;
      std::string rest = c->first.substr(prefix.size());
      if (rest.empty() || rest.find('/') != std::string::npos) continue;
      entries->push_back(indexer::DirEntry{rest, c->second.type});
    }
    return Status::Ok();
  }

  Status stat(const std::string& path, indexer::FileInfo* info) const override {
    if (vanished_.count(path)) return Status::NotFound("No such file or directory");
    const std::string real = resolve_parents(path);  // lstat: the last part stays a link
    auto it = nodes_.find(real);
    if (it == nodes_.end()) return Status::NotFound("No such file or directory");
    describe(real, it->second, info);
    return Status::Ok();
  }

  Status read_head(const std::string& path, uint64_t max_bytes, std::string* bytes) const override {
    if (Status s = read(path, ~0ull, bytes); !s.ok()) return s;
    if (bytes->size() > max_bytes) bytes->resize(max_bytes);
    return Status::Ok();
  }

  // Follows symlinks (also in parent folders), at most 40 hops.
  Status resolve(const std::string& path, std::string* real, indexer::FileInfo* info) const override {
    std::string current = path;
    for (int hops = 0; hops < 40; ++hops) {
      std::string resolved = resolve_parents(current);
      auto it = nodes_.find(resolved);
      if (it == nodes_.end()) return Status::NotFound("No such file or directory");
      if (it->second.type != indexer::FileType::kSymlink) {
        *real = resolved;
        describe(resolved, it->second, info);
        return Status::Ok();
      }
      current = it->second.content;
    }
    return Status::Failed("Too many levels of symbolic links");
  }

  Status read(const std::string& path, uint64_t max_bytes, std::string* bytes) const override {
    const std::string* content = nullptr;
    if (Status s = find_content(path, &content); !s.ok()) return s;
    if (content->size() > max_bytes) return Status::Failed("file too large");
    *bytes = *content;
    return Status::Ok();
  }

  // Reads in pieces of kPiece bytes, so that readers must join them. The
  // source reads the file's content in place: the file must not change
  // while it is open.
  static constexpr size_t kPiece = 1000;
  Status open(const std::string& path,
              std::unique_ptr<indexer::ByteSource>* source) const override {
    const std::string* content = nullptr;
    if (Status s = find_content(path, &content); !s.ok()) return s;
    *source = std::make_unique<indexer::MemorySource>(*content, kPiece);
    return Status::Ok();
  }

 private:
  // Counts a read of `path` and finds its content.
  Status find_content(const std::string& path, const std::string** content) const {
    {
      std::lock_guard<std::mutex> lock(*mu_);
      ++reads_[path];
    }
    if (auto f = failures_.find(path); f != failures_.end()) return Status::Failed(f->second);
    auto it = nodes_.find(resolve_parents(path));
    if (it == nodes_.end()) return Status::NotFound("No such file or directory");
    if (it->second.type != indexer::FileType::kRegular) return Status::Failed("not a regular file");
    *content = &it->second.content;
    return Status::Ok();
  }

  struct Node {
    indexer::FileType type;
    std::string content;
    int64_t mtime;
    int64_t ctime;
  };
  void describe(const std::string& path, const Node& n, indexer::FileInfo* info) const {
    info->type = n.type;
    info->size = n.content.size();
    info->mtime = n.mtime;
    info->ctime = n.ctime;
    info->dev = 1;
    size_t longest = 0;
    for (const auto& [mount, device] : mounts_) {
      const bool below = path.compare(0, mount.size(), mount) == 0 &&
                         (path.size() == mount.size() || path[mount.size()] == '/');
      if (below && mount.size() > longest) {
        longest = mount.size();
        info->dev = device;
      }
    }
    info->ino = std::hash<std::string>()(path);
  }

  // `path` with symlinked parent folders replaced by their targets.
  std::string resolve_parents(const std::string& path) const {
    std::string out;
    size_t pos = 1;
    while (pos <= path.size()) {
      size_t slash = path.find('/', pos);
      if (slash == std::string::npos) slash = path.size();
      out.append("/").append(path, pos, slash - pos);
      auto it = nodes_.find(out);
      if (slash < path.size() && it != nodes_.end() &&
          it->second.type == indexer::FileType::kSymlink) {
        out = it->second.content;
      }
      pos = slash + 1;
    }
    return out;
  }

  void add_parents(const std::string& path) {
    for (size_t slash = path.find('/', 1); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      nodes_.emplace(path.substr(0, slash), Node{indexer::FileType::kDirectory, "", 0, 0});
    }
    nodes_.emplace("/", Node{indexer::FileType::kDirectory, "", 0, 0});
  }

  std::map<std::string, Node> nodes_;
  std::map<std::string, std::string> failures_;
  std::set<std::string> vanished_;
  std::map<std::string, uint64_t> mounts_;
  std::unique_ptr<std::mutex> mu_ = std::make_unique<std::mutex>();  // movable
  mutable std::map<std::string, int> reads_;
};

}  // namespace trawl::testing
