// Reporter: what an indexing run tells the user, file by file.
//
// HumanReporter (default): one line per failure on stderr naming the file
// and the cause ("trawl-index: error: 'a.pdf': encrypted PDF ..."); notable
// skips (too large, no text layer) as warnings; with --debug, every skip
// with its reason; the summary line at the end (skips counted by reason).
// JsonReporter (--json): one JSON Lines event per file on stdout --
// {"type":"indexed"|"skipped"|"failed"|"deleted","data":{"path":...,...}} --
// and a final {"type":"summary","data":{...}}.
//
// Paths are shown relative to the current directory. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <ostream>
#include <string>

#include "diag.h"

namespace trawl::indexer {

struct IndexSummary {
  size_t files = 0;       // files that gave at least one document (added + updated)
  size_t added = 0;       // new files indexed
  size_t updated = 0;     // changed files indexed again
  size_t moved = 0;       // renamed files (documents moved, not re-extracted)
  size_t deleted = 0;     // files whose documents were removed
  size_t unchanged = 0;   // files already up to date
  size_t documents = 0;   // documents written
  size_t failed = 0;      // files or records that failed
  std::map<std::string, size_t> skipped;  // reason -> count
  double seconds = 0;
  size_t total_skipped() const;
};

// The one-line summary printed at the end of a run.
std::string format_summary(const IndexSummary& s);

class Reporter {
 public:
  virtual ~Reporter() = default;
  // `action`: "added" or "updated".
  virtual void indexed(const std::string& path, const std::string& action,
                       const std::string& format, const std::string& encoding,
                       size_t documents) = 0;
  virtual void moved(const std::string& from, const std::string& to) = 0;
  // `reason` is a short category ("hidden", "too large"); `detail` may say more.
  virtual void skipped(const std::string& path, const std::string& reason,
                       const std::string& detail) = 0;
  virtual void failed(const std::string& path, const std::string& reason) = 0;
  // Indexed, but the user should know something (e.g. text truncated).
  virtual void warning(const std::string& path, const std::string& message) = 0;
  virtual void deleted(const std::string& path, size_t documents) = 0;
  virtual void summary(const IndexSummary& s) = 0;
};

class HumanReporter : public Reporter {
 public:
  // `debug`: also name every skipped file. `quiet`: no summary line.
  // `no_messages` (--no-messages): name no file that failed or was skipped
  // (the summary still counts them; --debug still names skipped ones).
  HumanReporter(Diag& diag, std::string cwd, bool debug, bool quiet, bool no_messages = false)
      : diag_(diag), cwd_(std::move(cwd)), debug_(debug), quiet_(quiet),
        no_messages_(no_messages) {}
  // --empty-docs warn: name the files skipped as empty too.
  void set_warn_empty(bool on) { warn_empty_ = on; }
  void indexed(const std::string&, const std::string&, const std::string&, const std::string&,
               size_t) override {}
  void moved(const std::string& from, const std::string& to) override;
  void skipped(const std::string& path, const std::string& reason,
               const std::string& detail) override;
  void failed(const std::string& path, const std::string& reason) override;
  void warning(const std::string& path, const std::string& message) override;
  void deleted(const std::string& path, size_t documents) override;
  void summary(const IndexSummary& s) override;

 private:
  Diag& diag_;
  std::string cwd_;
  bool debug_;
  bool quiet_;
  bool no_messages_;
  bool warn_empty_ = false;
};

class JsonReporter : public Reporter {
 public:
  JsonReporter(std::ostream& out, std::string cwd) : out_(out), cwd_(std::move(cwd)) {}
  void indexed(const std::string& path, const std::string& action, const std::string& format,
               const std::string& encoding, size_t documents) override;
  void moved(const std::string& from, const std::string& to) override;
  void skipped(const std::string& path, const std::string& reason,
               const std::string& detail) override;
  void failed(const std::string& path, const std::string& reason) override;
  void warning(const std::string& path, const std::string& message) override;
  void deleted(const std::string& path, size_t documents) override;
  void summary(const IndexSummary& s) override;

 private:
  void write(const std::string& line);
  std::ostream& out_;
  std::string cwd_;
  std::mutex mu_;
};

}  // namespace trawl::indexer
