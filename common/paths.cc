#include "paths.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "error.h"

namespace trawl {

std::string absolute_path(const std::string& path, const std::string& cwd) {
  std::filesystem::path p(path);
  if (p.is_relative()) p = std::filesystem::path(cwd) / p;
  std::string s = p.lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

std::string index_db_path(std::string_view flag, const char* env, const std::string& cwd) {
  if (!flag.empty()) return absolute_path(std::string(flag), cwd);
  if (env && *env) return absolute_path(env, cwd);
  return absolute_path(std::string(kDefaultDbName), cwd);
}

std::optional<std::string> search_db_path(
    std::string_view flag, const char* env, const std::string& cwd,
    const std::function<bool(const std::string&)>& is_dir) {
  if (!flag.empty()) return absolute_path(std::string(flag), cwd);
  if (env && *env) return absolute_path(env, cwd);
  std::string dir = cwd;
  while (true) {
    std::string candidate = absolute_path(dir + "/" + std::string(kDefaultDbName), "/");
    if (is_dir(candidate)) return candidate;
    if (dir == "/" || dir.empty()) return std::nullopt;
    size_t slash = dir.rfind('/');
    dir = slash == 0 ? "/" : dir.substr(0, slash);
  }
}

std::string display_path(std::string_view path, std::string_view cwd) {
  if (cwd == "/" && path.size() > 1 && path[0] == '/') return std::string(path.substr(1));
  if (path.size() > cwd.size() + 1 && path.compare(0, cwd.size(), cwd) == 0 &&
      path[cwd.size()] == '/') {
    return std::string(path.substr(cwd.size() + 1));
  }
  return std::string(path);
}

std::string current_dir() {
  std::string buf(4096, '\0');
  while (::getcwd(buf.data(), buf.size()) == nullptr) {
    if (errno != ERANGE) {
      throw Error(std::string("cannot get the current directory: ") + std::strerror(errno));
    }
    buf.resize(buf.size() * 2);
  }
  buf.resize(std::strlen(buf.c_str()));
  return buf;
}

}  // namespace trawl
