// extract_file: one file's bytes -> documents, choosing how: an external
// filter registered for its extension wins, then the format of its
// extension, then sniffing of the content (PDF, RTF, HTML and mbox
// signatures, text vs binary). Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "options.h"
#include "formats/format.h"
#include "status.h"

namespace trawl::indexer {

// The filter for `path`'s extension, or nullptr.
const FilterSpec* find_filter(const IndexOptions& options, std::string_view path);

// True if the file at `path` could be indexed without reading it: a filter
// or a known format claims its extension, or it is compressed (.gz, ...).
// Files with unknown extensions need their first bytes (sniff_format).
bool known_by_name(const IndexOptions& options, std::string_view path);

// Extracts the documents of the file at `path` whose content is `bytes`.
// Formats that can (archives) hand each document to `stream`, if given,
// as soon as it is read, instead of keeping it in out->extraction.docs.
// Fails (with a message for the user) if the file is unusable.
Status extract_file(const IndexOptions& options, const std::string& path, std::string_view bytes,
                    FileExtraction* out, const DocSink& stream = nullptr);

// The format ("archive", "jsonl", "mbox" or "text") in which the file at
// `path` is read in pieces (extract_source) rather than whole, or "" if it
// is read whole: an archive, a JSON Lines or mbox file (not compressed), or
// a plain text file (not compressed) of `size` bytes, more than a text part
// (text_parts.h), with no filter for its extension. A file whose name
// tells no format is an mbox, or text, if its first bytes, `head` (1 KiB
// is enough), look like one.
std::string_view pieces_format(const IndexOptions& options, std::string_view path,
                               std::string_view head = {}, uint64_t size = 0);

// The size above which a file read as `pieces` (pieces_format) is skipped:
// options.max_streamed_filesize for a JSON Lines or mbox file (a record is
// held at a time, so a 2 GB mail folder needs no more memory than a small
// one), options.max_filesize for any other, archives and text included.
uint64_t size_limit(const IndexOptions& options, std::string_view pieces);

// Extracts the documents of the file at `path`, of `format` (pieces_format),
// that `source` reads, handing each to `stream` (if given) as soon as it is
// read: only a piece of the file is in memory at a time. `first_record`
// numbers the first record `source` reads, which is byte `first_byte` of
// the file (ExtractOptions::first_record, first_byte). Fails if the file is
// unusable.
Status extract_source(const IndexOptions& options, std::string_view path, std::string_view format,
                      ByteSource& source, FileExtraction* out, const DocSink& stream = nullptr,
                      uint64_t first_record = 1, uint64_t first_byte = 0);

}  // namespace trawl::indexer
