#include "crawl.h"

#include <algorithm>

namespace trawl::indexer {

bool Crawler::excluded(const std::string& path) const {
  return std::find(options_.exclude.begin(), options_.exclude.end(), path) !=
         options_.exclude.end();
}

void Crawler::crawl(const std::string& root, const FileFn& on_file,
                    const SkipFn& on_skip, const ErrorFn& on_error) const {
  FileInfo info;
  if (Status s = fs_.stat(root, &info); !s.ok()) {
    on_error(root, s);
    return;
  }
  switch (info.type) {
    case FileType::kRegular:
      on_file(FileRef{root, info.size, info.mtime});
      return;
    case FileType::kDirectory:
      if (excluded(root)) {
        on_skip(root, SkipReason::kExcluded);
        return;
      }
      walk(root, on_file, on_skip, on_error);
      return;
    case FileType::kSymlink:
      on_skip(root, SkipReason::kSymlink);
      return;
    case FileType::kOther:
      on_skip(root, SkipReason::kSpecial);
      return;
  }
}

void Crawler::walk(const std::string& dir, const FileFn& on_file, const SkipFn& on_skip,
                   const ErrorFn& on_error) const {
  std::vector<DirEntry> entries;
  if (Status s = fs_.list(dir, &entries); !s.ok()) {
    on_error(dir, s);
    return;
  }
  std::sort(entries.begin(), entries.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  const std::string base = dir == "/" ? "" : dir;
  for (const DirEntry& e : entries) {
    std::string path = base + "/" + e.name;
    if (!options_.hidden && e.name[0] == '.') {
      on_skip(path, SkipReason::kHidden);
      continue;
    }
    switch (e.type) {
      case FileType::kDirectory:
        if (excluded(path)) {
          on_skip(path, SkipReason::kExcluded);
        } else {
          walk(path, on_file, on_skip, on_error);
        }
        break;
      case FileType::kRegular: {
        FileInfo info;
        if (Status s = fs_.stat(path, &info); !s.ok()) {
          on_error(path, s);  // vanished or unreadable since the listing
        } else if (info.type == FileType::kRegular) {
          on_file(FileRef{path, info.size, info.mtime});
        }
        break;
      }
      case FileType::kSymlink:
        on_skip(path, SkipReason::kSymlink);
        break;
      case FileType::kOther:
        on_skip(path, SkipReason::kSpecial);
        break;
    }
  }
}

}  // namespace trawl::indexer
