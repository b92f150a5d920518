#include "parallel.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace trawl::indexer {
namespace {

// Shared state of one run.
struct Queue {
  std::mutex mu;
  std::condition_variable ready;   // a result arrived, or a worker ended
  std::condition_variable drained; // the caller took results
  std::deque<FileResult> results;
  size_t bytes = 0;
  int running = 0;
  bool stop = false;
  std::exception_ptr error;
};

// The next job of worker `index`: from its slice, or the shared counter.
size_t next_job(int index, size_t* own, std::atomic<size_t>& next, const Pipeline& p,
                size_t total) {
  if (p.partition.empty()) return next++;
  size_t i = (*own)++;
  return i < p.partition[static_cast<size_t>(index) + 1] ? i : total;
}

// Thrown through a Worker from its part sink when the run stops.
struct Stopped {};

// Consumes `r` on the worker thread if asked, then queues it for the
// caller, waiting while the queue is full. Throws Stopped if the run stops.
void push(int index, FileResult&& r, const Pipeline& p, Queue& q) {
  if (p.in_worker) p.in_worker(index, r);
  std::unique_lock<std::mutex> lock(q.mu);
  q.drained.wait(lock, [&] {
    return q.stop || q.results.empty() || q.bytes + r.text_bytes <= p.max_queued_bytes;
  });
  if (q.stop) throw Stopped{};
  q.bytes += r.text_bytes;
  q.results.push_back(std::move(r));
  q.ready.notify_one();
}

void work(int index, Worker& worker, const std::vector<Job>& jobs, std::atomic<size_t>& next,
          const Pipeline& p, Queue& q) {
  size_t own = p.partition.empty() ? 0 : p.partition[static_cast<size_t>(index)];
  const Worker::PartSink parts = [&](FileResult&& part) { push(index, std::move(part), p, q); };
  try {
    for (size_t i; (i = next_job(index, &own, next, p, jobs.size())) < jobs.size();) {
      push(index, worker.process(jobs[i].ref, jobs[i].update, parts, jobs[i].growth), p, q);
    }
  } catch (const Stopped&) {
    // another thread failed: its error is reported
  } catch (...) {
    std::lock_guard<std::mutex> lock(q.mu);
    if (!q.error) q.error = std::current_exception();
    q.stop = true;
    q.drained.notify_all();
  }
  std::lock_guard<std::mutex> lock(q.mu);
  --q.running;
  q.ready.notify_one();
}

}  // namespace

std::vector<size_t> balanced_partition(const std::vector<Job>& jobs, int parts) {
  uint64_t total = 0;
  for (const Job& j : jobs) total += j.ref.size + 1;
  std::vector<size_t> bounds = {0};
  uint64_t sum = 0;
  for (size_t i = 0; i < jobs.size() && bounds.size() < static_cast<size_t>(parts); ++i) {
    sum += jobs[i].ref.size + 1;
    if (sum * static_cast<uint64_t>(parts) >= total * bounds.size()) bounds.push_back(i + 1);
  }
  while (bounds.size() <= static_cast<size_t>(parts)) bounds.push_back(jobs.size());
  return bounds;
}

void run_jobs(const std::vector<Job>& jobs, const Pipeline& p) {
  const int n = !p.partition.empty()
                    ? static_cast<int>(p.partition.size()) - 1
                    : std::max(1, std::min<int>(p.threads, static_cast<int>(jobs.size())));
  std::vector<std::unique_ptr<Worker>> workers;
  for (int i = 0; i < n; ++i) workers.push_back(p.make_worker(i));
  Queue q;
  q.running = n;
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) {
    threads.emplace_back(work, i, std::ref(*workers[i]), std::cref(jobs), std::ref(next),
                         std::cref(p), std::ref(q));
  }
  std::exception_ptr sink_error;
  while (true) {
    std::unique_lock<std::mutex> lock(q.mu);
    q.ready.wait(lock, [&] { return !q.results.empty() || q.running == 0; });
    if (q.results.empty()) break;
    FileResult r = std::move(q.results.front());
    q.results.pop_front();
    q.bytes -= r.text_bytes;
    q.drained.notify_all();
    lock.unlock();
    if (sink_error) continue;  // drain without handling after a failure
    try {
      p.sink(std::move(r));
    } catch (...) {
      sink_error = std::current_exception();
      std::lock_guard<std::mutex> stop_lock(q.mu);
      q.stop = true;
      q.drained.notify_all();
    }
  }
  for (std::thread& t : threads) t.join();
  if (sink_error) std::rethrow_exception(sink_error);
  if (q.error) std::rethrow_exception(q.error);
}

}  // namespace trawl::indexer
