// ordered_map (searcher/ordered_pool.h): results in order whatever order the
// threads finish in, bounded waiting, and a failed item stops the rest.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "ordered_pool.h"

namespace trawl::searcher {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

struct PoolCase {
  size_t n;
  size_t threads;
  size_t window;
  size_t work_fails_at;  // kNone: no item throws
  size_t emit_fails_at;  // kNone: emit never throws
};

const PoolCase kPool[] = {
    {0, 4, 8, kNone, kNone},    {1, 4, 8, kNone, kNone},  {50, 1, 8, kNone, kNone},
    {50, 2, 1, kNone, kNone},   {200, 3, 4, kNone, kNone}, {200, 8, 64, kNone, kNone},
    {100, 3, 4, 37, kNone},     {100, 1, 4, 37, kNone},   {100, 3, 4, 0, kNone},
    {100, 3, 4, kNone, 20},     {100, 2, 2, 99, kNone},
};

// Item i takes a few microseconds that vary, so threads finish out of order.
void busy(size_t i) { std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 300)); }

TEST_CASE("ordered_map: every result once, in order; errors stop the run") {
  for (const PoolCase& c : kPool) {
    CAPTURE(c.n);
    CAPTURE(c.threads);
    CAPTURE(c.window);
    CAPTURE(c.work_fails_at);
    CAPTURE(c.emit_fails_at);
    std::mutex mu;
    std::set<size_t> workers;
    std::atomic<size_t> started{0};
    std::atomic<size_t> emitted{0};
    std::atomic<size_t> most_waiting{0};
    std::vector<size_t> seen;
    const auto work = [&](size_t worker, size_t i) {
      const size_t waiting = ++started - emitted.load();
      size_t was = most_waiting.load();
      while (waiting > was && !most_waiting.compare_exchange_weak(was, waiting)) {}
      {
        std::lock_guard<std::mutex> lock(mu);
        workers.insert(worker);
      }
      busy(i);
      if (i == c.work_fails_at) throw std::runtime_error("item " + std::to_string(i));
      return std::to_string(i * i);
    };
    const auto emit = [&](size_t i, std::string& r) {
      CHECK(r == std::to_string(i * i));
      if (i == c.emit_fails_at) throw std::runtime_error("emit " + std::to_string(i));
      seen.push_back(i);
      ++emitted;
    };
    std::string error;
    try {
      ordered_map<std::string>(c.n, c.threads, c.window, work, emit);
    } catch (const std::runtime_error& e) {
      error = e.what();
    }
    const size_t stop = std::min({c.n, c.work_fails_at, c.emit_fails_at});
    std::vector<size_t> want(stop);
    for (size_t i = 0; i < stop; ++i) want[i] = i;
    CHECK(seen == want);
    if (stop < c.n) {
      CHECK(error == (stop == c.work_fails_at ? "item " : "emit ") + std::to_string(stop));
    } else {
      CHECK(error.empty());
    }
    // A thread starts an item only when fewer than `window` wait (the count
    // read here can lag by one per thread).
    if (c.threads > 1) CHECK(most_waiting.load() <= c.window + c.threads);
    CHECK(workers.size() <= std::max<size_t>(1, c.threads));
    if (c.threads == 1) CHECK(started.load() == std::min(c.n, stop + 1));
  }
}

TEST_CASE("ordered_map: several threads share the work") {
  std::mutex mu;
  std::set<size_t> workers;
  std::vector<size_t> seen;
  ordered_map<size_t>(
      400, 4, 16,
      [&](size_t worker, size_t i) {
        {
          std::lock_guard<std::mutex> lock(mu);
          workers.insert(worker);
        }
        busy(i);
        return i;
      },
      [&](size_t, size_t& r) { seen.push_back(r); });
  CHECK(seen.size() == 400);
  CHECK(std::is_sorted(seen.begin(), seen.end()));
  CHECK(workers.size() >= 2);  // 400 items of up to 0.3 ms: more than one thread took some
}

}  // namespace
}  // namespace trawl::searcher
