// The worker pipeline: every job once, results on the calling thread,
// partitions in order, errors carried over; and the progress bar.
#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <thread>

#include "parallel.h"
#include "progress.h"
#include "support/mem_file_system.h"

namespace trawl::indexer {
namespace {

std::vector<Job> make_jobs(testing::MemFileSystem& fs, int n) {
  std::vector<Job> jobs;
  for (int i = 0; i < n; ++i) {
    std::string path = "/c/f" + std::to_string(1000 + i) + ".txt";
    fs.add_file(path, "Title " + std::to_string(i) + "\n\nbody words " + std::string(i % 7, 'x'));
    jobs.push_back(Job{FileRef{path, 20u + static_cast<uint64_t>(i % 7), 1}, false, {}});
  }
  return jobs;
}

TEST_CASE("run_jobs: every job once; results handed over on the calling thread") {
  testing::MemFileSystem fs;
  std::vector<Job> jobs = make_jobs(fs, 200);
  IndexOptions options;
  for (int threads : {1, 2, 4}) {
    CAPTURE(threads);
    std::multiset<std::string> seen;
    const std::thread::id caller = std::this_thread::get_id();
    bool same_thread = true;
    Pipeline p;
    p.threads = threads;
    p.max_queued_bytes = 64;  // tiny: workers must wait for the caller
    p.make_worker = [&](int) { return std::make_unique<Worker>(options, fs, "english"); };
    p.sink = [&](FileResult&& r) {
      same_thread &= std::this_thread::get_id() == caller;
      seen.insert(r.ref.path);
      CHECK(r.documents == 1);
    };
    run_jobs(jobs, p);
    CHECK(seen.size() == jobs.size());
    CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == jobs.size());
    CHECK(same_thread);
  }
}

TEST_CASE("run_jobs: with a partition, each worker takes its own slice in order") {
  testing::MemFileSystem fs;
  std::vector<Job> jobs = make_jobs(fs, 100);
  std::vector<size_t> bounds = balanced_partition(jobs, 3);
  REQUIRE(bounds.size() == 4);
  CHECK(bounds.front() == 0);
  CHECK(bounds.back() == jobs.size());
  std::vector<std::vector<std::string>> by_worker(3);
  IndexOptions options;
  Pipeline p;
  p.threads = 3;
  p.partition = bounds;
  p.make_worker = [&](int) { return std::make_unique<Worker>(options, fs, "english"); };
  p.in_worker = [&](int index, FileResult& r) { by_worker[index].push_back(r.ref.path); };
  p.sink = [](FileResult&&) {};
  run_jobs(jobs, p);
  for (size_t w = 0; w < 3; ++w) {
    CAPTURE(w);
    REQUIRE(by_worker[w].size() == bounds[w + 1] - bounds[w]);
    for (size_t k = 0; k < by_worker[w].size(); ++k) CHECK(by_worker[w][k] == jobs[bounds[w] + k].ref.path);
  }
}

TEST_CASE("balanced_partition: slices of about equal bytes") {
  std::vector<Job> jobs;
  for (uint64_t size : {100, 1, 1, 1, 1, 1, 1, 1, 1, 100})
    jobs.push_back(Job{FileRef{"/x", size, 0}, false, {}});
  CHECK(balanced_partition(jobs, 2) == std::vector<size_t>{0, 5, 10});
  CHECK(balanced_partition(jobs, 1) == std::vector<size_t>{0, 10});
  CHECK(balanced_partition({}, 2) == std::vector<size_t>{0, 0, 0});
}

TEST_CASE("run_jobs: an exception in the sink stops the run and reaches the caller") {
  testing::MemFileSystem fs;
  std::vector<Job> jobs = make_jobs(fs, 50);
  IndexOptions options;
  Pipeline p;
  p.threads = 2;
  p.make_worker = [&](int) { return std::make_unique<Worker>(options, fs, "english"); };
  int handled = 0;
  p.sink = [&](FileResult&&) {
    if (++handled == 10) throw std::runtime_error("disk full");
  };
  CHECK_THROWS_WITH(run_jobs(jobs, p), "disk full");
  CHECK(handled == 10);
}

TEST_CASE("progress: draws a bar with counts, then erases it; silent when disabled") {
  std::ostringstream on, off;
  {
    Progress p(on, true, 2, 3'000'000);
    p.advance(1'000'000);
    p.advance(2'000'000);  // the last file always draws
    p.finish();
  }
  CHECK(on.str().find("2/2 files") != std::string::npos);
  CHECK(on.str().find("3.0/3.0 MB") != std::string::npos);
  CHECK(on.str().find("[####################]") != std::string::npos);
  CHECK(on.str().substr(on.str().size() - 4) == "\r\x1b[K");
  {
    Progress p(off, false, 2, 3'000'000);
    p.advance(1);
  }
  CHECK(off.str().empty());
}

TEST_CASE("progress: file counts are grouped in thousands") {
  struct Case {
    size_t files;
    std::string_view shown;
  };
  const Case kCases[] = {
      {999, "999/999 files"}, {1'000, "1,000/1,000 files"}, {123'456, "123,456/123,456 files"},
      {1'234'567, "1,234,567/1,234,567 files"}};
  for (const Case& c : kCases) {
    CAPTURE(c.shown);
    std::ostringstream err;
    Progress p(err, true, c.files, 0);
    for (size_t i = 0; i < c.files; ++i) p.advance(0);  // the last file always draws
    CHECK(err.str().find(c.shown) != std::string::npos);
  }
}

}  // namespace
}  // namespace trawl::indexer
