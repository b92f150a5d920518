#include "snippet.h"

#include <algorithm>
#include <map>

#include <xapian.h>

#include "cjk.h"
#include "utf8.h"

namespace trawl {
namespace {

constexpr std::string_view kEllipsis = "…";

struct Hit {
  uint32_t begin;
  uint32_t end;
  std::string key;
  uint32_t group = 0;  // occurrence number of a phrase; its words merge into one span
};

// Whether token `t` is the query term `term`: its folded term, or its
// accented form (a query typed with marks asks for that).
bool is_term(const Token& t, const std::string& term) {
  return t.term == term || (!t.accented.empty() && t.accented == term);
}

// Appends a hit for every occurrence of `phrase` at consecutive positions.
void find_phrase(const std::vector<Token>& tokens, const std::vector<std::string>& phrase,
                 uint32_t* groups, std::vector<Hit>* hits) {
  if (phrase.empty()) return;
  std::string key = "\"";
  for (const std::string& t : phrase) key += t + " ";
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].alias || !is_term(tokens[i], phrase[0])) continue;
    size_t k = i;
    size_t matched = 1;
    for (size_t j = i + 1; j < tokens.size() && matched < phrase.size(); ++j) {
      if (tokens[j].alias) continue;
      if (tokens[j].pos != tokens[k].pos + 1 || !is_term(tokens[j], phrase[matched])) break;
      k = j;
      ++matched;
    }
    if (matched < phrase.size()) continue;
    const uint32_t group = ++*groups;
    for (size_t j = i; j <= k; ++j) {
      if (!tokens[j].alias) hits->push_back(Hit{tokens[j].begin, tokens[j].end, key, group});
    }
  }
}

// Appends a hit for the word(s) holding each pair of characters that is a
// bigram of the query.
void find_bigrams(const std::vector<Token>& tokens, const TermMatcher& m, std::vector<Hit>* hits) {
  std::vector<Token> bigrams;
  add_bigram_tokens(tokens, &bigrams);
  for (Token& b : bigrams) {
    std::string key = m.match(b.term);
    if (!key.empty()) hits->push_back(Hit{b.begin, b.end, std::move(key)});
  }
}

std::vector<Hit> find_hits(const std::vector<Token>& tokens, const TermMatcher& m) {
  std::vector<Hit> hits;
  for (const Token& t : tokens) {
    std::string key = m.match(t);
    if (!key.empty()) hits.push_back(Hit{t.begin, t.end, std::move(key)});
  }
  if (m.has_bigrams()) find_bigrams(tokens, m, &hits);
  uint32_t groups = 0;
  for (const auto& phrase : m.phrases()) find_phrase(tokens, phrase, &groups, &hits);
  std::stable_sort(hits.begin(), hits.end(),
                   [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
  return hits;
}

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

// True if `gap` holds no space and no word character: the apostrophe of
// "Russia's", the periods of "U.S.".
bool only_punctuation(std::string_view gap) {
  for (size_t i = 0; i < gap.size();) {
    char32_t cp;
    size_t n = utf8::decode(gap, i, &cp);
    if (n == 0 || utf8::is_space(gap[i]) || Xapian::Unicode::is_wordchar(cp)) return false;
    i += n;
  }
  return true;
}

std::vector<Span> merge_spans(std::string_view text, const std::vector<Hit>& hits) {
  std::vector<Span> spans;
  uint32_t last_group = 0;
  for (const Hit& h : hits) {
    if (!spans.empty()) {
      Span& last = spans.back();
      bool joined = h.begin <= last.second || (h.group != 0 && h.group == last_group);
      last_group = h.group;
      if (!joined && h.begin - last.second <= 3) {
        joined = only_punctuation(text.substr(last.second, h.begin - last.second));
      }
      if (joined) {
        last.second = std::max(last.second, h.end);
        continue;
      }
    }
    spans.emplace_back(h.begin, h.end);
    last_group = h.group;
  }
  return spans;
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

std::string TermMatcher::match(const Token& token) const {
  if (!token.accented.empty()) {
    std::string key = match(token.accented);
    if (!key.empty()) return key;
  }
  return match(token.term);
}

std::string TermMatcher::match(const std::string& term) const {
  // Text tokens are lower case and never look like a pair ("XC" + pair).
  if (is_bigram_term(term)) return bigrams_.count(term) ? term : std::string();
  if (exact_.count(term)) return term;
  if (!stems_.empty() && should_stem(term)) {
    std::string s = stemmer_(term);
    if (stems_.count(s)) return "Z" + s;
  }
  for (const std::string& w : wildcards_) {
    if (term.compare(0, w.size(), w) == 0) return term;
  }
  return std::string();
}

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

// -C n: the whole lines holding text[begin, end), and n lines before and
// after: [start, stop), stop at the last line's '\n' (or the end).
std::pair<size_t, size_t> line_bounds(std::string_view text, size_t begin, size_t end, size_t n) {
  const auto line_start = [&](size_t at) {
    const size_t nl = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
  };
  size_t start = line_start(begin);
  for (size_t k = 0; k < n && start > 0; ++k) start = line_start(start - 1);
  size_t stop = std::min(text.find('\n', end > begin ? end - 1 : end), text.size());
  for (size_t k = 0; k < n && stop < text.size(); ++k) {
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
  snippet.first_line = static_cast<uint32_t>(1 + std::count(text.begin(), text.begin() + start, '\n'));
  const size_t at = inside.empty() ? start : inside.front().begin;
  snippet.line = snippet.first_line + static_cast<uint32_t>(std::count(text.begin() + start, text.begin() + at, '\n'));
  const size_t line_start = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  snippet.column = static_cast<uint32_t>(at - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1);
  return snippet;
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
      if (std::find(keys.begin(), keys.end(), hits[j].key) == keys.end()) keys.push_back(hits[j].key);
      line.end = std::max<size_t>(line.end, hits[j].end);
    }
    line.score = keys.size() * 100000 + (j - i);
    lines.push_back(line);
    i = j;
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const Line& a, const Line& b) { return a.score > b.score; });
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t k = 0; k < lines.size() && k < count; ++k) out.emplace_back(lines[k].begin, lines[k].end);
  if (out.empty()) out.emplace_back(0, 0);
  return out;
}

// The passages of -C: the windows' lines; a block too long (a text of few
// line breaks) is none: the caller makes ordinary passages.
std::vector<Snippet> line_passages(std::string_view text, const std::vector<Hit>& hits,
                                   const std::vector<std::pair<size_t, size_t>>& windows,
                                   size_t n) {
  std::vector<std::pair<size_t, size_t>> blocks;
  for (auto [begin, end] : windows) {
    blocks.push_back(line_bounds(text, begin, end, n));
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

std::vector<Snippet> make_passages(std::string_view text, const std::vector<Token>& tokens,
                                   const TermMatcher& matcher, const SnippetOptions& options,
                                   size_t count) {
  const size_t max_chars = std::max<size_t>(options.max_chars, 20);
  const std::vector<Hit> hits = find_hits(tokens, matcher);
  if (options.context_lines >= 0) {
    std::vector<Snippet> lines =
        line_passages(text, hits, best_lines(text, hits, std::max<size_t>(count, 1)),
                      static_cast<size_t>(options.context_lines));
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
        line.highlights.emplace_back(std::max<size_t>(h.first, at) - at, std::min<size_t>(h.second, end) - at);
      }
    }
    out.push_back(std::move(line));
    if (end == text.size()) break;
    at = end + 1;
  }
  return out;
}

std::vector<Span> highlight_all(std::string_view text, const std::vector<Token>& tokens,
                                const TermMatcher& matcher) {
  return merge_spans(text, find_hits(tokens, matcher));
}

}  // namespace trawl
