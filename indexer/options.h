// IndexOptions: everything a trawl-index run can be asked to do. main()
// fills it from the command line; tests fill it directly. Defaults follow
// ripgrep where a ripgrep flag exists.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "filter.h"
#include "formats/format.h"

namespace trawl::indexer {

struct CrawlRules {
  bool hidden = false;              // --hidden: enter hidden files and folders
  bool no_ignore = false;           // --no-ignore: ignore .gitignore/.ignore/.trawlignore
  std::vector<std::string> globs;   // -g/--glob: include (or, with '!', exclude) patterns
  int max_depth = -1;               // --max-depth: -1 = unlimited; 0 = only the roots
  bool follow = false;              // -L/--follow: follow symlinks (each real file once)
  bool follow_outside = false;      // --follow-outside: also to targets outside the roots
  bool one_file_system = false;     // --one-file-system: no folder on another file system
  // -t/--type, -T/--type-not: only files of these formats, none of those
  // (format names, file_types.h; by extension, as ripgrep's types).
  std::vector<std::string> types;
  std::vector<std::string> types_not;
};

enum class EmptyDocs { kSkip, kWarn, kIndex };

struct IndexOptions {
  // Database directory (absolute). main() resolves --db / $TRAWL_DB / ./.trawl.
  std::string db_path;
  // Stemming language; "" keeps the database's (english for a new one).
  std::string language;
  // Files and folders to index, absolute. Default: the current directory.
  std::vector<std::string> roots;
  // Which files the crawl considers.
  CrawlRules crawl;
  // Files larger than this are skipped with a message. Default 64 MiB.
  uint64_t max_filesize = 64ull << 20;
  // The same for JSON Lines and mbox files, which are read a record at a
  // time: no limit unless --max-filesize is given (main() sets both).
  uint64_t max_streamed_filesize = UINT64_MAX;
  // --empty-docs: a file with no text and no title (an empty file, a blank
  // page) is skipped (kSkip, counted in the summary), skipped and named on
  // stderr (kWarn), or indexed all the same (kIndex: its path, name,
  // extension, date and size stay searchable as filters, as in omindex).
  EmptyDocs empty_docs = EmptyDocs::kSkip;
  // --store-text all: keep a copy of every long text in the index. By
  // default (auto) a text that is its file's own bytes (plain UTF-8 text)
  // is not copied: the searcher reads its snippets back from the file,
  // checked against what was indexed (stored_text.h). Copies keep snippets
  // for files that change or go between runs, and for a database searched
  // from another machine (xapian-tcpsrv).
  bool copy_all_text = false;
  // Encoding and JSON field mapping for the extractors.
  ExtractOptions extract;
  // External converters by extension (--filter EXT:COMMAND), and their limits.
  std::vector<FilterSpec> filters;
  FilterLimits filter_limits;
  // Commit after this many documents (a kill loses at most one batch).
  size_t batch_docs = 2000;
  // Also commit after this many bytes of extracted text. Xapian holds about
  // 30 bytes of memory per byte of text until a commit; 0 = --memory / 128
  // (2 MiB by default: an update of 20news then peaks at 170 MB, not 600).
  size_t batch_bytes = 0;
  // --commit-interval: the least time between two commits of an update.
  // Readers fail once two commits pass while they read (Xapian recycles the
  // blocks of older revisions), so batches wait for this. Default 0.5 s.
  std::chrono::milliseconds commit_interval{500};
  // When this run started, in seconds since the epoch (0: the clock's time
  // at the start of run_index; tests set it). Recorded as kMetaRacy: files
  // written in that second or later are compared by content next time.
  int64_t run_start = 0;
  // --rebuild: start from an empty database (built aside, then swapped in).
  bool rebuild = false;
  // --force: re-extract every file, changed or not.
  bool force = false;
  // --checksum: decide what changed by content hash, not mtime.
  bool checksum = false;
  // --track-ctime: a file whose ctime changed is compared by content hash
  // too (omindex -C), even with the same size and mtime.
  bool track_ctime = false;
  // --no-delete: keep the documents of files that disappeared.
  bool no_delete = false;
  // --retry-failed: read again the files whose content failed before and
  // that have not changed since (failures.h); otherwise they are skipped.
  bool retry_failed = false;
  // --dry-run: print what would be added, updated, moved and deleted.
  bool dry_run = false;
  // --synonyms FILE: replaces the database's synonym groups (parsed by main).
  bool set_synonyms = false;
  std::vector<std::vector<std::string>> synonym_groups;
  // -j: worker threads (0 = one per core).
  int jobs = 0;
  // --memory: the memory budget for buffered documents. Default 256 MiB.
  size_t memory = 256u << 20;
  // --wait[=SECS]: wait for another indexer's lock (wait_seconds < 0: forever).
  bool wait = false;
  double wait_seconds = -1;
  // Progress bar on stderr (main() sets it for a terminal).
  bool progress = false;
  // --files: list what would be indexed, write nothing.
  bool list_files = false;
  // --watch: index, then again after each change until stopped (watch.h).
  bool watch = false;
  // --compact: rewrite the index compactly, index nothing (compact.h).
  bool compact = false;
  // --debug: say why each file was skipped.
  bool debug = false;
  // --json: JSON Lines events on stdout instead of messages.
  bool json = false;
  // No summary line; errors are still printed.
  bool quiet = false;
  // --no-messages: no line per failed or skipped file (counted in the summary).
  bool no_messages = false;

  // Sharding (sharded.h). --shards N; shard_count/shard_index are set for
  // each shard's run: its crawl keeps only the files of its shard.
  unsigned shards = 0;
  bool merge = false;  // --merge: compact the shards into one database
  unsigned shard_count = 0;
  unsigned shard_index = 0;
  bool report_summary = true;  // false for a shard's run (the total is reported)
};

}  // namespace trawl::indexer
