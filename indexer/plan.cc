#include "plan.h"

#include <map>
#include <set>

#include "file_types.h"
#include "schema.h"

namespace trawl::indexer {
namespace {

// Decides what to do with a file the database already knows.
void classify_known(const FileRef& f, const FileStamp& stamp, const PlanOptions& options,
                    const HashFn& hash, const GrowthFn& grown, Plan* plan) {
  if (options.force || stamp.partial) return plan->update.push_back(f);
  if (stamp.analysis < schema::kAnalysisVersion) {
    ++plan->reanalysed;
    return plan->update.push_back(f);
  }
  // --track-ctime: a file restored or replaced with its old mtime (tar x,
  // cp -p, rsync -t) has a new ctime; its content is then compared.
  const bool same_stamp = stamp.size == f.size && stamp.mtime == f.mtime &&
                          (!options.track_ctime || stamp.ctime == f.ctime);
  // A file written in the second the last run read it may have changed
  // since without changing its stamp.
  const bool racy = stamp.mtime >= options.racy_since;
  if (same_stamp && !options.checksum && !racy) {
    ++plan->unchanged;
    return;
  }
  // Same size but touched, racy, or --checksum: look at the content.
  if ((stamp.size == f.size || options.checksum) && !stamp.hash.empty() && hash(f.path) == stamp.hash) {
    ++plan->unchanged;
    if (!same_stamp) plan->restamp.push_back(f);
    return;
  }
  if (Growth g; f.size > stamp.size && grown && grown(f, stamp, &g)) {
    return plan->append.push_back(Append{f, g});
  }
  plan->update.push_back(f);
}

// The record of `f` if its content failed before and nothing changed since.
const FailedFile* still_failing(const FileRef& f, const Failures& failed, const PlanOptions& options) {
  if (options.force || options.retry_failed) return nullptr;
  auto it = failed.find(f.path);
  if (it == failed.end()) return nullptr;
  const FailedFile& r = it->second;
  // (A file written in the second the last run started may have been
  // mended since: racy_since, as for indexed files.)
  const bool same = r.size == f.size && r.mtime == f.mtime && r.mtime < options.racy_since;
  return same && r.version == options.version ? &r : nullptr;
}

// A new file is the move of a vanished one with the same size, extension
// (extension_of: case and Maildir flags aside) and content hash (taken off
// *vanished), else an addition.
void add_or_move(const FileRef& f, const Stamps& stamps, const HashFn& hash,
                 std::multimap<uint64_t, std::string>* vanished, Plan* plan) {
  auto [lo, hi] = vanished->equal_range(f.size);
  std::string h;
  for (auto it = lo; it != hi; ++it) {
    const FileStamp& old = stamps.at(it->second);
    if (old.hash.empty() || extension_of(it->second) != extension_of(f.path) ||
        old.analysis < schema::kAnalysisVersion || old.partial) {
      continue;  // (an older document is made again, not moved)
    }
    if (h.empty()) h = hash(f.path);
    if (h == old.hash) {
      plan->moves.push_back(Move{it->second, f});
      vanished->erase(it);
      return;
    }
  }
  plan->add.push_back(f);
}

}  // namespace

Plan make_plan(const std::vector<FileRef>& crawled, const std::vector<std::string>& unreadable,
               const Stamps& stamps, const Failures& failed, const PlanOptions& options,
               const HashFn& hash, const GrowthFn& grown) {
  Plan plan;
  std::set<std::string> seen;
  std::vector<FileRef> fresh;
  for (const FileRef& f : crawled) {
    seen.insert(f.path);
    if (const FailedFile* r = still_failing(f, failed, options)) {
      plan.failed_before.push_back(*r);
      plan.failures[f.path] = *r;
      continue;  // (any documents it had are kept)
    }
    auto it = stamps.find(f.path);
    if (it == stamps.end()) {
      fresh.push_back(f);
    } else {
      classify_known(f, it->second, options, hash, grown, &plan);
    }
  }
  // Vanished files, by size, as candidates for moves.
  std::multimap<uint64_t, std::string> vanished;
  for (const auto& [path, stamp] : stamps) {
    if (!seen.count(path) && !under_any(path, unreadable)) vanished.emplace(stamp.size, path);
  }
  for (const FileRef& f : fresh) add_or_move(f, stamps, hash, &vanished, &plan);
  if (!options.no_delete) {
    for (const auto& [size, path] : vanished) plan.remove.push_back(path);
  }
  // The records of files not crawled stay where their documents would.
  for (const auto& [path, record] : failed) {
    if (!seen.count(path) && (options.no_delete || under_any(path, unreadable))) {
      plan.failures[path] = record;
    }
  }
  return plan;
}

}  // namespace trawl::indexer
