// failures.h: the records of files whose content failed, as stored in the
// database: any bytes a path may hold survive, a damaged blob loses only
// what follows the damage, and a run replaces only its roots' records.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "failures.h"
#include "schema.h"
#include "support/test_index.h"

namespace trawl::indexer {
namespace {

FailedFile failed(std::string path, std::string reason = "damaged or not a PDF") {
  return FailedFile{path, 1234, -5, "0.9", std::move(reason)};
}

Failures of(const std::vector<FailedFile>& files) {
  Failures out;
  for (const FailedFile& f : files) out[f.path] = f;
  return out;
}

const std::vector<FailedFile> kRoundTrips[] = {
    {},
    {failed("/r/a.pdf")},
    {failed("/r/new\nline 3 4 5 6.pdf", "line 2: invalid JSON\n"), failed("/r/b", "")},
    {failed(std::string("/r/\xff\x00z.txt", 9)), failed("/r/" + std::string(5000, 'x'))},
};

TEST_CASE("failures: encode and decode round trip") {
  for (const std::vector<FailedFile>& files : kRoundTrips) {
    const Failures f = of(files);
    CAPTURE(f.size());
    CHECK(decode_failures(encode_failures(f)) == f);
  }
}

struct DamageCase {
  std::string blob;
  size_t records;  // decoded before the damage
};

TEST_CASE("failures: a damaged blob keeps the records before the damage") {
  const std::string one = encode_failures(of({failed("/r/a.pdf")}));
  const DamageCase cases[] = {
      {"", 0},
      {"garbage", 0},
      {one + "1 2 3 4", 1},                 // header without its line end
      {one + "1 2 999 0 0\n/r/x", 1},       // lengths past the end
      {one + "1 2 0 0 0\n", 1},             // empty path
      {one + "1 2 3 4 5 6\nabc", 1},        // a field too many
      {one.substr(0, one.size() - 1), 0},   // the reason cut short
      {one + one, 1},                       // the same path twice: one record
  };
  for (const DamageCase& c : cases) {
    CAPTURE(c.blob);
    CHECK(decode_failures(c.blob).size() == c.records);
  }
}

TEST_CASE("failures: a run replaces the records under its roots only") {
  Xapian::WritableDatabase db = testing::scratch_db();
  store_failures(db, {"/a", "/b"}, of({failed("/a/1.pdf"), failed("/b/2.pdf"), failed("/bb/3.pdf")}));
  CHECK(load_failures(db, {"/"}).size() == 3);
  store_failures(db, {"/a"}, of({failed("/a/4.pdf")}));
  const Failures all = load_failures(db, {"/"});
  std::vector<std::string> paths;
  for (const auto& [path, f] : all) paths.push_back(path);
  CHECK(paths == std::vector<std::string>{"/a/4.pdf", "/b/2.pdf", "/bb/3.pdf"});
  CHECK(load_failures(db, {"/b"}).size() == 1);  // not /bb
  store_failures(db, {"/"}, {});
  CHECK(db.get_metadata(std::string(schema::kMetaFailed)).empty());
}

}  // namespace
}  // namespace trawl::indexer
