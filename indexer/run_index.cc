#include "run_index.h"

#include <chrono>
#include <cstdio>

#include "crawl.h"
#include "document_builder.h"
#include "error.h"
#include "formats/format.h"
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
  }
  return "other";
}

// One run's state: the writer, the builder and the counts.
class Indexer {
 public:
  Indexer(const IndexOptions& options, const FileSystem& fs, Diag& diag,
          const std::string& cwd, IndexSummary* summary)
      : options_(options),
        fs_(fs),
        diag_(diag),
        cwd_(cwd),
        summary_(*summary),
        writer_(options.db_path, options.language),
        builder_(make_stemmer(writer_.language())) {}

  void index_file(const FileRef& ref);
  void skip(const std::string& reason) { ++summary_.skipped[reason]; }
  void fail(const std::string& path, const std::string& problem) {
    ++summary_.failed;
    diag_.error(quote(display_path(path, cwd_)), problem);
  }
  void finish() { writer_.commit(); }

 private:
  void add(const FileRef& ref, const Format& format, ExtractedDoc& doc);

  const IndexOptions& options_;
  const FileSystem& fs_;
  Diag& diag_;
  const std::string& cwd_;
  IndexSummary& summary_;
  IndexWriter writer_;
  DocumentBuilder builder_;
  size_t pending_docs_ = 0;
  size_t pending_bytes_ = 0;
  std::string bytes_;
};

void Indexer::index_file(const FileRef& ref) {
  const Format* format = find_format(ref.path);
  if (!format) return skip("unsupported type");
  if (ref.size > options_.max_filesize) {
    diag_.warning(quote(display_path(ref.path, cwd_)),
                  "skipped: larger than the maximum file size (" +
                      std::to_string(options_.max_filesize) + " bytes)");
    return skip("too large");
  }
  if (Status s = fs_.read(ref.path, options_.max_filesize, &bytes_); !s.ok()) {
    return fail(ref.path, "cannot read: " + s.message());
  }
  Extraction ex;
  if (Status s = format->extract(bytes_, options_.extract, &ex); !s.ok()) {
    return fail(ref.path, s.message());
  }
  for (const std::string& problem : ex.problems) fail(ref.path, problem);
  if (ex.docs.empty() && ex.problems.empty()) return skip("empty");
  if (format->records) writer_.delete_all(schema::file_term(ref.path));
  size_t added = 0;
  for (ExtractedDoc& doc : ex.docs) {
    if (doc.title.empty() && doc.body.find_first_not_of(" \n\t") == std::string::npos) {
      continue;
    }
    add(ref, *format, doc);
    ++added;
  }
  if (added == 0 && ex.problems.empty()) return skip("empty");
  if (added > 0) ++summary_.files;
}

void Indexer::add(const FileRef& ref, const Format& format, ExtractedDoc& doc) {
  schema::DocRecord record;
  record.path = ref.path;
  record.id = doc.id.empty() ? ref.path : doc.id;
  record.title = std::move(doc.title);
  record.text = std::move(doc.body);
  record.format = std::string(format.name);
  record.mtime = ref.mtime;
  record.size = ref.size;
  writer_.replace(schema::id_term(ref.path + doc.key_suffix),
                  builder_.build(record, ref.path + doc.key_suffix));
  ++summary_.documents;
  pending_bytes_ += record.text.size();
  if (++pending_docs_ >= options_.batch_docs || pending_bytes_ >= options_.batch_bytes) {
    writer_.commit();
    pending_docs_ = 0;
    pending_bytes_ = 0;
  }
}

}  // namespace

size_t IndexSummary::total_skipped() const {
  size_t n = 0;
  for (const auto& [reason, count] : skipped) n += count;
  return n;
}

std::string format_summary(const IndexSummary& s) {
  std::string out = "indexed " + std::to_string(s.documents) + " document" +
                    (s.documents == 1 ? "" : "s") + " from " + std::to_string(s.files) +
                    " file" + (s.files == 1 ? "" : "s") + ", skipped " +
                    std::to_string(s.total_skipped());
  if (!s.skipped.empty()) {
    out += " (";
    bool first = true;
    for (const auto& [reason, count] : s.skipped) {
      out += (first ? "" : ", ") + std::to_string(count) + " " + reason;
      first = false;
    }
    out += ")";
  }
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.2f", s.seconds);
  out += ", failed " + std::to_string(s.failed) + ", in " + secs + " s";
  return out;
}

int run_index(const IndexOptions& options, const FileSystem& fs, Diag& diag,
              const std::string& cwd, IndexSummary* summary) {
  const auto start = std::chrono::steady_clock::now();
  IndexSummary local;
  if (!summary) summary = &local;
  for (const std::string& root : options.roots) {
    FileInfo info;
    if (Status s = fs.stat(root, &info); !s.ok()) {
      throw Error("path " + quote(display_path(root, cwd)) + ": " + s.message());
    }
  }
  Indexer indexer(options, fs, diag, cwd, summary);
  CrawlOptions crawl_options;
  crawl_options.exclude.push_back(options.db_path);
  Crawler crawler(fs, crawl_options);
  for (const std::string& root : options.roots) {
    crawler.crawl(
        root, [&](const FileRef& ref) { indexer.index_file(ref); },
        [&](const std::string&, SkipReason r) { indexer.skip(skip_reason_name(r)); },
        [&](const std::string& path, const Status& s) { indexer.fail(path, s.message()); });
  }
  indexer.finish();
  summary->seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!options.quiet) diag.note(format_summary(*summary));
  return summary->failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace trawl::indexer
