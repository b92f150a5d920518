// Archive reading with libarchive, from bytes in memory: the members of a
// ZIP, tar (plain or compressed), 7z or similar archive, and the content of a
// single compressed stream (gzip, bzip2, xz, zstd).
//
//   for_each_member(zip_bytes_or_source, limits, wanted, visit)
//     calls visit("docs/plan.txt", "<the member's bytes>") for each regular
//     file member that wanted() accepts, in archive order
//
// Expansion is bounded: a member larger than `max_member`, or members that
// together expand beyond `max_total` (a "zip bomb"), are not read; each is
// named in `problems`. Pure functions of their input: thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "byte_source.h"
#include "status.h"

namespace trawl::indexer {

struct ArchiveLimits {
  uint64_t max_member = 64ull << 20;  // bytes one member may expand to
  uint64_t max_total = 128ull << 20;  // bytes all members read may expand to
  size_t max_members = 100000;        // members visited (wanted or not)
  // If set, the bytes read so far, shared with the archives inside this
  // one (read by the visitor with the same limits): max_total then bounds
  // them all together. Not set: this archive's own count.
  uint64_t* spent = nullptr;
};

// Returns true to go on, false to stop reading.
using MemberVisitor = std::function<bool(const std::string& name, std::string&& data)>;

// Reads the archive in `bytes` and calls `visit` with each regular file
// member (no folders, links or devices) whose name `wanted` accepts
// (nullptr: all). Fails if `bytes` is not an archive libarchive can read, or
// is damaged before the first member; damage later stops the reading and is
// noted in *problems, keeping what was read.
Status for_each_member(std::string_view bytes, const ArchiveLimits& limits,
                       const std::function<bool(std::string_view name)>& wanted,
                       const MemberVisitor& visit, std::vector<std::string>* problems);

// As above, for an archive read from `source` in pieces: only the member
// being visited is in memory, however large the archive.
Status for_each_member(ByteSource& source, const ArchiveLimits& limits,
                       const std::function<bool(std::string_view name)>& wanted,
                       const MemberVisitor& visit, std::vector<std::string>* problems);

// The members of a ZIP package (Office, OpenDocument, EPUB) whose names
// `wanted` accepts, by name, each up to `max_member` bytes and all up to
// twice that. Fails with "not a ZIP package (...)" if `bytes` is not one.
using PackageParts = std::map<std::string, std::string>;
Status read_package(std::string_view bytes, uint64_t max_member,
                    const std::function<bool(std::string_view name)>& wanted, PackageParts* parts,
                    std::vector<std::string>* problems);

// Decompresses a single gzip, bzip2, xz or zstd stream into *out. Fails if
// `bytes` is not such a stream, is damaged, or expands beyond `limit` bytes.
Status decompress(std::string_view bytes, uint64_t limit, std::string* out);

// The name of a path inside an archive made safe to show and to use in a
// key: "./a//b" -> "a/b", backslashes kept, invalid UTF-8 repaired.
std::string clean_member_name(std::string_view name);

}  // namespace trawl::indexer
