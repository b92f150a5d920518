#include "byte_source.h"

#include <algorithm>
#include <cstring>

namespace trawl::indexer {

Status MemorySource::read(char* buffer, size_t size, size_t* got) {
  *got = std::min({size, max_piece_, bytes_.size() - position_});
  std::memcpy(buffer, bytes_.data() + position_, *got);
  position_ += *got;
  return Status::Ok();
}

Status MemorySource::seek(uint64_t offset) {
  if (offset > bytes_.size()) return Status::Failed("seek beyond the end");
  position_ = static_cast<size_t>(offset);
  return Status::Ok();
}

}  // namespace trawl::indexer
