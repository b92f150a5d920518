// Content hashes of files: XXH3-128 (libxxhash), as 32 hex digits. Used to
// recognise a moved or renamed file without re-extracting it, and to decide
// what changed with --checksum. Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace trawl::indexer {

std::string content_hash(std::string_view bytes);

}  // namespace trawl::indexer
