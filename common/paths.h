// Database location and path display rules shared by both programs.
//
// trawl-index writes to --db, else $TRAWL_DB, else ./.trawl.
// trawl-search reads --db, else $TRAWL_DB, else the nearest .trawl/ in the
// current directory or one of its parents (as git finds .git).
// Paths stored in the index are absolute; they are shown relative to the
// current directory when they lie under it, so that they can be opened.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace trawl {

inline constexpr std::string_view kDefaultDbName = ".trawl";
inline constexpr std::string_view kDbEnv = "TRAWL_DB";

// The database trawl-index writes: `flag` if not empty, else `env` if not
// null or empty, else cwd/.trawl. Relative results are made absolute.
std::string index_db_path(std::string_view flag, const char* env, const std::string& cwd);

// The database trawl-search reads, as above but searching cwd and its
// parents for .trawl; `is_dir` tells whether a path is a directory. Returns
// nullopt if no database is named and none is found.
std::optional<std::string> search_db_path(std::string_view flag, const char* env,
                                          const std::string& cwd,
                                          const std::function<bool(const std::string&)>& is_dir);

// `path` relative to `cwd` if it lies under it ("corpus/a.txt"), else as is.
std::string display_path(std::string_view path, std::string_view cwd);

// The process's current directory (throws trawl::Error if unavailable).
std::string current_dir();

// Makes `path` absolute against `cwd` and lexically normal.
std::string absolute_path(const std::string& path, const std::string& cwd);

}  // namespace trawl
