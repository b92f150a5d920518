#include "crawl.h"

#include <algorithm>

#include "file_types.h"

namespace trawl::indexer {

// One crawl of one root: the callbacks and the root's path.
struct Crawler::Walk {
  const FileFn& on_file;
  const SkipFn& on_skip;
  const ErrorFn& on_error;
  std::vector<std::pair<uint64_t, uint64_t>> ancestors;  // folders being walked (loops)
  // Symlinks are followed after the real tree, so that a file reachable both
  // directly and through a link is reported under its real path.
  struct Link {
    std::string path, rel;
    int depth;
    IgnoreStack ignores;
    std::vector<std::pair<uint64_t, uint64_t>> ancestors;
  };
  std::vector<Link> links;
  uint64_t root_device = 0;  // the root's file system (--one-file-system)
};

namespace {

constexpr uint64_t kMaxIgnoreFileBytes = 1 << 20;

}  // namespace

Crawler::Crawler(const FileSystem& fs, CrawlOptions options)
    : fs_(fs), options_(std::move(options)), globs_(options_.rules.globs) {
  if (options_.rules.follow) {
    for (const std::string& root : options_.roots) {
      std::string real;
      FileInfo info;
      real_roots_.push_back(fs_.resolve(root, &real, &info).ok() ? real : root);
    }
  }
}

Crawler::~Crawler() = default;

bool Crawler::excluded(const std::string& path) const {
  return std::find(options_.exclude.begin(), options_.exclude.end(), path) !=
         options_.exclude.end();
}

bool Crawler::inside_roots(const std::string& real) const {
  for (const std::string& root : real_roots_) {
    if (real == root || (real.size() > root.size() && real.compare(0, root.size(), root) == 0 &&
                         (root == "/" || real[root.size()] == '/'))) {
      return true;
    }
  }
  return false;
}

void Crawler::crawl(const std::string& root, const FileFn& on_file, const SkipFn& on_skip,
                    const ErrorFn& on_error) {
  Walk w{on_file, on_skip, on_error, {}, {}};
  FileInfo info;
  if (Status s = fs_.stat(root, &info); !s.ok()) return on_error(root, s);
  if (info.type == FileType::kSymlink) {  // a root named on the command line is followed
    std::string real;
    if (Status s = fs_.resolve(root, &real, &info); !s.ok()) return on_error(root, s);
  }
  switch (info.type) {
    case FileType::kRegular:
      return file(w, root, info);
    case FileType::kDirectory:
      if (excluded(root)) return on_skip(root, SkipReason::kExcluded);
      w.root_device = info.dev;
      seen_.insert({info.dev, info.ino});
      w.ancestors.push_back({info.dev, info.ino});
      folders_.emplace_back(root, info.mtime);
      walk_dir(w, root, "", 0);
      // Links found on the way (and links inside them) come last.
      for (size_t i = 0; i < w.links.size(); ++i) {
        Walk::Link link = std::move(w.links[i]);
        std::swap(ignores_, link.ignores);
        w.ancestors = std::move(link.ancestors);
        follow_link(w, link.path, link.rel, link.depth);
        std::swap(ignores_, link.ignores);
      }
      return;
    default:
      return on_skip(root, SkipReason::kSpecial);
  }
}

std::vector<IgnoreRules> Crawler::ignore_level(const std::string& dir, const std::string& rel,
                                               const std::vector<DirEntry>& entries) const {
  std::vector<IgnoreRules> level;
  if (options_.rules.no_ignore) return level;
  for (std::string_view name : kIgnoreFiles) {
    for (const DirEntry& e : entries) {
      if (e.name != name || e.type != FileType::kRegular) continue;
      std::string text;
      if (fs_.read_head(dir + "/" + e.name, kMaxIgnoreFileBytes, &text).ok()) {
        level.emplace_back(text, rel);
      }
    }
  }
  return level;
}

bool Crawler::wanted_type(const std::string& rel) const {
  const CrawlRules& r = options_.rules;
  if (r.types.empty() && r.types_not.empty()) return true;
  const std::string_view format = format_of_path(rel);
  const auto listed = [&](const std::vector<std::string>& v) {
    return std::find(v.begin(), v.end(), format) != v.end();
  };
  return (r.types.empty() || listed(r.types)) && !listed(r.types_not);
}

bool Crawler::filtered(Walk& w, const std::string& path, const std::string& rel, bool is_dir) {
  if (ignores_.ignored(rel, is_dir)) {
    w.on_skip(path, SkipReason::kIgnored);
    return true;
  }
  if (!globs_.empty() && !globs_.included(rel, is_dir)) {
    w.on_skip(path, SkipReason::kGlob);
    return true;
  }
  if (!is_dir && !wanted_type(rel)) {
    w.on_skip(path, SkipReason::kType);
    return true;
  }
  return false;
}

void Crawler::walk_dir(Walk& w, const std::string& dir, const std::string& rel, int depth) {
  std::vector<DirEntry> entries;
  if (Status s = fs_.list(dir, &entries); !s.ok()) return w.on_error(dir, s);
  std::sort(entries.begin(), entries.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  ignores_.push(ignore_level(dir, rel, entries));
  const std::string base = dir == "/" ? "" : dir;
  for (const DirEntry& e : entries) {
    const std::string path = base + "/" + e.name;
    const std::string child_rel = rel.empty() ? e.name : rel + "/" + e.name;
    if (!options_.rules.hidden && e.name[0] == '.') {
      w.on_skip(path, SkipReason::kHidden);
      continue;
    }
    if (filtered(w, path, child_rel, e.type == FileType::kDirectory)) continue;
    if (options_.rules.max_depth >= 0 && depth + 1 > options_.rules.max_depth) {
      w.on_skip(path, SkipReason::kDepth);
      continue;
    }
    entry(w, path, child_rel, e.type, depth + 1);
  }
  ignores_.pop();
}

void Crawler::entry(Walk& w, const std::string& path, const std::string& rel, FileType type,
                    int depth) {
  switch (type) {
    case FileType::kDirectory: {
      if (excluded(path)) return w.on_skip(path, SkipReason::kExcluded);
      FileInfo info;
      if (Status s = fs_.stat(path, &info); !s.ok()) return w.on_error(path, s);
      if (options_.rules.one_file_system && info.dev != w.root_device) {
        return w.on_skip(path, SkipReason::kOtherFileSystem);
      }
      seen_.insert({info.dev, info.ino});
      w.ancestors.push_back({info.dev, info.ino});
      folders_.emplace_back(path, info.mtime);
      walk_dir(w, path, rel, depth);
      w.ancestors.pop_back();
      return;
    }
    case FileType::kRegular: {
      FileInfo info;
      if (Status s = fs_.stat(path, &info); !s.ok()) {
        if (s.not_found()) return w.on_skip(path, SkipReason::kVanished);
        return w.on_error(path, s);
      }
      if (info.type != FileType::kRegular) return;  // replaced since the listing
      return file(w, path, info);
    }
    case FileType::kSymlink:
      if (!options_.rules.follow) return w.on_skip(path, SkipReason::kSymlink);
      w.links.push_back(Walk::Link{path, rel, depth, ignores_, w.ancestors});
      return;
    case FileType::kOther:
      return w.on_skip(path, SkipReason::kSpecial);
  }
}

void Crawler::follow_link(Walk& w, const std::string& path, const std::string& rel, int depth) {
  std::string real;
  FileInfo info;
  if (Status s = fs_.resolve(path, &real, &info); !s.ok()) return w.on_error(path, s);
  if (!options_.rules.follow_outside && !inside_roots(real)) {
    return w.on_skip(path, SkipReason::kOutside);
  }
  const std::pair<uint64_t, uint64_t> id{info.dev, info.ino};
  if (info.type == FileType::kDirectory) {
    if (std::find(w.ancestors.begin(), w.ancestors.end(), id) != w.ancestors.end()) {
      return w.on_skip(path, SkipReason::kLoop);
    }
    if (excluded(real)) return w.on_skip(path, SkipReason::kExcluded);
    if (options_.rules.one_file_system && info.dev != w.root_device) {
      return w.on_skip(path, SkipReason::kOtherFileSystem);
    }
    if (!seen_.insert(id).second) return w.on_skip(path, SkipReason::kSeen);
    w.ancestors.push_back(id);
    folders_.emplace_back(path, info.mtime);
    walk_dir(w, path, rel, depth);
    w.ancestors.pop_back();
  } else if (info.type == FileType::kRegular) {
    file(w, path, info);
  } else {
    w.on_skip(path, SkipReason::kSpecial);
  }
}

void Crawler::file(Walk& w, const std::string& path, const FileInfo& info) {
  if (options_.rules.follow && !seen_.insert({info.dev, info.ino}).second) {
    return w.on_skip(path, SkipReason::kSeen);
  }
  w.on_file(FileRef{path, info.size, info.mtime, info.ctime});
}

}  // namespace trawl::indexer
