// state.h: which paths lie under a root, and the roots a database records.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "state.h"

namespace trawl::indexer {
namespace {

struct RootsCase {
  std::string_view old;
  std::vector<std::string> roots;
  std::string_view want;
};

const RootsCase kRoots[] = {
    {"", {"/a"}, "/a\n"},
    {"/a\n", {"/a"}, "/a\n"},
    {"/a\n", {"/b"}, "/a\n/b\n"},
    {"/a/x\n/b\n", {"/a"}, "/a\n/b\n"},      // a wider run covers the narrower root
    {"/a\n", {"/a/x"}, "/a\n"},              // a subset run keeps the wider one
    {"/a\n", {"/a b", "/a/b"}, "/a\n/a b\n"},  // "/a b" is not below "/a"
    {"/\n", {"/a"}, "/\n"},
    {"/z\n\n/y\n", {}, "/y\n/z\n"},
};

TEST_CASE("merged_roots: sorted, each once, none below another") {
  for (const RootsCase& c : kRoots) {
    CAPTURE(c.old);
    CHECK(merged_roots(std::string(c.old), c.roots) == c.want);
  }
}

}  // namespace
}  // namespace trawl::indexer
