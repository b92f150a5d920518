#include "watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <map>
#include <system_error>
#include <vector>

#include "diag.h"
#include "error.h"
#include "state.h"

namespace trawl::indexer {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

volatile std::sig_atomic_t g_stop = 0;

void on_stop_signal(int) { g_stop = 1; }

// SIGINT and SIGTERM end the wait (true) or, during a run, the process
// as usual (false).
void catch_stop_signals(bool on) {
  struct sigaction sa {};
  sa.sa_handler = on ? on_stop_signal : SIG_DFL;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

constexpr uint32_t kEvents = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM |
                             IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

// An inotify instance watching the folders under the roots.
class Watcher {
 public:
  Watcher(const WatchOptions& options, Diag& diag) : options_(options), diag_(diag) {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) throw Error(std::string("--watch: inotify unavailable: ") + std::strerror(errno));
  }
  ~Watcher() { ::close(fd_); }
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Watches every folder under the roots not watched yet (inotify ignores
  // repeats). Symlinks are not followed; the database is left out.
  void add_all() {
    for (const std::string& root : options_.roots) {
      std::error_code ec;
      add_tree(fs::is_directory(root, ec) ? fs::path(root) : fs::path(root).parent_path());
    }
    created_.clear();
    rewalk_ = false;
  }

  // Watches the folders that appeared since the last call (created or moved
  // in, with what they hold), or all of them again after lost events or a
  // folder move.
  void add_new() {
    if (rewalk_) return add_all();
    for (const fs::path& dir : created_) add_tree(dir);
    created_.clear();
  }

  // Waits for a change (true) or a stop signal (false).
  bool wait_change() {
    while (!g_stop) {
      if (poll_for(std::chrono::milliseconds(1000)) && drain()) return true;
    }
    return false;
  }

  // After a change: waits until nothing changed for `settle`, or `max_wait`
  // passed since the first change. False if a stop signal came.
  bool settle() {
    const auto deadline = Clock::now() + options_.max_wait;
    while (!g_stop && Clock::now() < deadline) {
      if (!poll_for(options_.settle)) return !g_stop;  // quiet long enough
      drain();
    }
    return !g_stop;
  }

 private:
  void add_tree(const fs::path& dir) {
    std::error_code ec;
    if (under(dir.string(), options_.db_path)) return;
    add(dir);
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
         end;
         !ec && it != end; it.increment(ec)) {
      if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
      if (under(it->path().string(), options_.db_path)) {
        it.disable_recursion_pending();
        continue;
      }
      add(it->path());
    }
  }

  void add(const fs::path& dir) {
    const int wd = inotify_add_watch(fd_, dir.c_str(), kEvents);
    if (wd >= 0) folders_[wd] = dir;
    if (wd >= 0 && dir == fs::path(options_.db_path).parent_path()) db_parent_ = wd;
    if (wd >= 0 || warned_) return;
    if (errno == ENOSPC) {
      warned_ = true;
      diag_.warning(quote(dir.string()),
                    "cannot watch more folders (raise fs.inotify.max_user_watches); "
                    "changes in the rest are indexed with the next change seen");
    }
  }

  // True if an event is ready within `timeout`.
  bool poll_for(std::chrono::milliseconds timeout) {
    pollfd p{fd_, POLLIN, 0};
    const int n = ::poll(&p, 1, static_cast<int>(timeout.count()));
    return n > 0 && (p.revents & POLLIN);
  }

  // Reads the pending events; true if any is about a file or folder. The
  // database's folder is not watched; what a new database makes beside it
  // (NAME.tmp-PID, renamed to NAME) is not a change either.
  bool drain() {
    alignas(inotify_event) char buf[16384];
    const std::string db_name = fs::path(options_.db_path).filename().string();
    bool any = false;
    for (ssize_t n; (n = ::read(fd_, buf, sizeof buf)) > 0;) {
      for (char* p = buf; p < buf + n;) {
        const auto* e = reinterpret_cast<const inotify_event*>(p);
        p += sizeof(inotify_event) + e->len;
        // Lost events, or a folder moved (the paths of its watched
        // subfolders are stale): walk everything again.
        if (e->mask & IN_Q_OVERFLOW) rewalk_ = any = true;
        if ((e->mask & IN_ISDIR) && (e->mask & IN_MOVED_FROM)) rewalk_ = true;
        if (e->mask & IN_IGNORED) {
          folders_.erase(e->wd);
          continue;
        }
        if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO)) && e->len > 0) {
          if (auto it = folders_.find(e->wd); it != folders_.end()) {
            created_.push_back(it->second / e->name);
          }
        }
        if (e->wd == db_parent_ && e->len > 0 &&
            std::string_view(e->name).substr(0, db_name.size()) == db_name) {
          continue;
        }
        any = true;
      }
    }
    return any;
  }

  const WatchOptions& options_;
  Diag& diag_;
  int fd_ = -1;
  int db_parent_ = -1;  // the watch of the database's parent folder, if watched
  bool warned_ = false;
  std::map<int, fs::path> folders_;  // watched folders by watch descriptor
  std::vector<fs::path> created_;    // folders that appeared since add_new()
  bool rewalk_ = false;              // lost events or a moved folder: walk all again
};

}  // namespace

int watch_and_index(const WatchOptions& options, const std::function<int()>& run, Diag& diag) {
  Watcher watcher(options, diag);
  g_stop = 0;
  watcher.add_all();  // before the first run: changes during it are not lost
  const int first = run();
  if (first >= 2) return first;
  catch_stop_signals(true);
  while (watcher.wait_change() && watcher.settle()) {
    catch_stop_signals(false);
    run();  // its errors are reported by `run`; the next change tries again
    catch_stop_signals(true);
    watcher.add_new();
  }
  catch_stop_signals(false);
  return 0;
}

}  // namespace trawl::indexer
