#include "progress.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace trawl::indexer {
namespace {

std::string grouped(uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string s;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s.push_back(',');
    s.push_back(digits[i]);
  }
  return s;
}

}  // namespace

Progress::Progress(std::ostream& err, bool enabled, size_t total_files, uint64_t total_bytes)
    : err_(err),
      enabled_(enabled && total_files > 0),
      total_files_(total_files),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() { finish(); }

void Progress::advance(uint64_t bytes) {
  ++files_;
  bytes_ += bytes;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100) && files_ < total_files_) return;
  last_draw_ = now;
  draw();
}

void Progress::draw() {
  const double secs = std::chrono::duration<double>(last_draw_ - start_).count();
  const double done = total_bytes_ ? static_cast<double>(bytes_) / static_cast<double>(total_bytes_)
                                   : static_cast<double>(files_) / static_cast<double>(total_files_);
  const int width = 20;
  const int filled = static_cast<int>(done * width + 0.5);
  const double rate = secs > 0 ? static_cast<double>(bytes_) / secs / 1e6 : 0;
  const double eta = rate > 0 && done < 1 ? (1 - done) * secs / std::max(done, 1e-9) : 0;
  char line[256];
  std::snprintf(line, sizeof line, "\r[%.*s%.*s] %s/%s files  %.1f/%.1f MB  %.1f MB/s  ETA %d:%02d ",
                filled, "####################", width - filled, "....................",
                grouped(files_).c_str(), grouped(total_files_).c_str(), bytes_ / 1e6,
                total_bytes_ / 1e6, rate, static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
  err_ << line << std::flush;
  drawn_ = true;
}

void Progress::finish() {
  if (!drawn_) return;
  err_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace trawl::indexer
