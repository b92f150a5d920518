// Records and texts read back from their files, as a damaged database may
// hold them: decode_record and decode_anchors never crash, and read_anchors
// over any anchors and piece checks never reads out of bounds or throws;
// what it returns as read is part of the text.
//
// Input: byte 0 = flags (bit 0: CRLF text, bit 1: make the checks agree
// with the file, bits 2-7: the text's offset in the file), bytes 1-2 = the
// length L of an anchors blob (little-endian), L bytes of it, then the
// file. The whole input is also decoded as a record.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "schema.h"
#include "stored_text.h"

namespace {

std::string_view file_bytes;

bool read_fuzz_file(const std::string&, uint64_t offset, size_t length, std::string* out) {
  if (offset > file_bytes.size() || length > file_bytes.size() - offset) return false;
  out->assign(file_bytes.substr(offset, length));
  return true;
}

// The text a file holds from `offset`, as indexed (CRs of CRLFs dropped).
std::string text_of(std::string_view file, size_t offset, bool crlf) {
  std::string text;
  for (size_t i = offset; i < file.size(); ++i) {
    if (crlf && file[i] == '\r' && i + 1 < file.size() && file[i + 1] == '\n') continue;
    text.push_back(file[i]);
  }
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace trawl;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  schema::DocRecord any;
  schema::decode_record(in, &any);
  if (size < 3) return 0;
  const size_t blob = data[1] | (static_cast<size_t>(data[2]) << 8);
  if (blob > size - 3) return 0;
  file_bytes = in.substr(3 + blob);
  schema::DocRecord r;
  if (!schema::decode_anchors(in.substr(3, blob), &r) || r.anchors.empty()) return 0;
  r.path = "/fuzz";
  r.text_id = "0123456789abcdef";
  r.file_crlf = (data[0] & 1) != 0;
  const size_t offset = std::min<size_t>(data[0] >> 2, file_bytes.size());
  r.file_offset = static_cast<int64_t>(offset);
  const std::string text = text_of(file_bytes, offset, r.file_crlf);
  r.file_length = file_bytes.size() - offset;
  if (data[0] & 2) {  // checks that agree with the file, where the anchors fit the text
    if (r.anchors.front().byte != 0) return 0;
    for (size_t i = 1; i < r.anchors.size(); ++i) {
      if (r.anchors[i].byte < r.anchors[i - 1].byte || r.anchors[i].line < r.anchors[i - 1].line) return 0;
    }
    if (r.anchors.back().byte > text.size()) return 0;
    schema::DocRecord made = r;
    made.text = text;
    const auto stored = take_pieces(&made);
    r.piece_checks.clear();
    fuzz::check(schema::decode_anchors(stored.back().second.substr(1), &made), "own anchors decode");
    r.piece_checks = made.piece_checks;
  }
  const size_t n = r.anchors.size();
  for (const auto& [first, last] : {std::pair<size_t, size_t>{0, n}, {n / 2, n / 2}, {n - 1, n - 1}}) {
    const TextPiece piece = read_anchors(Xapian::Database(), r, first, last, read_fuzz_file);
    fuzz::check(!piece.unread || piece.text.empty(), "an unread text is empty");
    // (A CRLF file's positions come from the anchors' lines, which fuzzed
    // anchors need not get right.)
    const bool agrees = (data[0] & 2) && !r.file_crlf;
    fuzz::check(!agrees || !piece.unread, "a file that agrees with its checks reads");
    if (!piece.unread) fuzz::check(text.find(piece.text) != std::string::npos, "read text is the file's");
  }
  return 0;
}
