#include "stored_text.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <random>
#include <unistd.h>

namespace trawl {
namespace {

// A cut moves back to a line start if one is this close before it.
constexpr size_t kLineSlack = 512;

uint64_t mix(uint64_t x) {  // splitmix64's finaliser
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Where the piece after byte `at` begins: at the first token of the next
// line if a line starts within kLineSlack bytes, else at the first token at
// or after `at`. Returns an index into `tokens` (tokens.size() if none is
// left); `from` is where to start looking.
size_t cut_token(std::string_view text, const std::vector<Token>& tokens, size_t from,
                 size_t at) {
  size_t i = from;
  while (i < tokens.size() && (tokens[i].alias || tokens[i].begin < at)) ++i;
  if (i >= tokens.size() || at >= text.size()) return i;
  const size_t nl = text.substr(at, kLineSlack).find('\n');
  if (nl == std::string_view::npos) return i;
  size_t j = i;
  while (j < tokens.size() && (tokens[j].alias || tokens[j].begin <= at + nl)) ++j;
  return j < tokens.size() ? j : i;
}

}  // namespace

std::string chunk_key(std::string_view text_id, size_t n) {
  std::string key(schema::kMetaTextPrefix);
  key.append(text_id);
  key.push_back(':');
  key.append(std::to_string(n));
  return key;
}

std::string new_text_id() {
  static const uint64_t seed = [] {
    std::random_device rd;
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    return (static_cast<uint64_t>(rd()) << 32) ^ rd() ^ static_cast<uint64_t>(now) ^
           (static_cast<uint64_t>(::getpid()) << 17);
  }();
  static std::atomic<uint64_t> counter{0};
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(mix(seed + counter.fetch_add(1))));
  return hex;
}

std::vector<schema::TextChunk> split_text(std::string_view text,
                                          const std::vector<Token>& tokens,
                                          uint32_t first_pos, size_t target) {
  std::vector<schema::TextChunk> chunks(1);
  size_t i = 0;
  size_t counted = 0;      // lines counted up to here
  size_t line_start = 0;   // where the line holding `counted` starts
  uint32_t line = 1;
  while (true) {
    i = cut_token(text, tokens, i, chunks.back().byte + target);
    if (i >= tokens.size()) break;
    schema::TextChunk c;
    c.byte = tokens[i].begin;
    c.pos = tokens[i].pos - first_pos;
    const std::string_view span = text.substr(counted, c.byte - counted);
    line += static_cast<uint32_t>(std::count(span.begin(), span.end(), '\n'));
    const size_t nl = span.rfind('\n');
    if (nl != std::string_view::npos) line_start = counted + nl + 1;
    counted = c.byte;
    c.line = line;
    c.column = static_cast<uint32_t>(c.byte - line_start);
    chunks.push_back(c);
  }
  return chunks;
}

size_t chunk_at(const schema::DocRecord& record, uint32_t pos) {
  const auto& chunks = record.chunks;
  const uint32_t rel = pos < schema::kBodyPosition ? 0 : pos - schema::kBodyPosition;
  auto it = std::upper_bound(chunks.begin(), chunks.end(), rel,
                             [](uint32_t p, const schema::TextChunk& c) { return p < c.pos; });
  return it == chunks.begin() ? 0 : static_cast<size_t>(it - chunks.begin()) - 1;
}

TextPiece read_chunks(const Xapian::Database& db, const schema::DocRecord& record, size_t first,
                      size_t last) {
  TextPiece piece;
  piece.first_pos = schema::kBodyPosition;
  const auto& chunks = record.chunks;
  if (chunks.empty()) {
    piece.text = record.text;
    return piece;
  }
  last = std::min(last, chunks.size() - 1);
  first = std::min(first, last);
  const schema::TextChunk& c = chunks[first];
  piece.byte = c.byte;
  piece.first_pos = c.pos + schema::kBodyPosition;
  piece.line = c.line;
  piece.column = c.column;
  piece.more_before = first > 0;
  piece.more_after = last + 1 < chunks.size();
  for (size_t n = first; n <= last; ++n) piece.text += db.get_metadata(chunk_key(record.text_id, n));
  return piece;
}

}  // namespace trawl
