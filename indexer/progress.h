// Progress: a one-line bar on stderr while files are indexed,
//   [#########.........] 12,345/18,846 files  23.4/35.8 MB  3.2 MB/s  ETA 0:04
// redrawn at most ten times a second and erased at the end. Only used when
// stderr is a terminal and neither --quiet nor --json is given. Not
// thread-safe: called from the writer thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>

namespace trawl::indexer {

class Progress {
 public:
  // Disabled progress writes nothing.
  Progress(std::ostream& err, bool enabled, size_t total_files, uint64_t total_bytes);
  ~Progress();

  void advance(uint64_t bytes);  // one more file done
  void finish();                 // erase the line

 private:
  void draw();

  std::ostream& err_;
  bool enabled_;
  size_t total_files_;
  uint64_t total_bytes_;
  size_t files_ = 0;
  uint64_t bytes_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

}  // namespace trawl::indexer
