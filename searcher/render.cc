#include "render.h"

#include <unistd.h>

#include <cstdio>
#include <unordered_set>

#include "diag.h"
#include "hyperlink.h"
#include "json_writer.h"
#include "paths.h"

namespace trawl::searcher {
namespace {

constexpr const char* kReset = "\x1b[0m";

std::string file_name(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

Renderer::Renderer(const SearchOptions& options, std::ostream& out, std::string cwd)
    : options_(options),
      out_(out),
      cwd_(std::move(cwd)),
      path_(options.palette.path.sgr()),
      line_(options.palette.line.sgr()),
      match_(options.palette.match.sgr()),
      title_(options.palette.title.sgr()),
      dim_(options.palette.dim.sgr()) {
  if (options_.hyperlink.find("{host}") != std::string::npos) {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) == 0) host_ = name;
  }
}

std::string Renderer::linked(const std::string& shown, const std::string& path, size_t line,
                             size_t column) const {
  if (options_.hyperlink.empty()) return shown;
  return osc8(format_hyperlink(options_.hyperlink, LinkTarget{path, line, column, host_}), shown);
}

std::string Renderer::highlighted(const std::string& text, const std::vector<Span>& spans,
                                  const char* base_color) const {
  if (!options_.color) return terminal_safe(text);
  std::string out = base_color ? base_color : "";
  size_t at = 0;
  for (const Span& s : spans) {
    if (s.first < at || s.second > text.size()) continue;
    out += terminal_safe(std::string_view(text).substr(at, s.first - at));
    out += match_;
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
  out_ << (c ? dim_.c_str() : "") << hit.rank << '.' << (c ? kReset : "") << ' '
       << highlighted(title, title_spans, c ? title_.c_str() : nullptr) << '\n';
  out_ << "   " << (c ? path_.c_str() : "")
       << linked(terminal_safe(path), r.path, hit.snippet.line, hit.snippet.column)
       << (c ? kReset : "");
  if (r.id != r.path) out_ << " #" << terminal_safe(r.id);
  out_ << "  " << (c ? dim_.c_str() : "") << '(';
  if (r.part > 0) out_ << "part " << r.part << ", ";  // of a long text (indexer/text_parts.h)
  out_ << "score " << score << ')' << (c ? kReset : "") << '\n';
  text_passages(hit);
  if (hit.text_changed) {
    out_ << "   " << (c ? dim_.c_str() : "") << "(changed since it was indexed)" << (c ? kReset : "")
         << '\n';
  }
  for (const Contribution& e : hit.explain) {
    char w[32];
    std::snprintf(w, sizeof w, "%.2f", e.weight);
    out_ << "   " << (c ? dim_.c_str() : "") << "= " << w << ' ' << terminal_safe(e.term);
    if (!e.matched.empty()) {
      out_ << " [";
      for (size_t i = 0; i < e.matched.size(); ++i) out_ << (i ? " " : "") << terminal_safe(e.matched[i]);
      out_ << ']';
    }
    out_ << (c ? kReset : "") << '\n';
  }
  // The other matching parts of a long text (indexer/text_parts.h): all
  // counted, listed as far as the collapse looked.
  const size_t more = std::max<size_t>(hit.more_parts.size(), hit.parts_matching > 0 ? hit.parts_matching - 1 : 0);
  if (more > 0) {
    out_ << "   " << (c ? dim_.c_str() : "") << "+ " << more << " more part" << (more > 1 ? "s" : "")
         << ':';
    for (uint32_t n : hit.more_parts) out_ << ' ' << n;
    if (more > hit.more_parts.size()) out_ << " …";
    out_ << (c ? kReset : "") << '\n';
  }
  if (!hit.similar.empty()) {
    out_ << "   " << (c ? dim_.c_str() : "") << "+ " << hit.similar.size()
         << " similar:" << (c ? kReset : "");
    for (const Similar& s : hit.similar) {
      out_ << ' ' << linked(terminal_safe(display_path(s.path, cwd_)), s.path, 1, 1);
    }
    out_ << '\n';
  }
  out_ << '\n';
}

void Renderer::text_passages(const Hit& hit) {
  const bool c = options_.color;
  const bool numbered = hit.passages.size() > 1;
  for (size_t i = 0; i < hit.passages.size(); ++i) {
    const Snippet& p = hit.passages[i];
    if (p.first_line > 0) {  // -C: whole lines, numbered as grep does
      if (i > 0) out_ << "   " << (c ? dim_.c_str() : "") << "--" << (c ? kReset : "") << '\n';
      for (const SnippetLine& line : snippet_lines(p)) {
        out_ << "   " << (c ? line_.c_str() : "") << line.number
             << (line.highlights.empty() ? '-' : ':') << (c ? kReset : "")
             << highlighted(std::string(line.text), line.highlights, nullptr) << '\n';
      }
      continue;
    }
    if (p.text.empty()) continue;
    out_ << "   ";
    if (numbered) out_ << (c ? line_.c_str() : "") << p.line << ':' << (c ? kReset : "") << ' ';
    out_ << highlighted(p.text, p.highlights, nullptr) << '\n';
  }
}

void Renderer::vimgrep_hit(const Hit& hit) {
  const std::string path = display_path(hit.record.path, cwd_);
  for (const Snippet& p : hit.passages) {
    if (p.first_line > 0) {  // -C: each line that holds a match
      for (const SnippetLine& line : snippet_lines(p)) {
        if (line.highlights.empty()) continue;
        const size_t column = line.highlights.front().first + 1;
        out_ << linked(terminal_safe(path), hit.record.path, line.number, column) << ':'
             << line.number << ':' << column << ':'
             << highlighted(std::string(line.text), line.highlights, nullptr) << '\n';
      }
      continue;
    }
    out_ << linked(terminal_safe(path), hit.record.path, p.line, p.column) << ':' << p.line << ':'
         << p.column << ':' << highlighted(p.text, p.highlights, nullptr) << '\n';
  }
}

void Renderer::text_facets(const SearchResult& result) {
  for (const auto& [name, values] : result.facets) {
    out_ << name << ':';
    if (values.empty()) out_ << " (none)";
    for (size_t i = 0; i < values.size(); ++i) {
      out_ << (i ? ", " : " ") << terminal_safe(values[i].value) << ' ' << values[i].count;
    }
    out_ << '\n';
  }
}

void Renderer::render(const SearchResult& result, double elapsed_seconds) {
  const std::string batch_prefix = options_.query_id.empty() ? "" : options_.query_id + "\t";
  switch (options_.mode) {
    case OutputMode::kText:
      if (!options_.query_id.empty()) {
        out_ << "## " << terminal_safe(options_.query_id) << ": " << terminal_safe(options_.query)
             << '\n';
      }
      for (const Hit& hit : result.hits) options_.vimgrep ? vimgrep_hit(hit) : text_hit(hit);
      text_facets(result);
      break;
    case OutputMode::kJson:
      for (const Hit& hit : result.hits) json_hit(hit);
      json_summary(result, elapsed_seconds);
      break;
    case OutputMode::kFiles:
    case OutputMode::kFilesWithout: {
      std::unordered_set<std::string> seen;
      for (const Hit& hit : result.hits) {
        if (!seen.insert(hit.record.path).second) continue;
        out_ << batch_prefix << display_path(hit.record.path, cwd_)
             << (options_.null_separated ? '\0' : '\n');
      }
      break;
    }
    case OutputMode::kTrec:
      trec_hits(result);
      break;
    case OutputMode::kCount:
      out_ << batch_prefix;
      if (result.exact || result.matches_lower == result.matches_upper) {
        out_ << result.matches_estimated << '\n';
      } else {  // --estimate: Xapian's bounds
        out_ << result.matches_estimated << " (between " << result.matches_lower << " and "
             << result.matches_upper << ")\n";
      }
      text_facets(result);
      break;
    case OutputMode::kQuiet:
      break;
  }
  out_.flush();
}

void Renderer::trec_hits(const SearchResult& result) {
  const std::string qid = options_.query_id.empty() ? "1" : options_.query_id;
  std::unordered_set<std::string> seen;  // a file's parts share its id: its best part stands
  size_t rank = result.hits.empty() ? 1 : result.hits.front().rank;  // from --offset + 1
  for (const Hit& hit : result.hits) {
    std::string id = hit.record.id.empty() ? hit.record.path : hit.record.id;
    for (char& c : id) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') c = '_';
    }
    if (!seen.insert(id).second) continue;
    char score[32];
    std::snprintf(score, sizeof score, "%.6f", hit.score);
    out_ << qid << " Q0 " << id << ' ' << rank++ << ' ' << score << ' ' << options_.run_tag
         << '\n';
  }
}

}  // namespace trawl::searcher
