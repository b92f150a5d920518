#include <algorithm>

#include "snippet_hits.h"

namespace trawl {
namespace {

// The whole lines holding text[begin, end), with `before` lines before and
// `after` lines after: [start, stop), stop at the last line's '\n' (or the
// end).
std::pair<size_t, size_t> line_bounds(std::string_view text, size_t begin, size_t end,
                                      size_t before, size_t after) {
  const auto line_start = [&](size_t at) {
    const size_t nl = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
  };
  size_t start = line_start(begin);
  for (size_t k = 0; k < before && start > 0; ++k) start = line_start(start - 1);
  size_t stop = std::min(text.find('\n', end > begin ? end - 1 : end), text.size());
  for (size_t k = 0; k < after && stop < text.size(); ++k) {
    stop = std::min(text.find('\n', stop + 1), text.size());
  }
  if (stop == text.size() && stop > start && text[stop - 1] == '\n') --stop;  // no empty last line
  return {start, stop};
}

// The passage [start, stop) of whole lines, kept as written.
Snippet render_lines(std::string_view text, const std::vector<Hit>& hits, size_t start,
                     size_t stop) {
  Snippet snippet;
  snippet.text = std::string(text.substr(start, stop - start));
  std::vector<Hit> inside;
  for (const Hit& h : hits) {
    if (h.begin >= start && h.end <= stop) inside.push_back(h);
  }
  for (const Span& s : merge_spans(text, inside)) {
    snippet.highlights.emplace_back(s.first - start, s.second - start);
  }
  snippet.start = static_cast<uint32_t>(start);
  snippet.first_line =
      static_cast<uint32_t>(1 + std::count(text.begin(), text.begin() + start, '\n'));
  const size_t at = inside.empty() ? start : inside.front().begin;
  snippet.line = snippet.first_line +
                 static_cast<uint32_t>(std::count(text.begin() + start, text.begin() + at, '\n'));
  const size_t line_start = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  snippet.column =
      static_cast<uint32_t>(at - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1);
  return snippet;
}

// -C: the `count` lines holding the most distinct matched words (then the
// most matches), as [begin, end) of their first and last hit; the start of
// the text if nothing matched.
std::vector<std::pair<size_t, size_t>> best_lines(std::string_view text,
                                                  const std::vector<Hit>& hits, size_t count) {
  struct Line {
    size_t score = 0, begin = 0, end = 0;
  };
  std::vector<Line> lines;
  for (size_t i = 0; i < hits.size();) {
    const size_t eol = std::min(text.find('\n', hits[i].begin), text.size());
    std::vector<std::string_view> keys;
    Line line{0, hits[i].begin, hits[i].end};
    size_t j = i;
    for (; j < hits.size() && hits[j].begin < eol; ++j) {
      if (std::find(keys.begin(), keys.end(), hits[j].key) == keys.end())
        keys.push_back(hits[j].key);
      line.end = std::max<size_t>(line.end, hits[j].end);
    }
    line.score = keys.size() * 100000 + (j - i);
    lines.push_back(line);
    i = j;
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const Line& a, const Line& b) { return a.score > b.score; });
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t k = 0; k < lines.size() && k < count; ++k)
    out.emplace_back(lines[k].begin, lines[k].end);
  if (out.empty()) out.emplace_back(0, 0);
  return out;
}

}  // namespace

std::vector<Snippet> line_passages(std::string_view text, const std::vector<Hit>& hits,
                                   size_t count, const LineContext& context) {
  std::vector<std::pair<size_t, size_t>> blocks;
  for (auto [begin, end] : best_lines(text, hits, count)) {
    blocks.push_back(line_bounds(text, begin, end, context.lines_before(), context.lines_after()));
    if (blocks.back().second - blocks.back().first > kMaxContextBytes) return {};
  }
  std::sort(blocks.begin(), blocks.end());
  std::vector<std::pair<size_t, size_t>> merged;  // overlapping or adjacent blocks join, as in grep
  for (const auto& b : blocks) {
    if (!merged.empty() && b.first <= merged.back().second + 1) {
      merged.back().second = std::max(merged.back().second, b.second);
    } else {
      merged.push_back(b);
    }
  }
  std::vector<Snippet> out;
  for (const auto& [start, stop] : merged) out.push_back(render_lines(text, hits, start, stop));
  return out;
}

std::vector<SnippetLine> snippet_lines(const Snippet& s) {
  std::vector<SnippetLine> out;
  if (s.first_line == 0) return out;
  const std::string_view text = s.text;
  size_t at = 0;
  for (uint32_t number = s.first_line;; ++number) {
    const size_t end = std::min(text.find('\n', at), text.size());
    SnippetLine line{number, text.substr(at, end - at), {}};
    for (const Span& h : s.highlights) {  // a phrase may span lines: each gets its part
      if (h.second > at && h.first < end) {
        line.highlights.emplace_back(std::max<size_t>(h.first, at) - at,
                                     std::min<size_t>(h.second, end) - at);
      }
    }
    out.push_back(std::move(line));
    if (end == text.size()) break;
    at = end + 1;
  }
  return out;
}

}  // namespace trawl
