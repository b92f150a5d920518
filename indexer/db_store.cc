#include "db_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "diag.h"
#include "error.h"

namespace trawl::indexer {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStub = "XAPIANDB";

std::string errno_text() { return std::strerror(errno); }

// The generation named by the stub ("glass db-3" -> 3), or 0.
int read_generation(const std::string& dir) {
  std::ifstream in(dir + "/" + kStub);
  std::string type, name;
  if (!(in >> type >> name) || type != "glass" || name.rfind("db-", 0) != 0) return 0;
  return std::atoi(name.c_str() + 3);
}

void make_private_dir(const std::string& path) {
  if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) {
    throw Error("database " + quote(path) + ": cannot create: " + errno_text());
  }
}

// Takes the lock on `path`, waiting as asked. Returns the open descriptor.
int take_lock(const std::string& db, const std::string& path, const LockOptions& options) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EISDIR) fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw Error("database " + quote(db) + ": cannot open lock: " + errno_text());
  const auto start = std::chrono::steady_clock::now();
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      ::close(fd);
      throw Error("database " + quote(db) + ": cannot lock: " + errno_text());
    }
    double waited =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!options.wait || (options.wait_seconds >= 0 && waited >= options.wait_seconds)) {
      ::close(fd);
      throw Error("database " + quote(db) + ": locked by another trawl-index" +
                      (options.wait ? " (gave up waiting)" : " (use --wait to wait for it)"),
                  kExitLocked);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return fd;
}

// True if another open file description holds the flock on `path`.
bool held(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return false;
  const bool busy = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);
  return busy;
}

// Removes the work folders DIR.tmp-* beside `dir` whose creator is gone
// (their lock is free). Returns false if one's creator still runs.
bool remove_dead_siblings(const std::string& dir) {
  std::error_code ec;
  const std::string prefix = fs::path(dir).filename().string() + ".tmp-";
  bool none_live = true;
  for (const auto& e : fs::directory_iterator(fs::path(dir).parent_path(), ec)) {
    if (e.path().filename().string().rfind(prefix, 0) != 0) continue;
    if (held((e.path() / "lock").string())) {
      none_live = false;
    } else {
      fs::remove_all(e.path(), ec);
    }
  }
  return none_live;
}

// Claims the creation of `dir`, which does not exist yet: under a brief lock
// on the parent folder (so that two claims never interleave), gives up if
// another creator of `dir` still runs, removes dead ones' work folders, and
// makes this run's `work` folder with `work`/lock locked. Renamed to `dir`
// when complete, that lock becomes the database's. Returns the lock's
// descriptor; kBusy if `dir` is being created by another run, kAppeared if
// another run has just created it. Creating databases of other names in the
// same folder never conflicts.
constexpr int kBusy = -1, kAppeared = -2;
int claim_new(const std::string& dir, const std::string& work) {
  const std::string parent = fs::path(dir).parent_path().string();
  std::error_code ec;
  if (!fs::is_directory(parent, ec)) {
    throw Error("database " + quote(dir) + ": folder " + quote(parent) + " does not exist");
  }
  const int parent_fd = take_lock(dir, parent, LockOptions{true, 10.0});
  struct Unlock {
    int fd;
    ~Unlock() { ::close(fd); }
  } unlock{parent_fd};
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) return kAppeared;
  if (!remove_dead_siblings(dir)) return kBusy;
  make_private_dir(work);
  const int fd = ::open((work + "/lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (fd >= 0) ::close(fd);
    throw Error("database " + quote(dir) + ": cannot lock " + quote(work) + ": " + errno_text());
  }
  return fd;
}

}  // namespace

void DbStore::sync_dir(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void DbStore::sync_files(const std::string& path) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(path, ec)) {
    int fd = ::open(e.path().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) ::fsync(fd), ::close(fd);
  }
  sync_dir(path);
}

std::unique_ptr<DbStore> DbStore::open(const std::string& dir, const LockOptions& lock) {
  const auto start = std::chrono::steady_clock::now();
  while (true) {
    std::error_code ec;
    const bool exists = fs::exists(dir, ec);
    if (exists && !fs::is_directory(dir, ec)) {
      throw Error("database " + quote(dir) + ": exists and is not a directory");
    }
    if (exists && !fs::is_empty(dir, ec)) {
      if (!fs::exists(fs::path(dir) / kStub, ec)) {
        const bool flat = fs::exists(fs::path(dir) / "iamglass", ec);
        throw Error("database " + quote(dir) +
                    (flat ? ": made by trawl 0.1 (a plain Xapian folder); remove it and index again"
                          : ": the directory exists and is not a trawl database (refusing to "
                            "write into it)"));
      }
      int fd = take_lock(dir, dir + "/lock", lock);
      return std::unique_ptr<DbStore>(new DbStore(dir, fd, ""));
    }
    // Nothing there yet: the database is built beside it and renamed into
    // place.
    const std::string work = dir + ".tmp-" + std::to_string(::getpid());
    const int fd = claim_new(dir, work);
    if (fd >= 0) return std::unique_ptr<DbStore>(new DbStore(dir, fd, work));
    if (fd == kAppeared) continue;
    const double waited =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!lock.wait || (lock.wait_seconds >= 0 && waited >= lock.wait_seconds)) {
      throw Error("database " + quote(dir) + ": locked by another trawl-index" +
                      (lock.wait ? " (gave up waiting)" : " (use --wait to wait for it)"),
                  kExitLocked);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

DbStore::DbStore(std::string dir, int lock_fd, std::string creating_in)
    : dir_(std::move(dir)), lock_fd_(lock_fd), creating_(!creating_in.empty()) {
  work_ = std::move(creating_in);
  if (!creating_) {
    remove_stale_work();
    generation_ = read_generation(dir_);
    if (generation_ > 0) live_ = dir_ + "/db-" + std::to_string(generation_);
  }
}

DbStore::~DbStore() {
  std::error_code ec;
  if (!work_.empty()) fs::remove_all(work_, ec);
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

// Work folders of earlier runs: siblings DIR.tmp-PID left by creations
// that died (their lock is free), and DIR/tmp-PID of rebuilds (we hold the
// database's lock).
void DbStore::remove_stale_work() {
  std::error_code ec;
  remove_dead_siblings(dir_);
  for (const auto& e : fs::directory_iterator(dir_, ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind("tmp-", 0) == 0) fs::remove_all(e.path(), ec);
  }
}

std::string DbStore::work_dir() {
  if (!work_.empty()) return work_;  // creating: made when the name was claimed
  work_ = dir_ + "/tmp-" + std::to_string(::getpid());
  make_private_dir(work_);
  return work_;
}

void DbStore::publish(const std::string& db) {
  const int next = generation_ + 1;
  const std::string home = creating_ ? work_ : dir_;
  const std::string name = "db-" + std::to_string(next);
  std::error_code ec;
  fs::rename(db, fs::path(home) / name, ec);
  if (ec) throw Error("database " + quote(dir_) + ": cannot move the new index: " + ec.message());
  const std::string stub_tmp = home + "/" + kStub + ".new";
  {
    std::ofstream out(stub_tmp, std::ios::trunc);
    out << "glass " << name << "\n";
    out.flush();
    if (!out) throw Error("database " + quote(dir_) + ": cannot write " + stub_tmp);
  }
  int fd = ::open(stub_tmp.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) ::fsync(fd), ::close(fd);
  if (::rename(stub_tmp.c_str(), (home + "/" + kStub).c_str()) != 0) {
    throw Error("database " + quote(dir_) + ": cannot switch to the new index: " + errno_text());
  }
  sync_dir(home);
  if (creating_) {
    // The whole folder appears at once.
    if (::rename(work_.c_str(), dir_.c_str()) != 0) {
      throw Error("database " + quote(dir_) +
                      ": created by another trawl-index while this one ran (" + errno_text() + ")",
                  kExitLocked);
    }
    sync_dir(fs::path(dir_).parent_path().string());
    work_.clear();
    creating_ = false;  // the lock held since the claim is now DIR/lock
  } else if (!live_.empty()) {
    fs::remove_all(live_, ec);  // readers that have it open keep reading it
  }
  generation_ = next;
  live_ = dir_ + "/" + name;
}

}  // namespace trawl::indexer
