#include "fresh.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <xapian.h>

#include "error.h"
#include "schema.h"

extern char** environ;

namespace trawl::searcher {
namespace {

std::string indexer_program() {
  if (const char* env = std::getenv("TRAWL_INDEX"); env != nullptr && *env != '\0') return env;
  std::string self(4096, '\0');
  const ssize_t n = ::readlink("/proc/self/exe", self.data(), self.size() - 1);
  if (n > 0) {
    self.resize(static_cast<size_t>(n));
    const std::string dir = self.substr(0, self.rfind('/'));
    for (const char* rel : {"/trawl-index", "/../indexer/trawl-index"}) {
      if (::access((dir + rel).c_str(), X_OK) == 0) return dir + rel;
    }
  }
  return "trawl-index";  // found on $PATH by posix_spawnp
}


// Runs `args` and returns its exit status, or -errno if it could not start.
int run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (const int e = ::posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ); e != 0) {
    return -e;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -errno;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

void refresh_index(const std::string& db_path, Diag& diag) {
  const std::string subject = "--fresh: database " + quote(db_path);
  std::vector<std::string> roots;
  try {
    roots = schema::path_lines(
        Xapian::Database(db_path).get_metadata(std::string(schema::kMetaRoots)));
  } catch (const Xapian::Error&) {
    return;  // the search itself reports a database it cannot open
  }
  if (roots.empty()) {
    diag.warning(subject, "records no indexed paths (made by an older trawl-index: run it once)");
    return;
  }
  std::vector<std::string> args = {indexer_program(), "--db", db_path, "--quiet", "--no-messages",
                                   "--"};
  args.insert(args.end(), roots.begin(), roots.end());
  const int code = run(args);
  if (code == kExitOk || code == kExitSomeFailed) return;
  if (code == kExitLocked) {
    diag.warning(subject, "another trawl-index is updating it; searching it as it is");
  } else if (code < 0) {
    diag.warning(subject, "cannot run " + quote(args[0]) + ": " + std::strerror(-code) +
                              "; searching it as it is");
  } else {
    diag.warning(subject, quote(args[0]) + " exited with status " + std::to_string(code) +
                              "; searching it as it is");
  }
}

}  // namespace trawl::searcher
