#include "failures.h"

#include <cstdio>
#include <cstdlib>

#include "schema.h"
#include "state.h"

namespace trawl::indexer {
namespace {

// Reads the header line of one record at *pos; false if it is damaged.
bool read_header(std::string_view blob, size_t* pos, FailedFile* f, size_t lengths[3]) {
  const size_t eol = blob.find('\n', *pos);
  if (eol == std::string_view::npos) return false;
  const std::string line(blob.substr(*pos, eol - *pos));
  unsigned long long size = 0, path_len = 0, version_len = 0, reason_len = 0;
  long long mtime = 0;
  int used = 0;
  if (std::sscanf(line.c_str(), "%llu %lld %llu %llu %llu%n", &size, &mtime, &path_len,
                  &version_len, &reason_len, &used) != 5 ||
      static_cast<size_t>(used) != line.size()) {
    return false;
  }
  f->size = size;
  f->mtime = mtime;
  lengths[0] = path_len;
  lengths[1] = version_len;
  lengths[2] = reason_len;
  *pos = eol + 1;
  return true;
}

}  // namespace

std::string encode_failures(const Failures& failures) {
  std::string out;
  for (const auto& [path, f] : failures) {
    out.append(std::to_string(f.size)).append(" ").append(std::to_string(f.mtime));
    for (const std::string* s : {&f.path, &f.version, &f.reason}) {
      out.append(" ").append(std::to_string(s->size()));
    }
    out.append("\n").append(f.path).append(f.version).append(f.reason);
  }
  return out;
}

Failures decode_failures(std::string_view blob) {
  Failures out;
  size_t pos = 0;
  while (pos < blob.size()) {
    FailedFile f;
    size_t lengths[3];
    if (!read_header(blob, &pos, &f, lengths)) break;
    if (lengths[0] == 0 || lengths[0] > blob.size() - pos ||
        lengths[1] > blob.size() - pos - lengths[0] ||
        lengths[2] > blob.size() - pos - lengths[0] - lengths[1]) {
      break;
    }
    f.path = blob.substr(pos, lengths[0]);
    f.version = blob.substr(pos + lengths[0], lengths[1]);
    f.reason = blob.substr(pos + lengths[0] + lengths[1], lengths[2]);
    pos += lengths[0] + lengths[1] + lengths[2];
    out[f.path] = std::move(f);
  }
  return out;
}

Failures load_failures(const Xapian::Database& db, const std::vector<std::string>& roots) {
  Failures all = decode_failures(db.get_metadata(std::string(schema::kMetaFailed)));
  for (auto it = all.begin(); it != all.end();) {
    it = under_any(it->first, roots) ? std::next(it) : all.erase(it);
  }
  return all;
}

void store_failures(Xapian::WritableDatabase& db, const std::vector<std::string>& roots,
                    const Failures& now) {
  const std::string key(schema::kMetaFailed);
  Failures kept = decode_failures(db.get_metadata(key));
  for (auto it = kept.begin(); it != kept.end();) {
    it = under_any(it->first, roots) ? kept.erase(it) : std::next(it);
  }
  kept.insert(now.begin(), now.end());
  const std::string blob = encode_failures(kept);
  if (blob != db.get_metadata(key)) db.set_metadata(key, blob);
}

}  // namespace trawl::indexer
