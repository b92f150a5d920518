#include "reporter.h"

#include <cstdio>

#include "json_writer.h"
#include "paths.h"

namespace trawl::indexer {
namespace {

// Skips that a user should hear about even without --debug.
bool notable(const std::string& reason) {
  return reason == "too large" || reason == "no text layer" || reason == "filter output empty";
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
                    " file" + (s.files == 1 ? "" : "s") + " (" + std::to_string(s.added) +
                    " added, " + std::to_string(s.updated) + " updated, " +
                    std::to_string(s.moved) + " moved, " + std::to_string(s.deleted) +
                    " deleted, " + std::to_string(s.unchanged) + " unchanged), skipped " +
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

void HumanReporter::skipped(const std::string& path, const std::string& reason,
                            const std::string& detail) {
  const bool named = notable(reason) || (warn_empty_ && reason == "empty");
  if (!debug_ && (!named || no_messages_)) return;
  std::string why = "skipped: " + reason + (detail.empty() ? "" : " (" + detail + ")");
  if (debug_ && !named) {
    diag_.note(quote(display_path(path, cwd_)) + ": " + why);
  } else {
    diag_.warning(quote(display_path(path, cwd_)), why);
  }
}

void HumanReporter::warning(const std::string& path, const std::string& message) {
  diag_.warning(quote(display_path(path, cwd_)), message);
}

void HumanReporter::failed(const std::string& path, const std::string& reason) {
  if (no_messages_) return;
  diag_.error(quote(display_path(path, cwd_)), reason);
}

void HumanReporter::moved(const std::string& from, const std::string& to) {
  if (debug_) diag_.note(quote(display_path(from, cwd_)) + ": moved to " + quote(display_path(to, cwd_)));
}

void HumanReporter::deleted(const std::string& path, size_t documents) {
  if (debug_) {
    diag_.note(quote(display_path(path, cwd_)) + ": deleted " + std::to_string(documents) +
               " document(s)");
  }
}

void HumanReporter::summary(const IndexSummary& s) {
  if (!quiet_) diag_.note(format_summary(s));
}

void JsonReporter::write(const std::string& line) {
  std::lock_guard<std::mutex> lock(mu_);
  out_ << line << '\n';
  out_.flush();
}

void JsonReporter::indexed(const std::string& path, const std::string& action,
                           const std::string& format, const std::string& encoding,
                           size_t documents) {
  JsonWriter w;
  w.begin_object().key("type").value("indexed").key("data").begin_object();
  w.path("path", display_path(path, cwd_)).key("action").value(action);
  w.key("format").value(format);
  w.key("encoding").value(encoding).key("documents").value(static_cast<uint64_t>(documents));
  write(w.end_object().end_object().str());
}

void JsonReporter::skipped(const std::string& path, const std::string& reason,
                           const std::string& detail) {
  JsonWriter w;
  w.begin_object().key("type").value("skipped").key("data").begin_object();
  w.path("path", display_path(path, cwd_)).key("reason").value(reason);
  if (!detail.empty()) w.key("detail").value(detail);
  write(w.end_object().end_object().str());
}

void JsonReporter::warning(const std::string& path, const std::string& message) {
  JsonWriter w;
  w.begin_object().key("type").value("warning").key("data").begin_object();
  w.path("path", display_path(path, cwd_)).key("message").value(message);
  write(w.end_object().end_object().str());
}

void JsonReporter::failed(const std::string& path, const std::string& reason) {
  JsonWriter w;
  w.begin_object().key("type").value("failed").key("data").begin_object();
  w.path("path", display_path(path, cwd_)).key("reason").value(reason);
  write(w.end_object().end_object().str());
}

void JsonReporter::moved(const std::string& from, const std::string& to) {
  JsonWriter w;
  w.begin_object().key("type").value("moved").key("data").begin_object();
  w.path("from", display_path(from, cwd_)).path("path", display_path(to, cwd_));
  write(w.end_object().end_object().str());
}

void JsonReporter::deleted(const std::string& path, size_t documents) {
  JsonWriter w;
  w.begin_object().key("type").value("deleted").key("data").begin_object();
  w.path("path", display_path(path, cwd_));
  w.key("documents").value(static_cast<uint64_t>(documents));
  write(w.end_object().end_object().str());
}

void JsonReporter::summary(const IndexSummary& s) {
  JsonWriter w;
  w.begin_object().key("type").value("summary").key("data").begin_object();
  w.key("documents").value(static_cast<uint64_t>(s.documents));
  w.key("files").value(static_cast<uint64_t>(s.files));
  w.key("added").value(static_cast<uint64_t>(s.added));
  w.key("updated").value(static_cast<uint64_t>(s.updated));
  w.key("moved").value(static_cast<uint64_t>(s.moved));
  w.key("unchanged").value(static_cast<uint64_t>(s.unchanged));
  w.key("failed").value(static_cast<uint64_t>(s.failed));
  w.key("deleted").value(static_cast<uint64_t>(s.deleted));
  w.key("skipped").begin_object();
  for (const auto& [reason, count] : s.skipped) w.key(reason).value(static_cast<uint64_t>(count));
  w.end_object();
  w.key("seconds").value(s.seconds);
  write(w.end_object().end_object().str());
}

}  // namespace trawl::indexer
