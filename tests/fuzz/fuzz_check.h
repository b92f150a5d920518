// Helpers for the libFuzzer targets: an invariant that does not hold is a
// crash the fuzzer reports (with the input that caused it).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "utf8.h"

namespace trawl::fuzz {

inline void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
  }
}

inline void check_utf8(std::string_view s, const char* what) { check(utf8::is_valid(s), what); }

}  // namespace trawl::fuzz
