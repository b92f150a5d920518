#include "content_hash.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace trawl::indexer {
namespace {

std::string hex_of(XXH128_hash_t h) {
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return hex;
}

struct StateFree {
  void operator()(XXH3_state_t* state) const { XXH3_freeState(state); }
};

// Bytes read at a time when hashing a file.
constexpr size_t kHashPiece = 256 << 10;

}  // namespace

std::string content_hash(std::string_view bytes) {
  return hex_of(XXH3_128bits(bytes.data(), bytes.size()));
}

Status content_hash(ByteSource& source, std::string* hash) {
  return content_hash(source, UINT64_MAX, hash, nullptr);
}

Status content_hash(ByteSource& source, uint64_t limit, std::string* hash,
                    const std::function<void(std::string_view piece)>& see) {
  std::unique_ptr<XXH3_state_t, StateFree> state(XXH3_createState());
  if (!state || XXH3_128bits_reset(state.get()) != XXH_OK) return Status::Failed("out of memory");
  std::vector<char> buffer(kHashPiece);
  for (uint64_t left = limit; left > 0;) {
    size_t got = 0;
    const size_t want = static_cast<size_t>(std::min<uint64_t>(buffer.size(), left));
    if (Status s = source.read(buffer.data(), want, &got); !s.ok()) return s;
    if (got == 0) break;
    XXH3_128bits_update(state.get(), buffer.data(), got);
    if (see) see(std::string_view(buffer.data(), got));
    left -= got;
  }
  *hash = hex_of(XXH3_128bits_digest(state.get()));
  return Status::Ok();
}

Status hash_file(const FileSystem& fs, const std::string& path, std::string* hash) {
  std::unique_ptr<ByteSource> source;
  if (Status s = fs.open(path, &source); !s.ok()) return s;
  return content_hash(*source, hash);
}

}  // namespace trawl::indexer
