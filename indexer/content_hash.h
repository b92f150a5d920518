// Content hashes of files: XXH3-128 (libxxhash), as 32 hex digits. Used to
// recognise a moved or renamed file without re-extracting it, and to decide
// what changed with --checksum. Pure and thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "file_system.h"

namespace trawl::indexer {

std::string content_hash(std::string_view bytes);

// The content hash of what `source` reads from its position to its end:
// the same as content_hash() of those bytes, without holding them all.
// Fails if a read fails.
Status content_hash(ByteSource& source, std::string* hash);

// The content hash of the next `limit` bytes of `source` (fewer at its
// end), showing each piece read to `see` (if set) on the way.
Status content_hash(ByteSource& source, uint64_t limit, std::string* hash,
                    const std::function<void(std::string_view piece)>& see);

// The content hash of regular file `path`, read in pieces. Fails if the
// file cannot be opened or read.
Status hash_file(const FileSystem& fs, const std::string& path, std::string* hash);

}  // namespace trawl::indexer
