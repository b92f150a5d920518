// trawl-index: parses the command line and hands off to run_index().
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli.h"
#include "compact.h"
#include "diag.h"
#include "error.h"
#include "file_system.h"
#include "file_types.h"
#include "formats/encoding.h"
#include "generate.h"
#include "paths.h"
#include "run_index.h"
#include "sharded.h"
#include "synonyms.h"
#include "trawl_version.h"
#include "watch.h"

namespace {

using trawl::indexer::IndexOptions;

constexpr const char* kWaitForever = "forever";

// "--wait" takes its value only with '=' (--wait=30): a bare --wait must not
// swallow the PATH after it, so it is rewritten before parsing.
std::vector<std::string> normalized_args(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::string& a : args) {
    if (a == "--") break;
    if (a == "--wait") a = std::string("--wait=") + kWaitForever;
  }
  std::reverse(args.begin(), args.end());  // CLI11 takes them in reverse
  return args;
}

// "64M", "500K", "2G", "1000" -> bytes; throws trawl::Error when malformed.
uint64_t parse_size(const std::string& flag, const std::string& text) {
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  std::string unit = end ? end : "";
  uint64_t scale = unit.empty() || unit == "B" ? 1
                   : unit == "K" || unit == "k" ? 1ull << 10
                   : unit == "M" || unit == "m" ? 1ull << 20
                   : unit == "G" || unit == "g" ? 1ull << 30
                                                : 0;
  if (end == text.c_str() || scale == 0 || value < 0) {
    throw trawl::Error(flag + " " + trawl::quote(text) + ": not a size (use e.g. 64M, 500K)");
  }
  return static_cast<uint64_t>(value * static_cast<double>(scale));
}

struct Flags {
  std::string db;
  std::vector<std::string> paths;
  std::string max_filesize;
  std::string memory;
  std::string synonyms;
  std::string generate;
  double commit_interval = 0.5;
  std::string wait;
  CLI::Option* wait_option = nullptr;
  std::vector<std::string> filters;
  double filter_timeout = 30;
  std::string progress = "auto";
  std::string empty_docs = "skip";
  std::string store_text = "auto";
  int unrestricted = 0;  // -u given this many times
  std::vector<std::string> types, types_not;
  bool type_list = false;
};

void add_options(CLI::App& app, IndexOptions& o, Flags& f) {
  app.add_option("PATH", f.paths, "Files or folders to index (default: .)");
  app.add_option("--db", f.db, "Database directory (default: $TRAWL_DB, else ./.trawl)");
  app.add_option("--language", o.language,
                 "Stemming language, stored in the database: english (default for a new "
                 "database), french, german, russian, ... or none");
  app.add_flag("--hidden", o.crawl.hidden, "Index hidden files and folders too");
  app.add_flag("--no-ignore", o.crawl.no_ignore, "Do not honour .gitignore, .ignore, .trawlignore");
  app.add_option("-t,--type", f.types,
                 "Index only files of this type (by extension, and Maildir's cur/ and new/ "
                 "files as email: markdown, md, text, html, pdf, "
                 "email, mbox, jsonl, json, rtf, office, epub, archive; repeatable; see "
                 "--type-list)")
      ->allow_extra_args(false);
  app.add_option("-T,--type-not", f.types_not, "Do not index files of this type (repeatable)")
      ->allow_extra_args(false);
  app.add_flag("--type-list", f.type_list, "List the file types and their extensions, then exit");
  app.add_flag("-u,--unrestricted", f.unrestricted,
               "Less filtering, as ripgrep: -u = --no-ignore, -uu = also --hidden");
  app.add_option("-g,--glob", o.crawl.globs,
                 "Include only matching files; '!GLOB' excludes (repeatable, gitignore syntax)")
      ->allow_extra_args(false);
  app.add_option("--max-depth", o.crawl.max_depth, "Descend at most N folders (0: only PATHs)");
  app.add_flag("--one-file-system", o.crawl.one_file_system,
               "Do not enter folders on another file system than their PATH (mounts)");
  app.add_flag("-L,--follow", o.crawl.follow, "Follow symlinks (each real file once)");
  app.add_flag("--follow-outside", o.crawl.follow_outside,
               "With -L, also follow symlinks to targets outside the PATHs");
  app.add_option("--max-filesize", f.max_filesize,
                 "Skip larger files; also what a compressed file or an archive member may "
                 "expand to (default 64M, and no limit for mbox and JSON Lines files, which "
                 "are read a record at a time; K, M, G)");
  app.add_option("--empty-docs", f.empty_docs,
                 "Files with no text: skip (default; counted in the summary), warn (skip and "
                 "name each), or index (findable by path, ext:, date: and size:)")
      ->check(CLI::IsMember({"skip", "warn", "index"}));
  app.add_option("--store-text", f.store_text,
                 "auto (default): the text of a plain text file is not copied into the index; "
                 "snippets are read back from the file, checked, and left out if it changed. "
                 "all: keep a copy of every text (files that change between runs, or a "
                 "database searched from another machine)")
      ->check(CLI::IsMember({"auto", "all"}));
  app.add_option("--encoding", o.extract.encoding,
                 "Read text in this encoding instead of detecting it (e.g. windows-1251)");
  app.add_option("--jsonl-id", o.extract.jsonl_id, "JSON field holding the id (default _id, id)");
  app.add_option("--jsonl-title", o.extract.jsonl_title, "JSON field holding the title (default title)");
  app.add_option("--jsonl-text", o.extract.jsonl_text, "JSON field holding the text (default text)");
  app.add_option("--filter", f.filters,
                 "EXT:COMMAND converts files with extension EXT to text (no shell; the path is "
                 "appended, or replaces %f; repeatable)")
      ->allow_extra_args(false);
  app.add_option("--filter-timeout", f.filter_timeout, "Seconds a filter may run (default 30)")
      ->check(CLI::Range(0.1, 86400.0));
  app.add_flag("--rebuild", o.rebuild, "Start from an empty database (the old one stays until done)");
  app.add_option("--shards", o.shards,
                 "Write N shard databases (files placed by a hash of their path) and a stub "
                 "listing them; later runs keep the count")
      ->check(CLI::Range(1, 256));
  app.add_flag("--merge", o.merge, "Compact the shards of --db into one database");
  app.add_flag("--force", o.force, "Re-extract every file, changed or not");
  app.add_flag("--checksum", o.checksum, "Decide what changed by content hash, not by mtime");
  app.add_flag("--track-ctime", o.track_ctime,
               "Also look at files whose ctime changed (restored or replaced with an old mtime: "
               "tar x, cp -p, rsync -t): their content is compared by hash");
  app.add_flag("--no-delete", o.no_delete, "Keep the documents of files that disappeared");
  app.add_flag("--retry-failed", o.retry_failed,
               "Read again the files whose content failed before, changed or not (by default "
               "they are skipped until they change)");
  app.add_flag("--dry-run", o.dry_run, "Print what would be added, updated, moved, deleted");
  app.add_option("-j,--jobs", o.jobs, "Worker threads (default: one per core)")
      ->check(CLI::Range(1, 256));
  app.add_option("--memory", f.memory,
                 "Memory budget for buffered documents (default 256M); a file of many documents "
                 "is written in parts of 1/256 of it");
  app.add_option("--batch", o.batch_docs,
                 "Commit updates every N documents (default 2000) or --memory/128 of text; a "
                 "kill loses at most one batch")
      ->check(CLI::Range(1, 10000000));
  app.add_option("--commit-interval", f.commit_interval,
                 "Least seconds between two commits of an update (default 0.5), so that searches "
                 "reading meanwhile are not starved")
      ->check(CLI::Range(0.0, 3600.0));
  f.wait_option = app.add_option("--wait", f.wait,
                                 "--wait[=SECS]: wait for another indexer to finish (at most "
                                 "SECS seconds)");
  app.add_option("--synonyms", f.synonyms,
                 "Load synonym groups from FILE (one group a line, entries separated by commas), "
                 "replacing those stored");
  app.add_flag("--compact", o.compact,
               "Rewrite the database compactly (as xapian-compact; searches go on meanwhile), "
               "then exit: worth it after many incremental runs");
  app.add_flag("--watch", o.watch,
               "After indexing, keep watching the PATHs (inotify) and index again after each "
               "change, until interrupted");
  app.add_flag("--files", o.list_files, "List the files that would be indexed; write nothing");
  app.add_flag("--debug", o.debug, "Say why each skipped file was skipped");
  app.add_flag("--json", o.json, "JSON Lines events on stdout: indexed, skipped, failed, summary");
  app.add_flag("-q,--quiet", o.quiet, "No summary line (errors are still printed)");
  app.add_option("--progress", f.progress,
                 "The progress bar on stderr: auto (default: on a terminal, not with --quiet or "
                 "--json), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--no-messages", o.no_messages,
               "Do not name the files that failed or were skipped (the summary and the exit "
               "status still count them)");
  app.add_option("--generate", f.generate,
                 "Print a man page or shell completion: man, complete-bash, complete-zsh, "
                 "complete-fish")
      ->check(CLI::IsMember({"man", "complete-bash", "complete-zsh", "complete-fish"}));
  app.set_version_flag("-V,--version", "trawl-index " TRAWL_VERSION);
}

// Turns the flags into options; throws trawl::Error for a bad value.
void finish_options(const Flags& f, const std::string& cwd, IndexOptions& o) {
  o.db_path = trawl::index_db_path(f.db, std::getenv("TRAWL_DB"), cwd);
  for (const std::string& p : f.paths.empty() ? std::vector<std::string>{"."} : f.paths) {
    o.roots.push_back(trawl::absolute_path(p, cwd));
  }
  if (!f.max_filesize.empty()) {
    o.max_filesize = parse_size("--max-filesize", f.max_filesize);
    o.max_streamed_filesize = o.max_filesize;
  }
  o.crawl.types = trawl::type_formats(f.types, "-t");
  o.crawl.types_not = trawl::type_formats(f.types_not, "-T");
  if (f.unrestricted >= 1) o.crawl.no_ignore = true;
  if (f.unrestricted >= 2) o.crawl.hidden = true;
  o.empty_docs = f.empty_docs == "index"  ? trawl::indexer::EmptyDocs::kIndex
                 : f.empty_docs == "warn" ? trawl::indexer::EmptyDocs::kWarn
                                          : trawl::indexer::EmptyDocs::kSkip;
  o.copy_all_text = f.store_text == "all";
  if (!f.memory.empty()) o.memory = parse_size("--memory", f.memory);
  if (o.memory < (16u << 20)) throw trawl::Error("--memory: at least 16M is needed");
  if (f.wait_option->count() > 0) {
    o.wait = true;
    if (f.wait != kWaitForever) {
      char* end = nullptr;
      o.wait_seconds = std::strtod(f.wait.c_str(), &end);
      if (*end || o.wait_seconds < 0) {
        throw trawl::Error("--wait=" + trawl::quote(f.wait) + ": not a number of seconds");
      }
    }
  }
  if (!o.extract.encoding.empty() && !trawl::indexer::encoding_known(o.extract.encoding)) {
    throw trawl::Error("--encoding " + trawl::quote(o.extract.encoding) + ": unknown encoding");
  }
  for (const std::string& spec : f.filters) {
    trawl::indexer::FilterSpec filter;
    if (trawl::Status s = trawl::indexer::parse_filter(spec, &filter); !s.ok()) {
      throw trawl::Error("--filter: " + s.message());
    }
    o.filters.push_back(std::move(filter));
  }
  o.filter_limits.timeout_ms = static_cast<int>(f.filter_timeout * 1000);
  o.commit_interval = std::chrono::milliseconds(static_cast<int64_t>(f.commit_interval * 1000));
  if (!f.synonyms.empty()) {
    std::ifstream in(f.synonyms);
    if (!in) throw trawl::Error("--synonyms " + trawl::quote(f.synonyms) + ": cannot read");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    o.set_synonyms = true;
    if (trawl::Status s = trawl::indexer::parse_synonyms(text, &o.synonym_groups); !s.ok()) {
      throw trawl::Error("--synonyms " + trawl::quote(f.synonyms) + ": " + s.message());
    }
  }
  o.filter_limits.max_output = o.max_filesize;
  o.extract.max_expanded = o.max_filesize;
  if (o.compact && (o.watch || o.dry_run || o.list_files || o.merge || o.rebuild)) {
    throw trawl::Error(
        "--compact cannot be combined with --watch, --dry-run, --files, --merge or --rebuild");
  }
  if (o.watch && (o.dry_run || o.list_files || o.merge)) {
    throw trawl::Error("--watch cannot be combined with --dry-run, --files or --merge");
  }
}

// --compact, with its one line on stderr.
int compact(const IndexOptions& options, trawl::Diag& diag) {
  const trawl::indexer::CompactResult r = trawl::indexer::compact_database(options);
  if (!options.quiet) {
    char line[160];
    std::snprintf(line, sizeof line, "compacted: %.1f MB -> %.1f MB in %.2f s",
                  r.bytes_before / 1e6, r.bytes_after / 1e6, r.seconds);
    diag.note(trawl::quote(options.db_path) + ": " + line);
  }
  return trawl::kExitOk;
}

// One indexing run: of the shards if there are any, else of the database.
int index_once(const IndexOptions& options, const trawl::indexer::FileSystem& fs,
               trawl::indexer::Reporter& reporter, const std::string& cwd) {
  if (options.shards > 1 || trawl::indexer::existing_shards(options.db_path) > 0) {
    return trawl::indexer::run_sharded(options, fs, reporter, cwd);
  }
  return trawl::indexer::run_index(options, fs, reporter, cwd);
}

// Everything after the command line: one of the actions the options name.
int run(const Flags& flags, IndexOptions& options, trawl::Diag& diag) {
  const std::string cwd = trawl::current_dir();
  finish_options(flags, cwd, options);
  options.progress =
      flags.progress == "always" || (flags.progress == "auto" && !options.quiet && !options.json &&
                                     !options.dry_run && ::isatty(2));
  std::unique_ptr<trawl::indexer::Reporter> reporter;
  if (options.json) {
    reporter = std::make_unique<trawl::indexer::JsonReporter>(std::cout, cwd);
  } else {
    auto human = std::make_unique<trawl::indexer::HumanReporter>(
        diag, cwd, options.debug, options.quiet, options.no_messages);
    human->set_warn_empty(options.empty_docs == trawl::indexer::EmptyDocs::kWarn);
    reporter = std::move(human);
  }
  trawl::indexer::RealFileSystem fs;
  if (options.list_files) return trawl::indexer::list_files(options, fs, *reporter, cwd, std::cout);
  if (options.merge) return trawl::indexer::merge_shards(options, *reporter);
  if (options.compact) return compact(options, diag);
  if (!options.watch) return index_once(options, fs, *reporter, cwd);
  trawl::indexer::WatchOptions watch;
  watch.roots = options.roots;
  watch.db_path = options.db_path;
  return trawl::indexer::watch_and_index(
      watch,
      [&] {
        return trawl::guarded(diag, options.db_path,
                              [&] { return index_once(options, fs, *reporter, cwd); });
      },
      diag);
}

}  // namespace

int main(int argc, char** argv) {
  IndexOptions options;
  Flags flags;
  CLI::App app{
      "trawl-index: index a folder of documents for trawl-search.\n"
      "Indexes text, Markdown, HTML, PDF, e-mail (.eml, mbox), JSON Lines and\n"
      "JSON, and source files under each PATH (default: the current directory)\n"
      "into a Xapian database. Exit status: 0 all indexed, 1 indexed but some\n"
      "files failed, 2 error, 3 database locked by another indexer.",
      "trawl-index"};
  add_options(app, options, flags);
  trawl::Diag diag("trawl-index", std::cerr);
  if (int code = trawl::parse_command_line(app, normalized_args(argc, argv), diag);
      code != trawl::kContinue) {
    return code;
  }
  // A file-size limit (ulimit -f) must give a write error, not a kill.
  std::signal(SIGXFSZ, SIG_IGN);
  if (!flags.generate.empty()) {
    trawl::generate(app, "trawl-index", flags.generate, std::cout);
    return trawl::kExitOk;
  }
  if (flags.type_list) {
    std::cout << trawl::type_list();
    return trawl::kExitOk;
  }
  return trawl::guarded(diag, options.db_path, [&] { return run(flags, options, diag); });
}
