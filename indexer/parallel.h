// run_jobs: a small pipeline for CPU-bound per-file work. Workers (one per
// thread, each with its own Worker) take files in order from a shared list
// (or each from its own slice of it, see Pipeline::partition),
// process them, optionally consume the result on their own thread (shard
// writers), and queue it for the calling thread, which receives results in
// completion order (a file's parts, FileResult::partial, in their order,
// before its last result). The text bytes of queued results are bounded: workers
// wait while the caller is behind, so memory stays flat whatever the corpus
// size. An exception in a worker stops the run and is rethrown to the
// caller.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "worker.h"

namespace trawl::indexer {

struct Job {
  FileRef ref;
  bool update = false;
  Growth growth;  // a grown file: only its new records are read
};

struct Pipeline {
  int threads = 1;
  // If set (threads + 1 ascending job indexes), worker i processes exactly
  // jobs [partition[i], partition[i+1]) in order, instead of taking the next
  // free job: a fresh build then numbers documents in file order whatever
  // the threads' timing, so equal scores always rank the same way.
  std::vector<size_t> partition;
  // Text bytes of the results waiting for `sink`: a worker waits before
  // queueing a result that would go over (one result may, alone).
  size_t max_queued_bytes = 64u << 20;
  // Makes the Worker of thread `index` (called on the calling thread).
  std::function<std::unique_ptr<Worker>(int index)> make_worker;
  // Optional: runs on worker thread `index` for each of its results.
  std::function<void(int index, FileResult& result)> in_worker;
  // Runs on the calling thread for each result.
  std::function<void(FileResult&& result)> sink;
};

void run_jobs(const std::vector<Job>& jobs, const Pipeline& pipeline);

// Splits `jobs` into `parts` contiguous slices of about equal file bytes,
// for Pipeline::partition.
std::vector<size_t> balanced_partition(const std::vector<Job>& jobs, int parts);

}  // namespace trawl::indexer
