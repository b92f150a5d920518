// The database schema: every term prefix, value slot, metadata key and the
// document-data layout that trawl-index writes and trawl-search reads. No
// other file spells a prefix or a slot number.
//
// A document "notes/a.txt" titled "Paris café" with body "Cafés open late"
// and language english gets:
//   Q/abs/path/notes/a.txt         unique id term (hashed when long)
//   XF/abs/path/notes/a.txt        the file it came from (boolean)
//   paris@1 cafe@2                 title words, positional, extra wdf
//   Sparis@1 Scafe@2               title field (title:), positional
//   cafes@1025 open@1026 late@1027 body words, positional
//   Zparis Zcafe ZSparis ...       stems (Xapian's Z convention), no positions
//   value 0 = mtime, value 1 = size (Xapian::sortable_serialise)
//   data  = encode_record(DocRecord{...}), including the text for snippets
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

namespace trawl::schema {

// Version of this layout, stored in the database as kMetaSchema.
inline constexpr int kSchemaVersion = 1;

// Term prefixes.
inline constexpr std::string_view kStemPrefix = "Z";    // stemmed forms
inline constexpr std::string_view kTitlePrefix = "S";   // title words (title:)
inline constexpr std::string_view kIdPrefix = "Q";      // unique document id
inline constexpr std::string_view kFilePrefix = "XF";   // source file (boolean)

// Query-language field names mapped to prefixes.
inline constexpr std::string_view kTitleField = "title";

// Value slots.
inline constexpr Xapian::valueno kSlotMtime = 0;  // sortable_serialise(secs)
inline constexpr Xapian::valueno kSlotSize = 1;   // sortable_serialise(bytes)

// Metadata keys.
inline constexpr std::string_view kMetaSchema = "trawl.schema";
inline constexpr std::string_view kMetaLanguage = "trawl.language";

// Positions: title words from kTitlePosition, body words from kBodyPosition,
// so a phrase never spans title and body and a body position minus
// kBodyPosition is the index of the token in the stored text.
inline constexpr Xapian::termpos kTitlePosition = 1;
inline constexpr Xapian::termpos kBodyPosition = 1025;
inline constexpr size_t kMaxTitleTokens = 1000;

// Within-document frequency added per occurrence of a title word to the
// unprefixed term (body words add 1): title words weigh more.
inline constexpr Xapian::termcount kTitleWdf = 2;

// Longest term the database accepts (Xapian's limit is 245 bytes).
inline constexpr size_t kMaxXapianTerm = 245;

// Returns prefix + value, hashed so that the term fits in Xapian's limit:
// values longer than 200 bytes keep their first 180 bytes (cut on a code
// point boundary) followed by a 16-hex-digit hash of the whole value.
std::string bounded_term(std::string_view prefix, std::string_view value);

// The unique id term of the document with identity `key` (a path, or
// path + "#" + record id for documents inside a JSON Lines file).
std::string id_term(std::string_view key);
// The boolean term shared by all documents extracted from file `path`.
std::string file_term(std::string_view path);

// What the document data holds. Unknown fields are kept in `extra`, so that
// readers of an older build can still open a newer database.
struct DocRecord {
  std::string path;     // absolute path of the source file
  std::string id;       // user-facing id: the JSON Lines _id, else the path
  std::string title;
  std::string text;     // the extracted body, as indexed (valid UTF-8)
  std::string format;   // "text", "markdown", "jsonl"
  int64_t mtime = 0;    // seconds since the epoch
  uint64_t size = 0;    // bytes of the source file
  std::vector<std::pair<std::string, std::string>> extra;
};

std::string encode_record(const DocRecord& record);
// Returns false (and leaves *record partly filled) if `data` is not a whole
// record written by encode_record (a truncated record is rejected: the text
// field always comes last).
bool decode_record(std::string_view data, DocRecord* record);

// 64-bit FNV-1a: stable across runs and machines.
uint64_t hash64(std::string_view bytes);

}  // namespace trawl::schema
