// DbStore: a trawl database on disk, and the writer's lock on it.
//
//   DIR/XAPIANDB   stub file naming the live generation ("glass db-3");
//                  Xapian opens DIR through it, so searchers need not know
//   DIR/db-3/      the live glass database
//   DIR/lock       flock()ed by the one writer
//   DIR/tmp-PID/   a rebuild in progress (removed by the next writer)
//
// A new database is built in a sibling folder DIR.tmp-PID, whose lock file
// its creator holds from the start (another creator of DIR fails at once;
// creators of other databases in the same folder do not wait), and renamed
// to DIR when complete, and a rebuild becomes live by renaming a new stub over
// XAPIANDB: a kill at any moment leaves either no database, or the previous
// complete one, never a half-made one. Folders are created private (0700)
// and fsync()ed after each change.
//
// Thread-compatible; owns the lock until destroyed.
#pragma once

#include <memory>
#include <string>

namespace trawl::indexer {

struct LockOptions {
  bool wait = false;        // --wait: wait for another writer instead of failing
  double wait_seconds = -1; // with wait: give up after this long (< 0: never)
};

class DbStore {
 public:
  // Opens the database folder `dir`, or prepares to create it. Takes the
  // writer lock: throws trawl::Error with kExitLocked if another writer holds
  // it (after waiting, with LockOptions::wait), and with kExitError if `dir`
  // exists and is not a trawl database.
  static std::unique_ptr<DbStore> open(const std::string& dir, const LockOptions& lock);
  ~DbStore();

  DbStore(const DbStore&) = delete;
  DbStore& operator=(const DbStore&) = delete;

  const std::string& dir() const { return dir_; }
  // The live glass database, or "" if there is none yet.
  const std::string& live() const { return live_; }
  // A fresh, private work folder for a database being built.
  std::string work_dir();
  // Makes the glass database at `db` (inside work_dir()) the live one, and
  // deletes the previous generation. Throws trawl::Error on failure, leaving
  // the previous generation live.
  void publish(const std::string& db);

  // fsync()s folder `path` (makes renames and new files durable).
  static void sync_dir(const std::string& path);
  // fsync()s every file in folder `path`, then the folder.
  static void sync_files(const std::string& path);

 private:
  // `creating_in`: the claimed work folder of a new database, else "".
  DbStore(std::string dir, int lock_fd, std::string creating_in);
  void remove_stale_work();

  std::string dir_;
  std::string live_;
  std::string work_;      // the work folder handed out, if any
  int lock_fd_ = -1;
  bool creating_ = false; // dir_ does not exist yet: work_ is its sibling
  int generation_ = 0;
};

}  // namespace trawl::indexer
