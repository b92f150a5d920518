#include "run_index.h"

#include <chrono>

#include "crawl.h"
#include "document_builder.h"
#include "error.h"
#include "extract_file.h"
#include "index_writer.h"
#include "language.h"
#include "paths.h"
#include "schema.h"

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
    case SkipReason::kDepth: return "max depth";
    case SkipReason::kLoop: return "symlink loop";
    case SkipReason::kOutside: return "outside roots";
    case SkipReason::kSeen: return "already seen";
    case SkipReason::kVanished: return "vanished";
  }
  return "other";
}

schema::DocRecord make_record(const FileRef& ref, const FileExtraction& fx, ExtractedDoc& doc) {
  schema::DocRecord r;
  r.path = ref.path;
  r.id = doc.id.empty() ? ref.path : doc.id;
  r.title = std::move(doc.title);
  r.text = std::move(doc.body);
  r.format = fx.format;
  r.author = std::move(doc.author);
  r.date = std::move(doc.date);
  r.language = std::move(doc.language);
  r.encoding = fx.extraction.encoding;
  r.mtime = ref.mtime;
  r.size = ref.size;
  for (auto& [name, value] : doc.fields) {
    std::string clean = schema::field_name(name);
    if (!clean.empty()) r.fields.emplace_back(std::move(clean), std::move(value));
  }
  return r;
}

void check_roots(const IndexOptions& options, const FileSystem& fs, const std::string& cwd) {
  for (const std::string& root : options.roots) {
    FileInfo info;
    if (Status s = fs.stat(root, &info); !s.ok()) {
      throw Error("path " + quote(display_path(root, cwd)) + ": " + s.message());
    }
  }
}

// Walks every root with the options' rules.
void crawl_all(const IndexOptions& options, const FileSystem& fs, const Crawler::FileFn& on_file,
               const Crawler::SkipFn& on_skip, const Crawler::ErrorFn& on_error) {
  CrawlOptions crawl_options;
  crawl_options.rules = options.crawl;
  crawl_options.exclude.push_back(options.db_path);
  crawl_options.roots = options.roots;
  Crawler crawler(fs, crawl_options);
  for (const std::string& root : options.roots) crawler.crawl(root, on_file, on_skip, on_error);
}

// One run's state: the writer, the builder and the counts.
class Indexer {
 public:
  Indexer(const IndexOptions& options, const FileSystem& fs, Reporter& reporter,
          IndexSummary* summary)
      : options_(options),
        fs_(fs),
        reporter_(reporter),
        summary_(*summary),
        writer_(options.db_path, options.language),
        builder_(make_stemmer(writer_.language())) {}

  void index_file(const FileRef& ref);
  void skip(const std::string& path, const std::string& reason, const std::string& detail = "") {
    ++summary_.skipped[reason];
    reporter_.skipped(path, reason, detail);
  }
  void fail(const std::string& path, const std::string& problem) {
    ++summary_.failed;
    reporter_.failed(path, problem);
  }
  void finish() { writer_.commit(); }

 private:
  void add(const FileRef& ref, const FileExtraction& fx, ExtractedDoc& doc);

  const IndexOptions& options_;
  const FileSystem& fs_;
  Reporter& reporter_;
  IndexSummary& summary_;
  IndexWriter writer_;
  DocumentBuilder builder_;
  size_t pending_docs_ = 0;
  size_t pending_bytes_ = 0;
  std::string bytes_;
};

void Indexer::index_file(const FileRef& ref) {
  if (ref.size > options_.max_filesize) {
    return skip(ref.path, "too large",
                "larger than --max-filesize " + std::to_string(options_.max_filesize) + " bytes");
  }
  if (Status s = fs_.read(ref.path, options_.max_filesize, &bytes_); !s.ok()) {
    if (s.not_found()) return skip(ref.path, "vanished");
    return fail(ref.path, "cannot read: " + s.message());
  }
  FileExtraction fx;
  if (Status s = extract_file(options_, ref.path, bytes_, &fx); !s.ok()) {
    return fail(ref.path, s.message());
  }
  if (!fx.skip_reason.empty()) return skip(ref.path, fx.skip_reason, fx.skip_detail);
  for (const std::string& problem : fx.extraction.problems) fail(ref.path, problem);
  const bool records = fx.format == "jsonl" || fx.format == "json" || fx.format == "mbox";
  if (records) writer_.delete_all(schema::file_term(ref.path));
  size_t added = 0;
  for (ExtractedDoc& doc : fx.extraction.docs) {
    if (doc.title.empty() && doc.body.find_first_not_of(" \n\t") == std::string::npos) continue;
    add(ref, fx, doc);
    ++added;
  }
  if (added == 0) {
    if (fx.extraction.problems.empty()) skip(ref.path, "empty");
    return;
  }
  ++summary_.files;
  reporter_.indexed(ref.path, fx.format, fx.extraction.encoding, added);
}

void Indexer::add(const FileRef& ref, const FileExtraction& fx, ExtractedDoc& doc) {
  const std::string key = ref.path + doc.key_suffix;
  schema::DocRecord record = make_record(ref, fx, doc);
  writer_.add_field_names(record.fields);
  writer_.replace(schema::id_term(key), builder_.build(record, key));
  ++summary_.documents;
  pending_bytes_ += record.text.size();
  if (++pending_docs_ >= options_.batch_docs || pending_bytes_ >= options_.batch_bytes) {
    writer_.commit();
    pending_docs_ = 0;
    pending_bytes_ = 0;
  }
}

}  // namespace

int run_index(const IndexOptions& options, const FileSystem& fs, Reporter& reporter,
              const std::string& cwd, IndexSummary* summary) {
  const auto start = std::chrono::steady_clock::now();
  IndexSummary local;
  if (!summary) summary = &local;
  check_roots(options, fs, cwd);
  Indexer indexer(options, fs, reporter, summary);
  crawl_all(
      options, fs, [&](const FileRef& ref) { indexer.index_file(ref); },
      [&](const std::string& path, SkipReason r) { indexer.skip(path, skip_reason_name(r)); },
      [&](const std::string& path, const Status& s) { indexer.fail(path, s.message()); });
  indexer.finish();
  summary->seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  reporter.summary(*summary);
  return summary->failed > 0 ? kExitSomeFailed : kExitOk;
}

int list_files(const IndexOptions& options, const FileSystem& fs, Reporter& reporter,
               const std::string& cwd, std::ostream& out) {
  check_roots(options, fs, cwd);
  std::string head;
  crawl_all(
      options, fs,
      [&](const FileRef& ref) {
        if (ref.size > options.max_filesize) return reporter.skipped(ref.path, "too large", "");
        bool wanted = known_by_name(options, ref.path);
        if (!wanted && fs.read_head(ref.path, 8192, &head).ok()) {
          wanted = sniff_format(head) != nullptr;
        }
        if (wanted) {
          out << display_path(ref.path, cwd) << '\n';
        } else {
          reporter.skipped(ref.path, "binary", "");
        }
      },
      [&](const std::string& path, SkipReason r) {
        reporter.skipped(path, skip_reason_name(r), "");
      },
      [&](const std::string& path, const Status& s) { reporter.failed(path, s.message()); });
  out.flush();
  return kExitOk;
}

}  // namespace trawl::indexer
