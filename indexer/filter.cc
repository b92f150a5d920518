#include "filter.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>

extern char** environ;

namespace trawl::indexer {
namespace {

struct Pipe {
  int fd[2] = {-1, -1};
  ~Pipe() {
    for (int f : fd) {
      if (f >= 0) close(f);
    }
  }
  void close_end(int i) {
    if (fd[i] >= 0) close(fd[i]);
    fd[i] = -1;
  }
};

// Starts the filter with stdout and stderr on the pipes; returns its pid or -1.
pid_t spawn(const std::vector<std::string>& args, Pipe* out, Pipe* err, int* error) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out->fd[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err->fd[1], 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  *error = posix_spawnp(&pid, argv[0], &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  return *error == 0 ? pid : -1;
}

// Reads both pipes until they close, the deadline passes or the output is
// too long. Returns "" or what went wrong.
std::string drain(Pipe* out, Pipe* err, const FilterLimits& limits, std::string* output,
                  std::string* errors) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(limits.timeout_ms);
  char buf[65536];
  while (out->fd[0] >= 0 || err->fd[0] >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return "timed out after " + std::to_string(limits.timeout_ms) + " ms";
    pollfd fds[2] = {{out->fd[0], POLLIN, 0}, {err->fd[0], POLLIN, 0}};
    if (poll(fds, 2, static_cast<int>(left.count())) < 0 && errno != EINTR) {
      return std::strerror(errno);
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        (i == 0 ? out : err)->close_end(0);
        continue;
      }
      if (i == 0) {
        output->append(buf, static_cast<size_t>(n));
        if (output->size() > limits.max_output) {
          return "output larger than " + std::to_string(limits.max_output) + " bytes";
        }
      } else if (errors->size() < 4096) {
        errors->append(buf, static_cast<size_t>(n));
      }
    }
  }
  return std::string();
}

std::string first_line(const std::string& s) {
  size_t start = s.find_first_not_of(" \n\t");
  if (start == std::string::npos) return std::string();
  size_t end = s.find('\n', start);
  return s.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

Status parse_filter(std::string_view spec, FilterSpec* out) {
  size_t colon = spec.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    return Status::Failed("filter '" + std::string(spec) + "' is not EXT:COMMAND");
  }
  out->ext.clear();
  for (char c : spec.substr(0, colon)) {
    if (c != '.') out->ext.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  out->argv.clear();
  std::string_view rest = spec.substr(colon + 1);
  size_t pos = 0;
  while (pos < rest.size()) {
    size_t end = rest.find(' ', pos);
    if (end == std::string_view::npos) end = rest.size();
    if (end > pos) out->argv.emplace_back(rest.substr(pos, end - pos));
    pos = end + 1;
  }
  if (out->argv.empty()) return Status::Failed("filter '" + std::string(spec) + "' has no command");
  return Status::Ok();
}

Status run_filter(const FilterSpec& filter, const std::string& path, const FilterLimits& limits,
                  std::string* output) {
  std::vector<std::string> args = filter.argv;
  bool placed = false;
  for (std::string& a : args) {
    if (a == "%f") a = path, placed = true;
  }
  if (!placed) args.push_back(path);
  Pipe out, err;
  if (pipe2(out.fd, O_CLOEXEC) != 0 || pipe2(err.fd, O_CLOEXEC) != 0) {
    return Status::Failed(std::string("cannot create a pipe: ") + std::strerror(errno));
  }
  int error = 0;
  pid_t pid = spawn(args, &out, &err, &error);
  out.close_end(1);
  err.close_end(1);
  if (pid < 0) {
    return Status::Failed("cannot run filter '" + args[0] + "': " + std::strerror(error));
  }
  output->clear();
  std::string errors;
  std::string problem = drain(&out, &err, limits, output, &errors);
  if (!problem.empty()) kill(-pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  const std::string name = "filter '" + args[0] + "'";
  if (!problem.empty()) return Status::Failed(name + ": " + problem);
  if (WIFSIGNALED(status)) {
    return Status::Failed(name + " killed by signal " + std::to_string(WTERMSIG(status)));
  }
  if (WEXITSTATUS(status) != 0) {
    std::string why = first_line(errors);
    return Status::Failed(name + " exited with status " + std::to_string(WEXITSTATUS(status)) +
                          (why.empty() ? "" : ": " + why));
  }
  return Status::Ok();
}

}  // namespace trawl::indexer
