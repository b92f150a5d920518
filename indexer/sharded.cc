#include "sharded.h"

#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <xapian.h>

#include "db_store.h"
#include "diag.h"
#include "error.h"
#include "failures.h"
#include "run_index.h"
#include "schema.h"

namespace trawl::indexer {

std::string shard_dir(const std::string& dir, unsigned k) {
  return dir + "/shard-" + std::to_string(k);
}

namespace {

constexpr const char* kStub = "XAPIANDB";

std::string read_stub(const std::string& dir) {
  std::ifstream in(dir + "/" + kStub);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Writes DIR/XAPIANDB listing `shards` shards, atomically.
void write_stub(const std::string& dir, unsigned shards) {
  const std::string tmp = dir + "/" + kStub + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    for (unsigned k = 0; k < shards; ++k) out << "auto shard-" << k << "\n";
    out.flush();
    if (!out) throw Error("database " + quote(dir) + ": cannot write " + kStub);
  }
  if (std::rename(tmp.c_str(), (dir + "/" + kStub).c_str()) != 0) {
    throw Error("database " + quote(dir) + ": cannot write " + kStub);
  }
  DbStore::sync_dir(dir);
}

void add(IndexSummary& total, const IndexSummary& s) {
  total.files += s.files;
  total.added += s.added;
  total.updated += s.updated;
  total.moved += s.moved;
  total.deleted += s.deleted;
  total.unchanged += s.unchanged;
  total.documents += s.documents;
  total.failed += s.failed;
  // The crawl's skips are counted by shard 0 alone; the others count the
  // skips of their own files (binary, empty, failed before).
  for (const auto& [reason, n] : s.skipped) total.skipped[reason] += n;
  total.seconds += s.seconds;
}

}  // namespace

unsigned shard_of(const std::string& path, unsigned shards) {
  if (shards <= 1) return 0;
  return static_cast<unsigned>(XXH64(path.data(), path.size(), 0) % shards);
}

unsigned existing_shards(const std::string& dir) {
  const std::string stub = read_stub(dir);
  unsigned n = 0;
  std::istringstream lines(stub);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    if (line != "auto shard-" + std::to_string(n)) return 0;
    ++n;
  }
  return n;
}

int run_sharded(const IndexOptions& options, const FileSystem& fs, Reporter& reporter,
                const std::string& cwd) {
  const std::string& dir = options.db_path;
  const unsigned have = existing_shards(dir);
  const bool exists = ::access((dir + "/" + kStub).c_str(), F_OK) == 0;
  if (exists && have == 0) {
    throw Error("database " + quote(dir) +
                ": not sharded (index into a new folder for --shards, or leave --shards out)");
  }
  const unsigned n = options.shards > 0 ? options.shards : have;
  if (have > 0 && n != have && !options.rebuild) {
    throw Error("database " + quote(dir) + ": has " + std::to_string(have) + " shards, not " +
                std::to_string(n) + " (use --rebuild to change, or --merge)");
  }
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    throw Error("database " + quote(dir) + ": cannot create the folder");
  }
  IndexSummary total;
  int worst = kExitOk;
  for (unsigned k = 0; k < n; ++k) {
    IndexOptions shard = options;
    shard.db_path = shard_dir(dir, k);
    shard.shard_count = n;
    shard.shard_index = k;
    shard.report_summary = false;
    IndexSummary s;
    worst = std::max(worst, run_index(shard, fs, reporter, cwd, &s));
    add(total, s);
  }
  // The stub last: until every shard exists, searches see the old layout.
  if (!options.dry_run && (have != n || !exists)) write_stub(dir, n);
  if (!options.dry_run) reporter.summary(total);
  return worst;
}

int merge_shards(const IndexOptions& options, Reporter& reporter) {
  const std::string& dir = options.db_path;
  const unsigned n = existing_shards(dir);
  if (n == 0) throw Error("database " + quote(dir) + ": --merge needs a sharded database");
  std::vector<std::unique_ptr<DbStore>> locks;  // no indexer may write meanwhile
  for (unsigned k = 0; k < n; ++k) {
    locks.push_back(DbStore::open(shard_dir(dir, k), {options.wait, options.wait_seconds}));
  }
  std::string fields;
  Failures failures;  // each shard remembers its own files' (failures.h)
  for (unsigned k = 0; k < n; ++k) {
    const Xapian::Database shard(shard_dir(dir, k));
    const Failures mine = decode_failures(shard.get_metadata(std::string(schema::kMetaFailed)));
    failures.insert(mine.begin(), mine.end());
    const std::string f = shard.get_metadata(std::string(schema::kMetaFields));
    std::istringstream words(f);
    for (std::string w; words >> w;) {
      if ((" " + fields + " ").find(" " + w + " ") == std::string::npos) fields += (fields.empty() ? "" : " ") + w;
    }
  }
  const std::string merged = "db-1";  // DbStore's first generation
  std::filesystem::remove_all(dir + "/" + merged);
  Xapian::Database all(dir);
  all.compact(dir + "/" + merged, Xapian::DBCOMPACT_MULTIPASS);
  {
    Xapian::WritableDatabase w(dir + "/" + merged);
    w.set_metadata(std::string(schema::kMetaFields), fields);
    w.set_metadata(std::string(schema::kMetaFailed), encode_failures(failures));
    w.commit();
  }
  DbStore::sync_dir(dir + "/" + merged);
  // The stub now names the merged database: searches move over at once.
  const std::string tmp = dir + "/" + kStub + ".tmp";
  { std::ofstream(tmp, std::ios::trunc) << "glass " << merged << "\n"; }
  if (std::rename(tmp.c_str(), (dir + "/" + kStub).c_str()) != 0) {
    throw Error("database " + quote(dir) + ": cannot write " + kStub);
  }
  DbStore::sync_dir(dir);
  locks.clear();
  for (unsigned k = 0; k < n; ++k) std::filesystem::remove_all(shard_dir(dir, k));
  IndexSummary s;
  s.documents = Xapian::Database(dir).get_doccount();
  reporter.summary(s);
  return kExitOk;
}

}  // namespace trawl::indexer
