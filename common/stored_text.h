// Stored text: where a document's extracted text lives, and anchors into
// it, so that a snippet analyses only the part of a text around its best
// passage, and reads only that part of a long one.
//
// Anchors: every kAnchorBytes or so, the record notes where a token starts
// in bytes, body position, line and column (DocRecord::anchors). The
// searcher finds the best window from the positions Xapian holds for the
// query's words, and analyses only the text between the anchors around it.
// A text of up to kInlineTextBytes stays in the record (DocRecord::text); a
// longer one (a book) is stored in pieces of kAnchorsPerPiece anchors
// (about 4 KB), each under its own metadata key (piece_key):
//
//   text 1 MB -> record {text_id 3f.., anchor count 2,000}
//                metadata "trawl.text:3f..:a" = the anchors [{0,0,1,0}, {515,81,9,0}, ...]
//                         "trawl.text:3f..:0" = anchors 0-7's bytes, ":1" = 8-15's ...
//
// The anchors of such a text sit beside its pieces, not in the record:
// Xapian inflates a whole record (zlib) each time it is read, and a book's
// 2,000 anchors made that the largest cost of a books query. The searcher
// reads them (load_anchors) only for the hits it shows snippets of.
//
// A long text that is its file's own bytes (a plain UTF-8 text file, read
// unchanged, or unchanged but for its "\r\n" line ends:
// DocRecord::file_offset, file_crlf) is not copied: the searcher reads its
// pieces back from the file, and a check of each piece, kept with the
// anchors, tells whether the file still holds them (--store-text):
//
//   book.txt (1 MB) -> record {text_id 3f.., infile 0 + 1,048,576 bytes}
//                      metadata "trawl.text:3f..:a" = the anchors and 250 piece checks
//
// Anchors sit at a token (never inside a word) and, when a line starts
// soon after the mark, at that line. Pieces are stored compressed with
// zstd (pack_piece): Xapian compresses neither metadata nor, cheaply,
// records. Metadata is written and deleted in the same transaction as its
// document, so a kill never separates them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analyzer.h"
#include "schema.h"

namespace trawl {

inline constexpr size_t kInlineTextBytes = 8192;
inline constexpr size_t kAnchorBytes = 512;
inline constexpr size_t kAnchorsPerPiece = 8;
// Texts shorter than this get no anchors: they are analysed whole.
inline constexpr size_t kMinAnchoredBytes = 1024;

// The metadata key of piece `n` of the text with id `text_id`, and that of
// its anchors.
std::string piece_key(std::string_view text_id, size_t n);
std::string anchors_key(std::string_view text_id);

// A piece as stored: "z" + zstd frame, or "r" + the bytes when that is not
// smaller. unpack_piece returns "" for anything else (a damaged value).
std::string pack_piece(std::string_view piece);
std::string unpack_piece(std::string_view stored);
// "r" + the bytes, uncompressed. The anchors are stored so: a zstd frame of
// a few KB costs more to decode than the 40% it saves is worth, and they
// are read for every hit shown (books: 1.7 -> 2.7 MB in all, 9% fewer
// instructions per query). Databases written with zstd anchors still read.
std::string store_raw(std::string_view bytes);

// Moves the text of `record` (which has its anchors) out into pieces of
// kAnchorsPerPiece anchors, and the anchors beside them: gives it a new text
// id, clears record->text and record->anchors (keeping their number) and
// returns the pieces and the anchors as (metadata key, packed value) for the
// writer. A text in its file (record->file_offset >= 0) leaves no pieces:
// its length and a check of each piece are noted instead.
std::vector<std::pair<std::string, std::string>> take_pieces(schema::DocRecord* record);

// The anchors of `text` (whose body tokens are `tokens`, from position
// `first_pos`), one about every `every` bytes, the first at byte 0; lines
// are counted from `first_line` (a part of a longer text starts later).
std::vector<schema::TextAnchor> make_anchors(std::string_view text,
                                             const std::vector<Token>& tokens,
                                             uint32_t first_pos, size_t every = kAnchorBytes,
                                             uint32_t first_line = 1);

// A check of a piece's bytes (64 bits, the same on every machine): tells
// whether a file still holds the text it held when indexed.
uint64_t piece_check(std::string_view bytes);

// Reads `length` bytes at `offset` of the file `path` into *out; false if
// the file cannot be read or holds fewer bytes. Tests pass their own to
// read_anchors.
using ReadFileRange = bool (*)(const std::string& path, uint64_t offset, size_t length,
                               std::string* out);
// The real one. It reads regular files only (a FIFO named by a damaged
// record would block), and at most kMaxFileRead bytes (a snippet needs a
// few pieces).
inline constexpr size_t kMaxFileRead = 16u << 20;
bool read_file_range(const std::string& path, uint64_t offset, size_t length, std::string* out);

// Part of a stored text, as read back.
struct TextPiece {
  std::string text;
  uint64_t byte = 0;       // where it starts in the whole text
  uint32_t first_pos = 0;  // body position of its first token (schema::kBodyPosition based)
  uint32_t line = 1;       // line of its first byte, from 1
  uint32_t column = 0;     // bytes between that line's start and the piece
  bool more_before = false;  // text precedes the piece
  bool more_after = false;   // text follows it
  bool unread = false;       // a text in its file that the file no longer holds (changed, gone)
};

// How many anchors `record`'s text has, in the record or beside it.
inline size_t anchor_count(const schema::DocRecord& record) {
  return record.stored_anchors > 0 ? record.stored_anchors : record.anchors.size();
}

// How many pieces a text of `anchors` anchors is cut into.
inline size_t pieces_for(size_t anchors) { return (anchors + kAnchorsPerPiece - 1) / kAnchorsPerPiece; }

// How many pieces of `record`'s text are stored in the metadata.
inline size_t piece_count(const schema::DocRecord& record) {
  if (record.text_id.empty() || record.file_offset >= 0) return 0;
  return pieces_for(anchor_count(record));
}

// The metadata keys that hold `record`'s text: its pieces and, when stored
// there, its anchors (none for a text kept in the record).
std::vector<std::string> text_keys(const schema::DocRecord& record);

// Reads the anchors of `record` from `db` (the part holding it) when they
// are stored beside its pieces; false if they are damaged or missing (the
// record is left without anchors: its text is then not found either).
bool load_anchors(const Xapian::Database& db, schema::DocRecord* record);

// The index of the anchor at or before body position `pos` (0 if none).
size_t anchor_at(const schema::DocRecord& record, uint32_t pos);

// The text from anchor `first` to the end of anchor `last` (the next
// anchor, or the end), read from the record or, for a long text, from the
// pieces in `db` (the database part that holds the document) or, for a
// text in its file, from the file through `read_file`. Without anchors,
// the whole inline text. A piece that cannot be read (a writer replaced the
// document meanwhile) reads as empty; so does a text its file no longer
// holds (TextPiece::unread).
TextPiece read_anchors(const Xapian::Database& db, const schema::DocRecord& record, size_t first,
                       size_t last, ReadFileRange read_file = read_file_range);

}  // namespace trawl
