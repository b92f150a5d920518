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
// Stems are not indexed as terms: the database's synonym table maps
// "Z" + stem to the indexed words with that stem (Zcafe -> cafe, cafes), and
// the searcher expands a word to all of them (OP_SYNONYM): the same matches
// and BM25 statistics as stem terms, at a quarter less indexing work.
//   value 0 = mtime, value 1 = size (Xapian::sortable_serialise)
//   data  = encode_record(DocRecord{...}), including the text for snippets
//           (a long text is stored in pieces as metadata: stored_text.h)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

namespace trawl::schema {

// Version of this layout, stored in the database as kMetaSchema.
// 3: long texts stored in pieces outside the record.
// 4: and their anchors beside them (the record holds only their number).
inline constexpr int kSchemaVersion = 4;

// Term prefixes. Free-text prefixes hold folded words with positions;
// boolean ones hold one folded value per term and never change ranking.
inline constexpr std::string_view kStemPrefix = "Z";    // stem keys in the synonym table
inline constexpr std::string_view kTitlePrefix = "S";   // title words (title:)
inline constexpr std::string_view kIdPrefix = "Q";      // unique document id
inline constexpr std::string_view kFilePrefix = "XF";   // source file (boolean)
inline constexpr std::string_view kAuthorPrefix = "A";  // author words (boolean, author:)
inline constexpr std::string_view kExtPrefix = "E";     // extension, no dot (boolean, ext:)
inline constexpr std::string_view kFormatPrefix = "T";  // format name (boolean, type:)
inline constexpr std::string_view kPathPrefix = "P";    // folder names on the path (boolean, path:)
inline constexpr std::string_view kLangPrefix = "L";    // language tag and primary subtag (lang:)
inline constexpr std::string_view kDayPrefix = "D";     // YYYYMMDD of the document's date
inline constexpr std::string_view kMonthPrefix = "M";   // YYYYMM
inline constexpr std::string_view kYearPrefix = "Y";    // YYYY
inline constexpr std::string_view kFieldPrefix = "XM";  // + FIELD + ":" : extra field words
inline constexpr std::string_view kRecordIdPrefix = "XI";  // a record's own id (JSON _id)
// CJK bigram backup terms (cjk.h): "XC" + two adjacent characters of a
// run of Chinese, Japanese or Korean text, at the position of the word
// that holds the first one, so a query matches inside words however ICU's
// dictionaries segmented the text.
inline constexpr std::string_view kBigramPrefix = "XC";

// The synonym-table key under which the words with stem `stem` are listed.
inline std::string stem_key(std::string_view stem) {
  return std::string(kStemPrefix).append(stem);
}

// Query-language field names mapped to prefixes.
inline constexpr std::string_view kTitleField = "title";
inline constexpr std::string_view kAuthorField = "author";
inline constexpr std::string_view kExtField = "ext";
inline constexpr std::string_view kTypeField = "type";  // extension or format name
inline constexpr std::string_view kPathField = "path";
inline constexpr std::string_view kLangField = "lang";

// Value slots.
inline constexpr Xapian::valueno kSlotMtime = 0;  // sortable_serialise(secs)
inline constexpr Xapian::valueno kSlotSize = 1;   // sortable_serialise(bytes)
inline constexpr Xapian::valueno kSlotDate = 2;   // "YYYYMMDD": document date, else mtime
inline constexpr Xapian::valueno kSlotPath = 3;   // absolute path of the source file (raw bytes)
inline constexpr Xapian::valueno kSlotHash = 4;   // content hash of the source file (32 hex digits)
inline constexpr Xapian::valueno kSlotExt = 5;    // extension, lower case (facet)
inline constexpr Xapian::valueno kSlotYear = 6;   // "YYYY" of the date (facet)
inline constexpr Xapian::valueno kSlotLang = 7;   // primary language subtag (facet)
inline constexpr Xapian::valueno kSlotAuthor = 8; // author as written (facet)
inline constexpr Xapian::valueno kSlotMinHash = 9;  // MinHash of the words (near-duplicates)
// The record's id for TREC output without reading the record: "=" when it
// is the path, else "+" + the id. Empty in documents indexed before it
// existed (2026-12-01): read the record then.
inline constexpr Xapian::valueno kSlotRecordId = 10;
// The analysis version (kAnalysisVersion) the document was made with, as
// decimal text; absent in documents made before it existed (version 0).
inline constexpr Xapian::valueno kSlotAnalysis = 11;
// sortable_serialise(secs) of the source file's ctime when it was indexed,
// for trawl-index --track-ctime; absent in documents made before
// 2026-12-02 (such a file's content is then compared by hash once).
inline constexpr Xapian::valueno kSlotCtime = 12;
// The part number (decimal) of a part of a long text (DocRecord::part;
// indexer/text_parts.h), absent for a whole document: the searcher shows
// a file's parts as one hit.
inline constexpr Xapian::valueno kSlotPart = 13;

// Version of the analysis: raised when the terms made from the same text
// change, so that an incremental run indexes older documents again.
// 1: CJK character pairs (cjk.h), 2026-12-02.
// 2: words with marks also indexed as typed, marks kept (Token::accented),
//    2026-12-02.
inline constexpr int kAnalysisVersion = 2;

// Metadata keys. Pieces of long texts are under kMetaTextPrefix (stored_text.h).
inline constexpr std::string_view kMetaSchema = "trawl.schema";
inline constexpr std::string_view kMetaLanguage = "trawl.language";
inline constexpr std::string_view kMetaFields = "trawl.fields";  // extra field names, space-separated
inline constexpr std::string_view kMetaDirs = "trawl.dirs";  // "mtime path" lines of indexed folders
inline constexpr std::string_view kMetaRoots = "trawl.roots";  // PATHs indexed, a line each (searcher --fresh)
// When the last run over every root started (seconds since the epoch): a
// file whose recorded mtime is that second or later may have changed again
// within the second it was read, so the next run compares its content
// (indexer/state.h racy_since).
inline constexpr std::string_view kMetaRacy = "trawl.racy";
// The --store-text mode of the last run ("auto" or "all"; none: auto).
inline constexpr std::string_view kMetaStoreText = "trawl.storetext";
inline constexpr std::string_view kMetaFailed = "trawl.failed";  // files whose content failed (indexer/failures.h)
// Files whose documents were being written in parts (a big archive, mbox or
// JSON Lines file) when the last commit was made: NUL-separated paths. The
// next run makes them again (indexer/state.h FileStamp::partial).
inline constexpr std::string_view kMetaPartial = "trawl.partial";
inline constexpr std::string_view kMetaTextPrefix = "trawl.text:";  // + text id + ":" + piece

// The prefix of extra field `name` ("tags" -> "XMTAGS:"), or "" if `name`
// is not a usable field name (see field_name()).
std::string field_prefix(std::string_view name);
// The query-language name of a document field: lower case, [a-z0-9_] (other
// characters become '_'), at most 32 bytes; "" for names that are empty or
// taken by a built-in field.
std::string field_name(std::string_view raw);

// Positions: title words from kTitlePosition, body words from kBodyPosition,
// so a phrase never spans title and body and a body position minus
// kBodyPosition is the index of the token in the stored text.
inline constexpr Xapian::termpos kTitlePosition = 1;
inline constexpr Xapian::termpos kBodyPosition = 1025;
inline constexpr size_t kMaxTitleTokens = 1000;

// Within-document frequency added per occurrence of a title word to the
// unprefixed term (body words add 1): title words weigh more.
inline constexpr Xapian::termcount kTitleWdf = 3;

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

// A place in a text where analysis may start (stored_text.h).
struct TextAnchor {
  uint64_t byte = 0;    // where a token starts in the text
  uint32_t pos = 0;     // its body position, minus kBodyPosition
  uint32_t line = 1;    // its line, from 1
  uint32_t column = 0;  // bytes from that line's start to it
};

// What the document data holds. Unknown fields are kept in `extra`, so that
// readers of an older build can still open a newer database.
struct DocRecord {
  std::string path;      // absolute path of the source file
  std::string key;       // identity: the path, or path + "#" + record number or id
  std::string id;        // user-facing id: the JSON Lines _id, else the path
  std::string title;
  std::string text;      // the extracted body, as indexed (valid UTF-8), if inline
  std::string text_id;   // else the id of its pieces in the metadata (stored_text.h)
  std::vector<TextAnchor> anchors;  // where analysis may start (stored_text.h)
  uint32_t stored_anchors = 0;      // or how many are stored beside the pieces
  uint32_t body_tokens = 0;         // positions the body takes (with anchors)
  std::string format;    // "text", "markdown", "html", "pdf", "email", "jsonl", ...
  std::string author;
  std::string date;      // ISO 8601 from the document, "" if it has none
  std::string language;  // from the document's metadata, "" if none
  std::string encoding;  // source encoding
  std::string hash;      // content hash of the source file (32 hex digits)
  int64_t mtime = 0;     // seconds since the epoch
  uint64_t size = 0;     // bytes of the source file
  uint32_t part = 0;        // of a long text indexed in parts (indexer/text_parts.h), from 1; 0 = whole
  uint32_t first_line = 1;  // the line of the whole text this part starts on
  // A long text that is the source file's own bytes (or those with each
  // "\r\n" as "\n": file_crlf) is read back from the file (stored_text.h):
  // where it starts there (-1: its text is stored), the bytes it takes
  // there, and a check of each piece (loaded with the anchors).
  int64_t file_offset = -1;
  uint64_t file_length = 0;
  bool file_crlf = false;
  std::vector<uint64_t> piece_checks;
  std::vector<std::pair<std::string, std::string>> fields;  // extra fields (name, value)
  std::vector<std::pair<std::string, std::string>> extra;   // unknown keys, kept
};

std::string encode_record(const DocRecord& record);
// Returns false (and leaves *record partly filled) if `data` is not a whole
// record written by encode_record (a truncated record is rejected: the text
// field always comes last).
bool decode_record(std::string_view data, DocRecord* record);

// The non-empty lines of a metadata value that holds a path a line
// (kMetaRoots), in order.
std::vector<std::string> path_lines(std::string_view value);
// The non-empty items of `value` between `separator`s, in order.
std::vector<std::string> split_items(std::string_view value, char separator);

// 64-bit FNV-1a: stable across runs and machines.
uint64_t hash64(std::string_view bytes);

// A record's anchors, body_tokens and piece checks as bytes, and back
// (stored_text.h keeps a long text's anchors beside its pieces).
// decode_anchors appends to record->anchors and sets piece_checks; false
// for damaged bytes.
std::string encode_anchors(const DocRecord& record);
bool decode_anchors(std::string_view bytes, DocRecord* record);

}  // namespace trawl::schema
