// ordered_map: work on many items in parallel, results handed on in order.
//
// Batch mode (--queries) runs its queries on several threads, each with its
// own Searcher, but must print them in the order of the file, as one thread
// would. ordered_map runs work(worker, i) for every i in [0, n) on `threads`
// threads and calls emit(i, result) on the calling thread for i = 0, 1, ...
// as soon as every result up to i is done, so output streams while later
// items run. `worker` (0 <= worker < threads) names the thread, so work can
// keep per-thread state (a Searcher) in a vector without locks.
//
//   ordered_map<std::string>(queries.size(), 2, 32,
//       [&](size_t w, size_t i) { return run(searchers[w], queries[i]); },
//       [&](size_t i, std::string& text) { out << text; });
//
// Bounded: a thread starts item i only when fewer than `window` items wait
// to be emitted, so memory does not grow with n. Errors: if work(i) throws,
// no later item is started, items before i are still emitted, then the
// exception is rethrown here (after every thread has stopped). If emit
// throws, the threads stop and the exception propagates. With threads <= 1
// everything runs on the calling thread, in order.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace trawl::searcher {

template <typename Result>
class OrderedPool {
 public:
  using Work = std::function<Result(size_t worker, size_t i)>;

  OrderedPool(size_t n, size_t window, Work work)
      : n_(n), window_(std::max<size_t>(window, 1)), work_(std::move(work)), slots_(window_) {}

  // Stops and joins the threads (also when emitting threw).
  ~OrderedPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

  void start(size_t threads) {
    for (size_t w = 0; w < threads; ++w) threads_.emplace_back([this, w] { run(w); });
  }

  // Waits for item i (each i once, in order); rethrows its exception.
  Result take(size_t i) {
    Slot& slot = slots_[i % window_];
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return slot.done; });
    slot.done = false;
    ++emitted_;
    if (slot.failure) std::rethrow_exception(slot.failure);
    Result result = std::move(*slot.result);
    slot.result.reset();
    lock.unlock();
    cv_.notify_all();  // a slot is free
    return result;
  }

 private:
  struct Slot {
    std::optional<Result> result;
    std::exception_ptr failure;
    bool done = false;
  };

  void run(size_t worker) {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return stop_ || next_ >= n_ || next_ < emitted_ + window_; });
        if (stop_ || next_ >= n_) return;
        i = next_++;
      }
      Slot& slot = slots_[i % window_];
      try {
        slot.result.emplace(work_(worker, i));
      } catch (...) {
        slot.failure = std::current_exception();
      }
      {
        std::lock_guard<std::mutex> lock(mu_);
        slot.done = true;
        if (slot.failure) stop_ = true;  // start nothing after a failed item
      }
      cv_.notify_all();
    }
  }

  const size_t n_;
  const size_t window_;
  Work work_;
  std::vector<Slot> slots_;  // item i waits in slots_[i % window_]
  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable cv_;
  size_t next_ = 0;     // the next item to start (guarded by mu_)
  size_t emitted_ = 0;  // items taken (guarded by mu_)
  bool stop_ = false;   // (guarded by mu_)
};

template <typename Result>
void ordered_map(size_t n, size_t threads, size_t window,
                 const std::function<Result(size_t worker, size_t i)>& work,
                 const std::function<void(size_t i, Result&)>& emit) {
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) {
      Result result = work(0, i);
      emit(i, result);
    }
    return;
  }
  OrderedPool<Result> pool(n, window, work);
  pool.start(std::min(threads, n));
  for (size_t i = 0; i < n; ++i) {
    Result result = pool.take(i);
    emit(i, result);
  }
}

}  // namespace trawl::searcher
