#include "state.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "schema.h"

namespace trawl::indexer {

bool under(const std::string& path, const std::string& root) {
  if (root == "/") return !path.empty() && path[0] == '/';
  return path.compare(0, root.size(), root) == 0 &&
         (path.size() == root.size() || path[root.size()] == '/');
}

bool under_any(const std::string& path, const std::vector<std::string>& roots) {
  for (const std::string& root : roots) {
    if (under(path, root)) return true;
  }
  return false;
}

namespace {

// A recorded kMetaRacy value; INT64_MAX if empty or damaged.
int64_t racy_second(const std::string& value) {
  char* end = nullptr;
  const long long n = std::strtoll(value.c_str(), &end, 10);
  return value.empty() || *end != '\0' ? INT64_MAX : static_cast<int64_t>(n);
}

}  // namespace

int64_t racy_since(const Xapian::Database& db) {
  return racy_second(db.get_metadata(std::string(schema::kMetaRacy)));
}

int64_t racy_after_run(const std::string& old_value, const std::string& old_roots,
                       const std::vector<std::string>& roots, int64_t start) {
  bool all = true;
  for (const std::string& r : schema::path_lines(old_roots)) all = all && under_any(r, roots);
  return all ? start : std::min(racy_second(old_value), start);
}

std::string merged_roots(const std::string& old, const std::vector<std::string>& roots) {
  std::vector<std::string> all = schema::path_lines(old);
  all.insert(all.end(), roots.begin(), roots.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  std::string out;
  for (const std::string& r : all) {
    bool below = false;
    for (const std::string& other : all) below = below || (other != r && under(r, other));
    if (!below) out.append(r).push_back('\n');
  }
  return out;
}

Stamps load_stamps(const Xapian::Database& db, const std::vector<std::string>& roots, bool ctime) {
  std::unordered_map<Xapian::docid, FileStamp*> by_doc;
  Stamps stamps;
  for (auto it = db.valuestream_begin(schema::kSlotPath); it != db.valuestream_end(schema::kSlotPath);
       ++it) {
    const std::string path = *it;
    if (!under_any(path, roots)) continue;
    FileStamp& stamp = stamps[path];
    stamp.docids.push_back(it.get_docid());
    by_doc[it.get_docid()] = &stamp;
  }
  if (by_doc.empty()) return stamps;
  auto read = [&](Xapian::valueno slot, auto apply) {
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
      auto found = by_doc.find(it.get_docid());
      if (found != by_doc.end()) apply(*found->second, *it);
    }
  };
  read(schema::kSlotMtime, [](FileStamp& s, const std::string& v) {
    s.mtime = static_cast<int64_t>(Xapian::sortable_unserialise(v));
  });
  read(schema::kSlotSize, [](FileStamp& s, const std::string& v) {
    s.size = static_cast<uint64_t>(Xapian::sortable_unserialise(v));
  });
  read(schema::kSlotHash, [](FileStamp& s, const std::string& v) { s.hash = v; });
  if (ctime) {
    read(schema::kSlotCtime, [](FileStamp& s, const std::string& v) {
      s.ctime = static_cast<int64_t>(Xapian::sortable_unserialise(v));
    });
  }
  // A document without the analysis slot is of version 0.
  std::unordered_map<Xapian::docid, int> analysis;
  for (auto it = db.valuestream_begin(schema::kSlotAnalysis);
       it != db.valuestream_end(schema::kSlotAnalysis); ++it) {
    if (by_doc.count(it.get_docid())) analysis[it.get_docid()] = std::atoi((*it).c_str());
  }
  for (auto& [path, stamp] : stamps) {
    for (Xapian::docid d : stamp.docids) {
      auto found = analysis.find(d);
      stamp.analysis = std::min(stamp.analysis, found == analysis.end() ? 0 : found->second);
    }
  }
  for (const std::string& path :
       decode_partial(db.get_metadata(std::string(schema::kMetaPartial)))) {
    if (auto it = stamps.find(path); it != stamps.end()) it->second.partial = true;
  }
  return stamps;
}

std::vector<std::string> decode_partial(const std::string& value) {
  return schema::split_items(value, '\0');
}

std::string encode_partial(const std::vector<std::string>& paths) {
  std::string value;
  for (const std::string& p : paths) value.append(p).push_back('\0');
  return value;
}

}  // namespace trawl::indexer
