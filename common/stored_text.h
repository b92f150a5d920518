// Stored text: where a document's extracted text lives, so that a snippet
// reads only the part of a long document around its best passage.
//
// A text of up to kInlineTextBytes stays in the record (DocRecord::text):
// reading and analysing it whole is cheap. A longer one (a book) is cut into
// pieces of about kChunkBytes, each stored under its own metadata key
// (chunk_key), and the record keeps only the table of pieces
// (DocRecord::chunks): where each starts in bytes, in body positions, in
// lines and in columns. The searcher finds the best window from the
// positions Xapian holds for the query's words, then reads and analyses
// just the pieces around it:
//
//   text 1 MB -> record {text_id 3f.., chunks [{0,0,1,0}, {4101,702,88,0}, ...]}
//                metadata "trawl.text:3f..:0" = bytes [0, 4101), ":1" = ...
//
// Pieces start at a token (never inside a word) and, when a line starts
// near the cut, at that line. Metadata is written and deleted in the same
// transaction as its document, so a kill never separates them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analyzer.h"
#include "schema.h"

namespace trawl {

inline constexpr size_t kInlineTextBytes = 8192;
inline constexpr size_t kChunkBytes = 4096;

// The metadata key of piece `n` of the text with id `text_id`.
std::string chunk_key(std::string_view text_id, size_t n);

// A new text id: 16 hex digits, unique with overwhelming probability
// (random per process, then counted). Thread-safe.
std::string new_text_id();

// Cuts `text` (whose body tokens are `tokens`, from position `first_pos`)
// into pieces of about `target` bytes. Returns the table of pieces; piece i
// is text[chunks[i].byte, chunks[i+1].byte) (the last runs to the end).
std::vector<schema::TextChunk> split_text(std::string_view text,
                                          const std::vector<Token>& tokens,
                                          uint32_t first_pos, size_t target = kChunkBytes);

// Part of a stored text, as read back.
struct TextPiece {
  std::string text;
  uint64_t byte = 0;       // where it starts in the whole text
  uint32_t first_pos = 0;  // body position of its first token (schema::kBodyPosition based)
  uint32_t line = 1;       // line of its first byte, from 1
  uint32_t column = 0;     // bytes between that line's start and the piece
  bool more_before = false;  // text precedes the piece
  bool more_after = false;   // text follows it
};

// The index of the piece of `record`'s text that holds body position `pos`
// (0 for an inline text).
size_t chunk_at(const schema::DocRecord& record, uint32_t pos);

// Pieces [first, last] of `record`'s text, read from `db` (the database part
// that holds the document); an inline text whole. A piece that cannot be
// found (a writer replaced the document meanwhile) reads as empty.
TextPiece read_chunks(const Xapian::Database& db, const schema::DocRecord& record, size_t first,
                      size_t last);

}  // namespace trawl
