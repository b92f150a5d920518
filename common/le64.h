// Little-endian 64-bit words in byte strings: the one codec of the piece
// checks that records store (schema.cc) and that the searcher computes over
// text (stored_text.cc piece_check), whatever the machine's byte order.
#pragma once

#include <cstdint>
#include <string>

namespace trawl {

// Appends `w` as 8 bytes, least significant first.
inline void put_le64(std::string* out, uint64_t w) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>(w >> (8 * i)));
}

// The word of the 8 bytes at `p`, least significant first.
// REQUIRES: 8 readable bytes at p.
inline uint64_t load_le64(const char* p) {
  uint64_t w = 0;
  for (int i = 7; i >= 0; --i) w = (w << 8) | static_cast<unsigned char>(p[i]);
  return w;
}

}  // namespace trawl
