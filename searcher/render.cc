#include "render.h"

#include <cstdio>
#include <unordered_set>

#include "diag.h"
#include "json_writer.h"
#include "paths.h"

namespace trawl::searcher {
namespace {

constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kMagenta = "\x1b[35m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kMatch = "\x1b[1;31m";

std::string file_name(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

Renderer::Renderer(const SearchOptions& options, std::ostream& out, std::string cwd)
    : options_(options), out_(out), cwd_(std::move(cwd)) {}

std::string Renderer::highlighted(const std::string& text, const std::vector<Span>& spans,
                                  const char* base_color) const {
  if (!options_.color) return terminal_safe(text);
  std::string out = base_color ? base_color : "";
  size_t at = 0;
  for (const Span& s : spans) {
    if (s.first < at || s.second > text.size()) continue;
    out += terminal_safe(std::string_view(text).substr(at, s.first - at));
    out += kMatch;
    out += terminal_safe(std::string_view(text).substr(s.first, s.second - s.first));
    out += kReset;
    if (base_color) out += base_color;
    at = s.second;
  }
  out += terminal_safe(std::string_view(text).substr(at));
  if (base_color) out += kReset;
  return out;
}

void Renderer::text_hit(const Hit& hit) {
  const schema::DocRecord& r = hit.record;
  const std::string path = display_path(r.path, cwd_);
  std::string title = r.title.empty() ? file_name(r.path) : r.title;
  const auto& title_spans = r.title.empty() ? std::vector<Span>() : hit.title_highlights;
  char score[32];
  std::snprintf(score, sizeof score, "%.2f", hit.score);
  const bool c = options_.color;
  out_ << (c ? kDim : "") << hit.rank << '.' << (c ? kReset : "") << ' '
       << highlighted(title, title_spans, c ? kBold : nullptr) << '\n';
  out_ << "   " << (c ? kMagenta : "") << terminal_safe(path) << (c ? kReset : "");
  if (r.id != r.path) out_ << " #" << terminal_safe(r.id);
  out_ << "  " << (c ? kDim : "") << "(score " << score << ')' << (c ? kReset : "") << '\n';
  if (!hit.snippet.text.empty()) {
    out_ << "   " << highlighted(hit.snippet.text, hit.snippet.highlights, nullptr) << '\n';
  }
  out_ << '\n';
}

void Renderer::json_hit(const Hit& hit) {
  const schema::DocRecord& r = hit.record;
  JsonWriter w;
  w.begin_object().key("type").value("hit").key("data").begin_object();
  w.key("rank").value(static_cast<uint64_t>(hit.rank));
  w.key("id").value(r.id);
  w.key("path").value(display_path(r.path, cwd_));
  w.key("title").value(r.title);
  w.key("score").value(hit.score);
  w.key("snippet").value(hit.snippet.text);
  w.key("highlights").begin_array();
  for (const Span& s : hit.snippet.highlights) {
    w.begin_array().value(static_cast<uint64_t>(s.first)).value(static_cast<uint64_t>(s.second)).end_array();
  }
  w.end_array();
  w.key("title_highlights").begin_array();
  for (const Span& s : hit.title_highlights) {
    w.begin_array().value(static_cast<uint64_t>(s.first)).value(static_cast<uint64_t>(s.second)).end_array();
  }
  w.end_array();
  w.key("format").value(r.format);
  w.key("mtime").value(static_cast<int64_t>(r.mtime));
  w.key("size").value(static_cast<uint64_t>(r.size));
  if (!r.author.empty()) w.key("author").value(r.author);
  if (!r.date.empty()) w.key("date").value(r.date);
  if (!r.language.empty()) w.key("lang").value(r.language);
  if (!r.encoding.empty()) w.key("encoding").value(r.encoding);
  if (!r.fields.empty()) {
    w.key("fields").begin_object();
    for (const auto& [name, value] : r.fields) w.key(name).value(value);
    w.end_object();
  }
  w.end_object().end_object();
  out_ << w.str() << '\n';
}

void Renderer::json_summary(const SearchResult& result, double elapsed_seconds) {
  JsonWriter w;
  w.begin_object().key("type").value("summary").key("data").begin_object();
  w.key("query").value(options_.query);
  w.key("parsed_query").value(result.parsed_query);
  w.key("matches").value(static_cast<uint64_t>(result.matches_estimated));
  w.key("matches_lower").value(static_cast<uint64_t>(result.matches_lower));
  w.key("matches_upper").value(static_cast<uint64_t>(result.matches_upper));
  w.key("returned").value(static_cast<uint64_t>(result.hits.size()));
  w.key("elapsed_ms").value(elapsed_seconds * 1000.0);
  if (!result.warning.empty()) w.key("warning").value(result.warning);
  w.end_object().end_object();
  out_ << w.str() << '\n';
}

void Renderer::render(const SearchResult& result, double elapsed_seconds) {
  switch (options_.mode) {
    case OutputMode::kText:
      for (const Hit& hit : result.hits) text_hit(hit);
      break;
    case OutputMode::kJson:
      for (const Hit& hit : result.hits) json_hit(hit);
      json_summary(result, elapsed_seconds);
      break;
    case OutputMode::kFiles: {
      std::unordered_set<std::string> seen;
      for (const Hit& hit : result.hits) {
        if (!seen.insert(hit.record.path).second) continue;
        out_ << display_path(hit.record.path, cwd_) << (options_.null_separated ? '\0' : '\n');
      }
      break;
    }
    case OutputMode::kCount:
      out_ << result.matches_estimated << '\n';
      break;
    case OutputMode::kQuiet:
      break;
  }
  out_.flush();
}

}  // namespace trawl::searcher
