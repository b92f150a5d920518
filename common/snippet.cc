#include "snippet.h"

#include <algorithm>
#include <map>

#include "snippet_hits.h"
#include "utf8.h"

namespace trawl {
namespace {

constexpr std::string_view kEllipsis = "…";

// Code points in text[from, to).
size_t chars_between(std::string_view text, size_t from, size_t to) {
  return utf8::length(text.substr(from, to - from));
}

// Moves `pos` back over up to `chars` characters, stopping early just after a
// sentence end (". ", "! ", "? ", a line break); otherwise returns the start
// of the word at the limit.
size_t passage_start(std::string_view text, size_t pos, size_t chars) {
  size_t p = pos;
  for (size_t n = 0; p > 0 && n < chars; ++n) {
    size_t q = p - 1;
    while (q > 0 && !utf8::is_lead(text[q])) --q;
    if (utf8::is_space(text[q]) && q > 0) {
      char before = text[q - 1];
      if (before == '.' || before == '!' || before == '?' || text[q] == '\n') return p;
    }
    p = q;
  }
  if (p == 0) return 0;
  while (p < pos && !utf8::is_space(text[p])) ++p;  // do not start inside a word
  while (p < pos && utf8::is_space(text[p])) ++p;
  return p;
}

// Moves `pos` forward over up to `chars` characters and back to the end of
// the last whole word.
size_t passage_end(std::string_view text, size_t pos, size_t chars) {
  size_t p = pos;
  for (size_t n = 0; p < text.size() && n < chars; ++n) {
    ++p;
    while (p < text.size() && !utf8::is_lead(text[p])) ++p;
  }
  if (p >= text.size()) return text.size();
  size_t cut = p;
  while (cut > pos && !utf8::is_space(text[cut])) --cut;
  return cut > pos ? cut : p;
}

// Picks hits [first, last] maximising distinct keys, then hit count, within
// `max_chars` characters.
std::pair<size_t, size_t> best_window(std::string_view text,
                                      const std::vector<Hit>& hits,
                                      size_t max_chars) {
  std::vector<size_t> cp(hits.size() * 2);
  size_t count = 0;
  size_t at = 0;
  for (size_t i = 0; i < hits.size(); ++i) {
    count += chars_between(text, at, hits[i].begin);
    cp[2 * i] = count;
    at = hits[i].begin;
    cp[2 * i + 1] = count + chars_between(text, hits[i].begin, hits[i].end);
  }
  std::map<std::string_view, int> keys;
  std::pair<size_t, size_t> best{0, 0};
  size_t best_score = 0;
  size_t j = 0;
  for (size_t i = 0; i < hits.size(); ++i) {
    if (j < i) j = i;
    while (j < hits.size() && cp[2 * j + 1] - cp[2 * i] <= max_chars) {
      ++keys[hits[j].key];
      ++j;
    }
    size_t score = keys.size() * 100000 + (j - i);
    if (j > i && score > best_score) best_score = score, best = {i, j - 1};
    if (j == i) continue;  // a single hit longer than the window
    if (--keys[hits[i].key] == 0) keys.erase(hits[i].key);
  }
  return best;
}

// Copies text[start, end) into snippet->text collapsing white space, and maps
// the spans into it.
void render(std::string_view text, size_t start, size_t end, const std::vector<Span>& spans,
            const SnippetOptions& options, Snippet* snippet) {
  std::string& out = snippet->text;
  if (options.more_before ||
      std::any_of(text.begin(), text.begin() + start, [](char ch) { return !utf8::is_space(ch); })) {
    out += kEllipsis;
  }
  std::vector<uint32_t> map(end - start + 1);
  bool in_space = false;
  const size_t body = out.size();  // after a leading "…"
  for (size_t i = start; i < end; ++i) {
    map[i - start] = static_cast<uint32_t>(out.size());
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (utf8::is_space(text[i]) || c < 0x20 || c == 0x7F) {
      if (!in_space && out.size() > body) out.push_back(' ');
      in_space = true;
      continue;
    }
    in_space = false;
    out.push_back(text[i]);
  }
  map[end - start] = static_cast<uint32_t>(out.size());
  while (!out.empty() && out.back() == ' ') out.pop_back();
  bool more = options.more_after ||
              std::any_of(text.begin() + end, text.end(), [](char ch) { return !utf8::is_space(ch); });
  for (const Span& s : spans) {
    if (s.first < start || s.second > end) continue;
    uint32_t b = map[s.first - start];
    uint32_t e = std::min<uint32_t>(map[s.second - start], out.size());
    while (e > b && out[e - 1] == ' ') --e;
    if (e > b) snippet->highlights.emplace_back(b, e);
  }
  if (more) out += kEllipsis;
}

}  // namespace

namespace {

// The passage [start, stop) around hits [first, last] of `hits`.
std::pair<size_t, size_t> passage_bounds(std::string_view text, const std::vector<Hit>& hits,
                                         size_t first, size_t last, size_t max_chars) {
  size_t begin = hits[first].begin;
  size_t end = hits[first].end;
  for (size_t k = first; k <= last; ++k) end = std::max<size_t>(end, hits[k].end);
  size_t used = chars_between(text, begin, end);
  size_t spare = used < max_chars ? max_chars - used : 0;
  size_t start = passage_start(text, begin, spare / 3);
  used = chars_between(text, start, end);
  size_t stop = used < max_chars ? passage_end(text, end, max_chars - used) : end;
  return {start, stop};
}

Snippet render_passage(std::string_view text, const std::vector<Hit>& hits, size_t start,
                       size_t stop, const SnippetOptions& options) {
  Snippet snippet;
  std::vector<Hit> inside;
  for (const Hit& h : hits) {
    if (h.begin >= start && h.end <= stop) inside.push_back(h);
  }
  render(text, start, stop, merge_spans(text, inside), options, &snippet);
  snippet.start = static_cast<uint32_t>(start);
  // Where grep would point: the first match's line and column.
  const size_t at = inside.empty() ? start : inside.front().begin;
  snippet.line = static_cast<uint32_t>(1 + std::count(text.begin(), text.begin() + at, '\n'));
  const size_t line_start = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  snippet.column = static_cast<uint32_t>(at - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1);
  return snippet;
}

}  // namespace

std::vector<Snippet> make_passages(std::string_view text, const std::vector<Token>& tokens,
                                   const TermMatcher& matcher, const SnippetOptions& options,
                                   size_t count) {
  const size_t max_chars = std::max<size_t>(options.max_chars, 20);
  const std::vector<Hit> hits = find_hits(tokens, matcher);
  if (options.context.on()) {
    std::vector<Snippet> lines =
        line_passages(text, hits, std::max<size_t>(count, 1), options.context);
    if (!lines.empty()) return lines;
  }
  if (hits.empty()) {
    return {render_passage(text, {}, 0, passage_end(text, 0, max_chars), options)};
  }
  std::vector<std::pair<size_t, size_t>> chosen;
  std::vector<Hit> left = hits;
  while (chosen.size() < std::max<size_t>(count, 1) && !left.empty()) {
    auto [first, last] = best_window(text, left, max_chars);
    auto [start, stop] = passage_bounds(text, left, first, last, max_chars);
    chosen.emplace_back(start, stop);
    std::vector<Hit> rest;
    for (const Hit& h : left) {
      if (h.end <= start || h.begin >= stop) rest.push_back(h);
    }
    left.swap(rest);
  }
  std::sort(chosen.begin(), chosen.end());
  std::vector<Snippet> passages;
  size_t previous_stop = 0;
  for (auto [start, stop] : chosen) {
    start = std::max(start, previous_stop);  // context never repeats
    if (start >= stop) continue;
    passages.push_back(render_passage(text, hits, start, stop, options));
    previous_stop = stop;
  }
  return passages;
}

Snippet make_snippet(std::string_view text, const std::vector<Token>& tokens,
                     const TermMatcher& matcher, const SnippetOptions& options) {
  return make_passages(text, tokens, matcher, options, 1).front();
}

std::vector<Span> highlight_all(std::string_view text, const std::vector<Token>& tokens,
                                const TermMatcher& matcher) {
  return merge_spans(text, find_hits(tokens, matcher));
}

}  // namespace trawl
