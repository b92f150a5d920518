#include "stored_text.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <random>
#include <unistd.h>
#include <zstd.h>

#include "le64.h"

namespace trawl {
namespace {

constexpr int kZstdLevel = 3;

uint64_t mix(uint64_t x) {  // splitmix64's finaliser
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Where the anchor after byte `at` goes: at the first token of the next
// line if a line starts within `slack` bytes, else at the first token at or
// after `at`. Returns an index into `tokens` (tokens.size() if none is
// left); `from` is where to start looking.
size_t cut_token(std::string_view text, const std::vector<Token>& tokens, size_t from,
                 size_t at, size_t slack) {
  size_t i = from;
  while (i < tokens.size() && (tokens[i].alias || tokens[i].begin < at)) ++i;
  if (i >= tokens.size() || at >= text.size()) return i;
  const size_t nl = text.substr(at, slack).find('\n');
  if (nl == std::string_view::npos) return i;
  size_t j = i;
  while (j < tokens.size() && (tokens[j].alias || tokens[j].begin <= at + nl)) ++j;
  return j < tokens.size() ? j : i;
}

// A new text id: 16 hex digits, unique with overwhelming probability
// (random per process, then counted). Thread-safe.
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

}  // namespace

std::string piece_key(std::string_view text_id, size_t n) {
  std::string key(schema::kMetaTextPrefix);
  key.append(text_id);
  key.push_back(':');
  key.append(std::to_string(n));
  return key;
}

std::string anchors_key(std::string_view text_id) {
  std::string key(schema::kMetaTextPrefix);
  key.append(text_id);
  key.append(":a");
  return key;
}

namespace {

// One zstd context per thread, reused: ZSTD_compress and ZSTD_decompress
// make and clear a new one on every call (most of the cost of a 4 KB piece).
struct ZstdContexts {
  ZSTD_CCtx* c = ZSTD_createCCtx();
  ZSTD_DCtx* d = ZSTD_createDCtx();
  ZstdContexts() = default;
  ZstdContexts(const ZstdContexts&) = delete;
  ZstdContexts& operator=(const ZstdContexts&) = delete;
  ~ZstdContexts() {
    ZSTD_freeCCtx(c);
    ZSTD_freeDCtx(d);
  }
};

ZstdContexts& zstd() {
  thread_local ZstdContexts contexts;
  return contexts;
}

}  // namespace

std::string store_raw(std::string_view bytes) {
  // (Built with reserve and append: `"r" + std::string(bytes)` draws a false
  // -Wrestrict warning from GCC 12 in Release builds.)
  std::string out;
  out.reserve(1 + bytes.size());
  out.push_back('r');
  out.append(bytes);
  return out;
}

std::string pack_piece(std::string_view piece) {
  std::string out(1 + ZSTD_compressBound(piece.size()), '\0');
  const size_t n = ZSTD_compressCCtx(zstd().c, out.data() + 1, out.size() - 1, piece.data(),
                                     piece.size(), kZstdLevel);
  if (ZSTD_isError(n) || n >= piece.size()) return store_raw(piece);
  out[0] = 'z';
  out.resize(1 + n);
  return out;
}

std::string unpack_piece(std::string_view stored) {
  if (stored.empty()) return std::string();
  if (stored[0] == 'r') return std::string(stored.substr(1));
  if (stored[0] != 'z') return std::string();
  stored.remove_prefix(1);
  const unsigned long long size = ZSTD_getFrameContentSize(stored.data(), stored.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1u << 24)) {
    return std::string();
  }
  std::string out(size, '\0');
  const size_t n =
      ZSTD_decompressDCtx(zstd().d, out.data(), out.size(), stored.data(), stored.size());
  if (ZSTD_isError(n)) return std::string();
  out.resize(n);
  return out;
}

std::vector<schema::TextAnchor> make_anchors(std::string_view text,
                                             const std::vector<Token>& tokens,
                                             uint32_t first_pos, size_t every,
                                             uint32_t first_line) {
  std::vector<schema::TextAnchor> anchors(1);
  anchors[0].line = first_line;
  size_t i = 0;
  size_t counted = 0;     // lines counted up to here
  size_t line_start = 0;  // where the line holding `counted` starts
  uint32_t line = first_line;
  while (true) {
    i = cut_token(text, tokens, i, anchors.back().byte + every, every / 8);
    // Each anchor starts a later position (anchor 0, at byte 0, holds the
    // first token however far it is).
    while (i < tokens.size() && (tokens[i].alias || tokens[i].pos - first_pos <= anchors.back().pos)) ++i;
    if (i >= tokens.size()) break;
    schema::TextAnchor c;
    c.byte = tokens[i].begin;
    c.pos = tokens[i].pos - first_pos;
    const std::string_view span = text.substr(counted, c.byte - counted);
    line += static_cast<uint32_t>(std::count(span.begin(), span.end(), '\n'));
    const size_t nl = span.rfind('\n');
    if (nl != std::string_view::npos) line_start = counted + nl + 1;
    counted = c.byte;
    c.line = line;
    c.column = static_cast<uint32_t>(c.byte - line_start);
    anchors.push_back(c);
  }
  return anchors;
}

namespace {

// The bytes of piece `p` of `text`, cut at its anchors.
std::string_view piece_of(const std::vector<schema::TextAnchor>& anchors, std::string_view text,
                          size_t p) {
  const size_t first = p * kAnchorsPerPiece, next = first + kAnchorsPerPiece;
  const size_t stop = next < anchors.size() ? anchors[next].byte : text.size();
  return text.substr(anchors[first].byte, stop - anchors[first].byte);
}

}  // namespace

uint64_t piece_check(std::string_view bytes) {
  uint64_t h = mix(bytes.size());
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    h = (h ^ load_le64(bytes.data() + i)) * 0x9FB21C651E98DF25ULL;
    h ^= h >> 29;
  }
  char tail[8] = {};
  std::copy(bytes.begin() + static_cast<std::ptrdiff_t>(i), bytes.end(), tail);
  return mix(h ^ load_le64(tail));
}

bool read_file_range(const std::string& path, uint64_t offset, size_t length, std::string* out) {
  if (length > kMaxFileRead) return false;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return false;
  }
  out->resize(length);
  size_t got = 0;
  while (got < length) {
    const ssize_t n = ::pread(fd, out->data() + got, length - got, static_cast<off_t>(offset + got));
    if (n <= 0) break;  // (an error or the end: fewer bytes than noted)
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  return got == length;
}

std::vector<std::pair<std::string, std::string>> take_pieces(schema::DocRecord* record) {
  record->text_id = new_text_id();
  const auto& anchors = record->anchors;
  const std::string_view text = record->text;
  std::vector<std::pair<std::string, std::string>> pieces;
  const size_t count = pieces_for(anchors.size());
  record->piece_checks.clear();
  for (size_t p = 0; p < count; ++p) {
    if (record->file_offset >= 0) {
      record->piece_checks.push_back(piece_check(piece_of(anchors, text, p)));
    } else {
      pieces.emplace_back(piece_key(record->text_id, p), pack_piece(piece_of(anchors, text, p)));
    }
  }
  if (record->file_offset >= 0) {  // (a CRLF text's line ends take two bytes there)
    record->file_length = text.size() + (record->file_crlf ? std::count(text.begin(), text.end(), '\n') : 0);
  }
  pieces.emplace_back(anchors_key(record->text_id), store_raw(schema::encode_anchors(*record)));
  record->stored_anchors = static_cast<uint32_t>(anchors.size());
  record->anchors.clear();
  record->piece_checks.clear();
  record->text.clear();
  return pieces;
}

std::vector<std::string> text_keys(const schema::DocRecord& record) {
  std::vector<std::string> keys;
  for (size_t i = 0; i < piece_count(record); ++i) keys.push_back(piece_key(record.text_id, i));
  if (!record.text_id.empty() && record.stored_anchors > 0) keys.push_back(anchors_key(record.text_id));
  return keys;
}

bool load_anchors(const Xapian::Database& db, schema::DocRecord* record) {
  if (!record->anchors.empty() || record->stored_anchors == 0 || record->text_id.empty()) return true;
  schema::DocRecord stored;
  if (!schema::decode_anchors(unpack_piece(db.get_metadata(anchors_key(record->text_id))), &stored) ||
      stored.anchors.size() != record->stored_anchors) {
    return false;
  }
  record->anchors = std::move(stored.anchors);
  record->piece_checks = std::move(stored.piece_checks);
  return true;
}

size_t anchor_at(const schema::DocRecord& record, uint32_t pos) {
  const auto& anchors = record.anchors;
  const uint32_t rel = pos < schema::kBodyPosition ? 0 : pos - schema::kBodyPosition;
  auto it = std::upper_bound(anchors.begin(), anchors.end(), rel,
                             [](uint32_t p, const schema::TextAnchor& c) { return p < c.pos; });
  return it == anchors.begin() ? 0 : static_cast<size_t>(it - anchors.begin()) - 1;
}

namespace {

// Drops each '\r' before a '\n' (a CRLF file's text as indexed).
void drop_crs(std::string* text) {
  size_t out = 0;
  for (size_t i = 0; i < text->size(); ++i) {
    if ((*text)[i] == '\r' && i + 1 < text->size() && (*text)[i + 1] == '\n') continue;
    (*text)[out++] = (*text)[i];
  }
  text->resize(out);
}

// Reads pieces p0 to p1 of a text in its file into *text; false if the
// file no longer holds them (a check differs, or it is shorter or gone).
bool read_from_file(const schema::DocRecord& record, size_t p0, size_t p1, ReadFileRange read_file,
                    std::string* text) {
  const auto& anchors = record.anchors;
  const size_t count = pieces_for(anchors.size());
  if (record.piece_checks.size() != count || p1 >= count) return false;
  // Where anchor i's token sits in the file: a CRLF text's earlier lines
  // each took one byte more there.
  const auto in_file = [&](size_t i) {
    return anchors[i].byte + (record.file_crlf ? anchors[i].line - anchors[0].line : 0);
  };
  const uint64_t base = in_file(p0 * kAnchorsPerPiece);
  const size_t next = (p1 + 1) * kAnchorsPerPiece;
  const uint64_t stop = next < anchors.size() ? in_file(next) : record.file_length;
  if (stop < base || stop > record.file_length) return false;
  const auto offset = static_cast<uint64_t>(record.file_offset);
  if (!read_file(record.path, offset + base, static_cast<size_t>(stop - base), text)) return false;
  if (record.file_crlf) drop_crs(text);
  const uint64_t text_base = anchors[p0 * kAnchorsPerPiece].byte;
  for (size_t p = p0; p <= p1; ++p) {
    const size_t from = anchors[p * kAnchorsPerPiece].byte - text_base;
    const size_t end =
        p + 1 < count ? anchors[(p + 1) * kAnchorsPerPiece].byte - text_base : text->size();
    if (from > end || end > text->size() ||  // (anchors out of order: a damaged record)
        piece_check(std::string_view(*text).substr(from, end - from)) != record.piece_checks[p]) {
      return false;
    }
  }
  return true;
}

}  // namespace

TextPiece read_anchors(const Xapian::Database& db, const schema::DocRecord& record, size_t first,
                       size_t last, ReadFileRange read_file) {
  TextPiece piece;
  piece.first_pos = schema::kBodyPosition;
  const auto& anchors = record.anchors;
  if (anchors.empty()) {
    piece.text = record.text;
    return piece;
  }
  last = std::min(last, anchors.size() - 1);
  first = std::min(first, last);
  const schema::TextAnchor& c = anchors[first];
  piece.first_pos = c.pos + schema::kBodyPosition;
  piece.line = c.line;
  piece.column = c.column;
  piece.more_before = first > 0;
  piece.more_after = last + 1 < anchors.size();
  const uint64_t begin = c.byte;
  const uint64_t end = piece.more_after ? anchors[last + 1].byte : UINT64_MAX;
  const size_t length = end == UINT64_MAX ? std::string::npos : static_cast<size_t>(end - begin);
  piece.byte = begin;
  if (record.text_id.empty()) {
    piece.text = record.text.substr(std::min<uint64_t>(begin, record.text.size()), length);
    return piece;
  }
  // Pieces hold kAnchorsPerPiece anchors each: read those that hold [begin, end).
  const size_t p0 = first / kAnchorsPerPiece, p1 = last / kAnchorsPerPiece;
  const uint64_t base = anchors[p0 * kAnchorsPerPiece].byte;
  std::string text;
  if (record.file_offset >= 0) {
    piece.unread = !read_from_file(record, p0, p1, read_file, &text);
    if (piece.unread) text.clear();
  } else {
    for (size_t n = p0; n <= p1; ++n) text += unpack_piece(db.get_metadata(piece_key(record.text_id, n)));
  }
  piece.text = text.substr(std::min<uint64_t>(begin - base, text.size()), length);
  return piece;
}

}  // namespace trawl
