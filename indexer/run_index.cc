#include "run_index.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "crawl.h"
#include "db_store.h"
#include "error.h"
#include "content_hash.h"
#include "extract_file.h"
#include "failures.h"
#include "index_writer.h"
#include "parallel.h"
#include "paths.h"
#include "plan.h"
#include "progress.h"
#include "schema.h"
#include "sharded.h"
#include "shards.h"
#include "trawl_version.h"

namespace trawl::indexer {
namespace {

const char* skip_reason_name(SkipReason r) {
  switch (r) {
    case SkipReason::kHidden: return "hidden";
    case SkipReason::kSymlink: return "symlink";
    case SkipReason::kSpecial: return "not a regular file";
    case SkipReason::kExcluded: return "database";
    case SkipReason::kIgnored: return "ignored";
    case SkipReason::kGlob: return "glob";
    case SkipReason::kType:
      return "type";
    case SkipReason::kDepth: return "max depth";
    case SkipReason::kLoop: return "symlink loop";
    case SkipReason::kOutside: return "outside roots";
    case SkipReason::kSeen: return "already seen";
    case SkipReason::kVanished: return "vanished";
    case SkipReason::kOtherFileSystem: return "other file system";
  }
  return "other";
}

void check_roots(const IndexOptions& options, const FileSystem& fs, const std::string& cwd) {
  for (const std::string& root : options.roots) {
    FileInfo info;
    if (Status s = fs.stat(root, &info); !s.ok()) {
      throw Error("path " + quote(display_path(root, cwd)) + ": " + s.message());
    }
  }
}

struct Crawl {
  std::vector<FileRef> files;
  std::vector<std::string> unreadable;  // their documents are kept
  std::vector<std::pair<std::string, int64_t>> folders;  // walked, with mtimes
};

Crawl crawl_all(const IndexOptions& options, const FileSystem& fs, Reporter& reporter,
                IndexSummary& summary) {
  CrawlOptions crawl_options;
  crawl_options.rules = options.crawl;
  crawl_options.exclude = {options.db_path};
  crawl_options.roots = options.roots;
  Crawler crawler(fs, crawl_options);
  Crawl c;
  // In a sharded run every shard crawls: it keeps its own files, and only
  // shard 0 reports what the crawl skipped or could not read.
  const bool sharded = options.shard_count > 1;
  const bool reports = !sharded || options.shard_index == 0;
  auto mine = [&](const std::string& path) {
    return !sharded || shard_of(path, options.shard_count) == options.shard_index;
  };
  for (const std::string& root : options.roots) {
    crawler.crawl(
        root,
        [&](const FileRef& ref) {
          if (mine(ref.path)) c.files.push_back(ref);
        },
        [&](const std::string& path, SkipReason r) {
          if (!reports) return;
          ++summary.skipped[skip_reason_name(r)];
          reporter.skipped(path, skip_reason_name(r), "");
        },
        [&](const std::string& path, const Status& s) {
          if (mine(path)) c.unreadable.push_back(path);
          if (!reports) return;
          ++summary.failed;
          reporter.failed(path, s.message());
        });
  }
  c.folders = crawler.folders();
  return c;
}

// Records the walked folders' mtimes (replacing those under this run's
// roots) for the searcher's freshness check, the roots, the second from
// which files may be racily clean (state.h), the files whose content
// failed, and the user's synonyms.
void finish_database(Xapian::WritableDatabase& db, const IndexOptions& options, int64_t started,
                     const Crawl& crawl, const Failures& failures) {
  std::string kept;
  std::string old = db.get_metadata(std::string(schema::kMetaDirs));
  for (size_t pos = 0; pos < old.size();) {
    size_t eol = old.find('\n', pos);
    if (eol == std::string::npos) eol = old.size();
    std::string_view line(old.data() + pos, eol - pos);
    pos = eol + 1;
    size_t space = line.find(' ');
    if (space == std::string_view::npos) continue;
    std::string path(line.substr(space + 1));
    if (!under_any(path, options.roots)) kept.append(line).push_back('\n');
  }
  for (const auto& [path, mtime] : crawl.folders) {
    kept += std::to_string(mtime) + " " + path + "\n";
  }
  db.set_metadata(std::string(schema::kMetaDirs), kept);
  db.set_metadata(std::string(schema::kMetaStoreText), options.copy_all_text ? "all" : "auto");
  const std::string roots_key(schema::kMetaRoots), racy_key(schema::kMetaRacy);
  const std::string old_roots = db.get_metadata(roots_key);
  db.set_metadata(racy_key, std::to_string(racy_after_run(db.get_metadata(racy_key), old_roots,
                                                          options.roots, started)));
  db.set_metadata(roots_key, merged_roots(old_roots, options.roots));
  store_failures(db, options.roots, failures);
  if (options.set_synonyms) set_synonyms(db, options.synonym_groups);
}

// A --store-text other than the last run's applies to the files indexed
// from now on: says so, since unchanged files keep how they were stored.
void warn_store_text_change(const Xapian::Database& db, const IndexOptions& options,
                            Reporter& reporter) {
  std::string before = db.get_metadata(std::string(schema::kMetaStoreText));
  if (before.empty()) before = "auto";
  const std::string now = options.copy_all_text ? "all" : "auto";
  if (before == now || options.force || options.dry_run) return;
  reporter.warning(options.db_path, "--store-text " + now + " (was " + before +
                                        "): applies to the files indexed from now on; "
                                        "--force indexes the others again");
}

int default_jobs() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

// Reports one worker result and counts it.
void report(const FileResult& r, Reporter& reporter, IndexSummary& s) {
  for (const std::string& p : r.problems) {
    ++s.failed;
    reporter.failed(r.ref.path, p);
  }
  if (!r.failure.empty()) {
    ++s.failed;
    reporter.failed(r.ref.path, r.failure);
  } else if (r.vanished) {
    ++s.skipped["vanished"];
    reporter.skipped(r.ref.path, "vanished", "");
  } else if (!r.skip_reason.empty()) {
    ++s.skipped[r.skip_reason];
    reporter.skipped(r.ref.path, r.skip_reason, r.skip_detail);
  } else if (r.documents > 0) {
    if (r.truncated) {
      reporter.warning(r.ref.path,
                       "a document held too many distinct words (over --memory / 2560): the rest of its text was not indexed (raise --memory)");
    }
    ++s.files;
    ++(r.update || r.appended ? s.updated : s.added);
    s.documents += r.documents;
    const char* action = r.appended ? "appended" : r.update ? "updated" : "added";
    reporter.indexed(r.ref.path, action, r.format, r.encoding, r.documents);
  }
}

std::vector<Job> jobs_of(const Plan& plan) {
  std::vector<Job> jobs;
  for (const FileRef& f : plan.add) jobs.push_back(Job{f, false, {}});
  for (const FileRef& f : plan.update) jobs.push_back(Job{f, true, {}});
  for (const Append& a : plan.append) jobs.push_back(Job{a.file, false, a.growth});
  return jobs;
}

uint64_t total_bytes(const std::vector<Job>& jobs) {
  uint64_t n = 0;
  for (const Job& j : jobs) n += j.ref.size;
  return n;
}

}  // namespace

namespace {

// Everything a run shares.
struct Run {
  const IndexOptions& options;
  const FileSystem& fs;
  Reporter& reporter;
  IndexSummary& summary;
  DbStore& store;
  std::string language;
  int jobs;
  int64_t started;         // seconds since the epoch (IndexOptions::run_start)
  Failures failures = {};  // to remember: the plan's, then this run's
};

Pipeline make_pipeline(Run& run, Progress& progress, bool track_vocabulary) {
  Pipeline p;
  p.threads = run.jobs;
  // Built documents take ~16 bytes per byte of text, and the writer of an
  // update is one thread that workers outrun: a queue of --memory / 4 of
  // text held 600 MB; --memory / 128 keeps it small at the same speed.
  p.max_queued_bytes = run.options.memory / 128;
  p.make_worker = [&run, track_vocabulary](int) {
    return std::make_unique<Worker>(run.options, run.fs, run.language, track_vocabulary);
  };
  p.sink = [&run, &progress](FileResult&& r) {
    if (r.partial) return;  // counted and reported with the file's last result
    report(r, run.reporter, run.summary);
    if (r.content_failed) {
      const std::string reason = !r.failure.empty() ? r.failure : "no record could be indexed";
      run.failures[r.ref.path] = FailedFile{r.ref.path, r.ref.size, r.ref.mtime, TRAWL_VERSION, reason};
    }
    progress.advance(r.ref.size);
  };
  return p;
}

// No database yet, or --rebuild: shards built in parallel, merged, swapped in.
void build_fresh(Run& run, const Plan& plan, const Crawl& crawl, Progress& progress) {
  const std::vector<Job> jobs = jobs_of(plan);
  const int shards = std::max(1, std::min<int>(run.jobs, static_cast<int>(jobs.size())));
  // Xapian's buffered postings take tens of times the text's size, and
  // small batches were measured to be the fastest too (docs/benchmarks.md):
  // each shard commits every 512 KiB of text, less under a small --memory.
  const size_t flush = std::clamp<size_t>(run.options.memory / 32 / shards, 64u << 10, 512u << 10);
  ShardSet set(run.store.work_dir(), shards, flush);
  std::set<std::string> fields;
  Pipeline p = make_pipeline(run, progress, /*track_vocabulary=*/false);
  p.partition = balanced_partition(jobs, shards);
  p.in_worker = [&set](int index, FileResult& r) { set.add(index, r); };
  auto sink = p.sink;
  p.sink = [&](FileResult&& r) {
    fields.insert(r.field_names.begin(), r.field_names.end());
    sink(std::move(r));
  };
  run_jobs(jobs, p);
  progress.finish();
  const std::string out = run.store.work_dir() + "/db";
  set.merge(out, run.language, fields,
            [&](Xapian::WritableDatabase& db) {
              finish_database(db, run.options, run.started, crawl, run.failures);
            });
  run.store.publish(out);
}

}  // namespace

namespace {

// An existing database: deletions, moves and restamps first, then the new
// and changed files, committed in batches at file boundaries.
void update_live(Run& run, const Plan& plan, const Crawl& crawl, Progress& progress) {
  IndexWriter writer(run.store.live(), run.language, run.options.db_path);
  // Deleting a posting held ~110 bytes until the commit (an mbox of 18,000
  // messages): commit after --memory / 512 of them (56 MB at 256 MiB).
  writer.set_delete_budget(run.options.memory / 512);
  for (const std::string& path : plan.remove) {
    size_t n = writer.remove(path);
    ++run.summary.deleted;
    run.reporter.deleted(path, n);
  }
  for (const Move& m : plan.moves) {
    writer.move(m.from, m.to);
    ++run.summary.moved;
    run.reporter.moved(m.from, m.to.path);
  }
  for (const FileRef& f : plan.restamp) writer.restamp(f);
  writer.commit();
  size_t pending_docs = 0, pending_bytes = 0;
  const size_t batch_bytes =
      run.options.batch_bytes ? run.options.batch_bytes : run.options.memory / 128;
  auto last_commit = std::chrono::steady_clock::now();
  Pipeline p = make_pipeline(run, progress, /*track_vocabulary=*/true);
  auto report_one = p.sink;
  p.sink = [&](FileResult&& r) {
    if (r.vanished && (r.update || r.appended)) {  // gone since the crawl: its documents go too
      writer.remove(r.ref.path);
      ++run.summary.deleted;
    } else if (r.failure.empty()) {
      writer.apply(r);  // a skipped update also drops the file's old documents
    }
    pending_docs += r.docs.size();  // (a file in parts: this part's)
    pending_bytes += r.text_bytes;
    report_one(std::move(r));
    const bool full = pending_docs >= run.options.batch_docs || pending_bytes >= batch_bytes;
    // Readers fail once two commits pass while they read (Xapian recycles
    // the blocks of older revisions): never commit more than twice a second.
    if (full && std::chrono::steady_clock::now() - last_commit >= run.options.commit_interval) {
      writer.commit();
      pending_docs = pending_bytes = 0;
      last_commit = std::chrono::steady_clock::now();
    }
  };
  run_jobs(jobs_of(plan), p);
  progress.finish();
  finish_database(writer.db(), run.options, run.started, crawl, run.failures);
  writer.commit();
}

void print_plan(const Plan& plan, const std::string& cwd, std::ostream& out) {
  for (const FileRef& f : plan.add) out << "add " << display_path(f.path, cwd) << '\n';
  for (const FileRef& f : plan.update) out << "update " << display_path(f.path, cwd) << '\n';
  for (const Append& a : plan.append) {
    out << "append " << display_path(a.file.path, cwd) << " (from byte " << a.growth.from << ")\n";
  }
  for (const Move& m : plan.moves) {
    out << "move " << display_path(m.from, cwd) << " -> " << display_path(m.to.path, cwd) << '\n';
  }
  for (const std::string& p : plan.remove) out << "delete " << display_path(p, cwd) << '\n';
  out << "# " << plan.add.size() << " to add, " << plan.update.size() + plan.append.size()
      << " to update, " << plan.moves.size() << " to move, " << plan.remove.size() << " to delete, "
      << plan.unchanged << " unchanged";
  if (!plan.failed_before.empty()) out << ", " << plan.failed_before.size() << " failed before";
  out << '\n';
  out.flush();
}

// What this run must do (plan.h); says so when an older trawl made some of
// the documents, which are all made again, and when files that failed
// before are skipped.
Plan plan_run(const IndexOptions& options, const FileSystem& fs, const Crawl& crawl,
              const Stamps& stamps, const Failures& failed, int64_t racy, Reporter& reporter,
              IndexSummary& summary) {
  PlanOptions plan_options{options.force,        options.checksum, options.no_delete,
                           options.retry_failed, TRAWL_VERSION,    options.track_ctime,
                           racy};
  Plan plan = make_plan(
      crawl.files, crawl.unreadable, stamps, failed, plan_options,
      [&fs](const std::string& path) {
        std::string hash;
        return hash_file(fs, path, &hash).ok() ? hash : "";
      },
      [&](const FileRef& f, const FileStamp& stamp, Growth* growth) {
        return grown_only(options, fs, f, stamp.size, stamp.hash, growth, stamp.docids.size());
      });
  if (plan.reanalysed > 0) {
    reporter.warning(options.db_path,
                     std::to_string(plan.reanalysed) +
                         " files were indexed by an older trawl: indexing them again");
  }
  for (const FailedFile& f : plan.failed_before) {
    ++summary.skipped["failed before"];
    reporter.skipped(f.path, "failed before", f.reason);
  }
  if (const size_t n = plan.failed_before.size(); n > 0 && !options.dry_run) {
    reporter.warning(options.db_path,
                     std::to_string(n) + (n == 1 ? " file" : " files") +
                         " failed before and did not change since: skipped (--retry-failed "
                         "tries again; --debug names them)");
  }
  return plan;
}

}  // namespace

int run_index(const IndexOptions& options, const FileSystem& fs, Reporter& reporter,
              const std::string& cwd, IndexSummary* summary) {
  const auto start = std::chrono::steady_clock::now();
  IndexSummary local;
  if (!summary) summary = &local;
  check_roots(options, fs, cwd);
  std::unique_ptr<DbStore> store = DbStore::open(options.db_path, {options.wait, options.wait_seconds});
  std::optional<Xapian::Database> live;
  if (!store->live().empty()) live.emplace(store->live());
  Run run{options, fs, reporter, *summary, *store,
          resolve_language(live ? &*live : nullptr, options.language, options.db_path),
          options.jobs > 0 ? options.jobs : default_jobs(),
          options.run_start > 0 ? options.run_start : static_cast<int64_t>(std::time(nullptr))};
  if (options.rebuild && live) run.language = options.language.empty() ? run.language : options.language;
  Crawl crawl = crawl_all(options, fs, reporter, *summary);
  const bool fresh = !live || options.rebuild;
  Stamps stamps = fresh ? Stamps() : load_stamps(*live, options.roots, options.track_ctime);
  Failures failed = fresh ? Failures() : load_failures(*live, options.roots);
  const int64_t racy = fresh ? INT64_MAX : racy_since(*live);
  if (!fresh) warn_store_text_change(*live, options, reporter);
  live.reset();
  Plan plan = plan_run(options, fs, crawl, stamps, failed, racy, reporter, *summary);
  run.failures = plan.failures;
  summary->unchanged = plan.unchanged;
  if (options.dry_run) {
    print_plan(plan, cwd, std::cout);
    return kExitOk;
  }
  std::vector<Job> jobs = jobs_of(plan);
  Progress progress(std::cerr, options.progress, jobs.size(), total_bytes(jobs));
  if (fresh) {
    build_fresh(run, plan, crawl, progress);
  } else {
    update_live(run, plan, crawl, progress);
  }
  summary->seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (options.report_summary) reporter.summary(*summary);
  return summary->failed > 0 ? kExitSomeFailed : kExitOk;
}

int list_files(const IndexOptions& options, const FileSystem& fs, Reporter& reporter,
               const std::string& cwd, std::ostream& out) {
  check_roots(options, fs, cwd);
  IndexSummary ignored;
  Crawl crawl = crawl_all(options, fs, reporter, ignored);
  std::string head;
  for (const FileRef& ref : crawl.files) {
    head.clear();
    bool wanted = known_by_name(options, ref.path);
    if (!wanted && fs.read_head(ref.path, 8192, &head).ok()) wanted = sniff_format(head) != nullptr;
    if (ref.size > size_limit(options, pieces_format(options, ref.path, head))) {
      reporter.skipped(ref.path, "too large", "");
      continue;
    }
    if (wanted) {
      out << display_path(ref.path, cwd) << '\n';
    } else {
      reporter.skipped(ref.path, "binary", "");
    }
  }
  out.flush();
  return kExitOk;
}

}  // namespace trawl::indexer
