// Growth: a JSON Lines, mbox or long text file that only grew since it was
// indexed (new lines at the end of a log, new mail at the end of a mail
// folder, as loggers and mail programs write them) is read from where the database's
// copy ended; the documents of its old part are kept, not made again.
//
//   old file (indexed)      "From a ...\n...\n"            hash H, 2 messages
//   new file                "From a ...\n...\nFrom c ...\n" first old-size
//                                                           bytes hash to H
//   -> Growth{from = old size, records = 2}: message 3 on is read
//
// A file grown in any other way (a line cut in the middle, a message
// changed, a compacted folder) is read whole as before. Pure functions of
// the file system; thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "crawl.h"
#include "file_system.h"
#include "options.h"

namespace trawl::indexer {

struct Growth {
  uint64_t from = 0;     // bytes indexed before (0: not a growth)
  uint64_t records = 0;  // records in them: lines (JSON Lines, text) or messages (mbox)
  uint64_t parts = 0;    // a long text's: the documents (parts) made of them
};

// True if the file `f`, `old_size` bytes with content hash `old_hash` when
// it was indexed, is a JSON Lines or mbox file (by name, or an mbox by its
// first bytes) read in pieces, or a text file that was long enough to be
// read in pieces then (a log: text_parts.h), now larger, whose first
// old_size bytes hash to old_hash and end where a record ends (a '\n'; for
// mbox, the new bytes start with a "From " line, or a blank line and one:
// growth->from is then past the blank line). Fills *growth then; a
// text's new parts follow its `old_documents` parts.
bool grown_only(const IndexOptions& options, const FileSystem& fs, const FileRef& f,
                uint64_t old_size, const std::string& old_hash, Growth* growth,
                size_t old_documents = 0);

// What a scan of a prefix found (for grown_only; exposed for tests).
struct PrefixScan {
  std::string hash;         // content hash of the prefix
  uint64_t separators = 0;  // occurrences of the separator in it
  std::string last;         // its last byte ("" if empty)
  std::string next;         // up to 6 bytes after it
};

// Reads the first `size` bytes of `source` (and up to 6 after them),
// counting `separator` ("\n", "\nFrom "), also across reads. Fails if a
// read fails or the source is shorter.
Status scan_prefix(ByteSource& source, uint64_t size, std::string_view separator, PrefixScan* out);

}  // namespace trawl::indexer
