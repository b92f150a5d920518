#include "passages.h"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "phrase_positions.h"
#include "schema.h"
#include "stored_text.h"

namespace trawl::searcher {
namespace {

constexpr size_t kMaxWildcardTerms = 64;   // forms of a wildcard looked up per document
constexpr uint32_t kCharsPerPosition = 6;  // a word and its space, roughly
// -s: pieces of a long text read to find where a word is written as typed
// (about 4 KB each), per word and hit shown.
constexpr size_t kMaxCasePieces = 16;

using Window = PassageFinder::Window;

struct PosHit {
  uint32_t pos;
  uint32_t key;  // index of the query word (matcher key): distinct keys, distinct words
};

// Hits [i, j] (sorted by position) within `width` positions holding the most
// distinct keys (of `keys`), then the most hits.
std::pair<size_t, size_t> densest(const std::vector<PosHit>& hits, uint32_t width, size_t keys) {
  std::vector<uint32_t> in_window(keys, 0);
  size_t distinct = 0;
  std::pair<size_t, size_t> best{0, 0};
  size_t best_score = 0;
  size_t j = 0;
  for (size_t i = 0; i < hits.size(); ++i) {
    for (; j < hits.size() && hits[j].pos - hits[i].pos <= width; ++j) {
      distinct += in_window[hits[j].key]++ == 0;
    }
    const size_t score = distinct * 100000 + (j - i);
    if (score > best_score) best_score = score, best = {i, j - 1};
    distinct -= --in_window[hits[i].key] == 0;
  }
  return best;
}

// Up to `count` windows, best first, apart from each other.
std::vector<Window> best_windows(std::vector<PosHit> hits, uint32_t width, size_t count,
                                 size_t keys) {
  std::vector<Window> out;
  while (out.size() < count && !hits.empty()) {
    const auto [i, j] = densest(hits, width, keys);
    const Window w{hits[i].pos, hits[j].pos};
    out.push_back(w);
    std::erase_if(hits, [&](const PosHit& h) {
      return h.pos + width / 2 >= w.first && h.pos <= w.second + width / 2;
    });
  }
  return out;
}

// -A/-B/-C: widens anchors [first, last] so that their text holds the
// whole context lines before the first anchor's line and after the line
// before the next one (the hits lie between), as far as kMaxContextBytes
// either way.
void whole_lines(const schema::DocRecord& r, const LineContext& context, size_t* first,
                 size_t* last) {
  const std::vector<schema::TextAnchor>& a = r.anchors;
  const uint64_t from = a[*first].byte;
  const size_t n = context.lines_before();
  const uint32_t top = a[*first].line > n ? a[*first].line - static_cast<uint32_t>(n) : 1;
  while (*first > 0 && from - a[*first].byte < kMaxContextBytes &&
         !(a[*first].line < top || (a[*first].line == top && a[*first].column == 0))) {
    --*first;
  }
  if (*last + 1 >= a.size()) return;
  const uint64_t to = a[*last + 1].byte;
  const uint32_t bottom = a[*last + 1].line + static_cast<uint32_t>(context.lines_after());
  while (*last + 1 < a.size() && a[*last + 1].line <= bottom &&
         a[*last + 1].byte - to < kMaxContextBytes) {
    ++*last;
  }
}

}  // namespace

PassageFinder::PassageFinder(Xapian::Database db, std::vector<Xapian::Database> parts,
                             const TermMatcher& matcher, const std::vector<std::string>& words,
                             const std::vector<std::string>& wildcards, PassageOptions options)
    : db_(std::move(db)), parts_(std::move(parts)), matcher_(matcher), options_(options) {
  std::vector<std::string> terms = words;
  for (const std::string& prefix : wildcards) {
    size_t n = 0;
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix) && n < kMaxWildcardTerms;
         ++t, ++n) {
      terms.push_back(*t);
    }
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  std::vector<std::string> keys;  // distinct, in order of first use
  for (std::string& t : terms) {
    const std::string key = matcher_.match(t);
    if (key.empty()) continue;
    const auto k = std::find(keys.begin(), keys.end(), key);
    terms_.emplace_back(std::move(t), static_cast<uint32_t>(k - keys.begin()));
    if (k == keys.end()) keys.push_back(key);
  }
  // A phrase's words are not matched alone (TermMatcher::match): its
  // places are found from their positions, under a key of its own.
  for (const std::vector<std::string>& phrase : matcher_.phrases()) {
    const std::string key = TermMatcher::phrase_key(phrase);
    const auto k = std::find(keys.begin(), keys.end(), key);
    phrases_.push_back({phrase, static_cast<uint32_t>(k - keys.begin()), phrase_probes(db_, phrase)});
    if (k == keys.end()) keys.push_back(key);
  }
  key_count_ = keys.size();
}

void PassageFinder::prepare(const std::vector<Hit>& hits) {
  prepared_.clear();
  if (options_.count == 0) return;
  for (const Hit& h : hits) {
    // Short texts are analysed whole: their positions are never read.
    if (!h.record.anchors.empty() || h.record.stored_anchors > 0) prepared_.push_back(h.docid);
  }
  if (prepared_.empty()) return;
  std::sort(prepared_.begin(), prepared_.end());
  prepared_.erase(std::unique(prepared_.begin(), prepared_.end()), prepared_.end());
  present_.clear();
  for (uint32_t t = 0; t < terms_.size(); ++t) {
    Xapian::PostingIterator p = db_.postlist_begin(terms_[t].first);
    for (const Xapian::docid d : prepared_) {
      p.skip_to(d);
      if (p == db_.postlist_end(terms_[t].first)) break;
      if (*p == d) present_.emplace_back(d, t);
    }
  }
  std::sort(present_.begin(), present_.end());
}

void PassageFinder::fill(Hit* hit) {
  const schema::DocRecord& r = hit->record;
  if (options_.count == 0) {  // --no-snippets
    fill_title(hit);
    return;
  }
  // A long text's anchors are read only now, for the hits shown.
  load_anchors(part_of(*hit), &hit->record);
  if (r.anchors.empty()) {
    SnippetOptions so;
    so.max_chars = options_.max_chars;
    so.context = options_.context;
    analyze(r.text);
    hit->passages = make_passages(r.text, tokens_, matcher_, so, std::max<size_t>(options_.count, 1));
    for (Snippet& s : hit->passages) {  // a short last part of a long text starts later
      s.line += r.first_line - 1;
      if (s.first_line > 0) s.first_line += r.first_line - 1;
    }
  } else {
    hit->passages = anchored(*hit, &hit->text_changed);
  }
  // (None when the text's file no longer holds it: text_changed.)
  hit->snippet = hit->passages.empty() ? Snippet() : hit->passages.front();
  fill_title(hit);
}

void PassageFinder::analyze(std::string_view text, uint32_t first_pos) {
  tokens_.clear();
  analyzer_.analyze(text, &tokens_, first_pos);
  if (case_ != nullptr) case_->forms().mask(text, &tokens_);
}

void PassageFinder::fill_title(Hit* hit) {
  analyze(hit->record.title);
  hit->title_highlights = highlight_all(hit->record.title, tokens_, matcher_);
}

std::vector<Window> PassageFinder::windows(const Hit& hit, uint32_t width) {
  const uint32_t end = schema::kBodyPosition + hit.record.body_tokens;
  std::vector<PosHit> hits;
  const bool prepared = std::binary_search(prepared_.begin(), prepared_.end(), hit.docid);
  for (uint32_t t = 0; t < terms_.size(); ++t) {
    if (prepared &&
        !std::binary_search(present_.begin(), present_.end(), std::pair{hit.docid, t})) {
      continue;  // not in this document: no position list to open
    }
    const auto& [term, key] = terms_[t];
    if (case_ != nullptr && case_->forms().asks(term)) {  // -s: where written as typed
      for (const Xapian::termpos p : case_->typed_positions(hit.docid, hit.record, {term}, kMaxCasePieces)) {
        hits.push_back(PosHit{p, key});
      }
      continue;
    }
    for (auto p = db_.positionlist_begin(hit.docid, term); p != db_.positionlist_end(hit.docid, term);
         ++p) {
      if (*p >= schema::kBodyPosition && *p < end) hits.push_back(PosHit{*p, key});
    }
  }
  for (const auto& [words, key, probes] : phrases_) {  // where a phrase is (-s: written as typed)
    const std::vector<Xapian::termpos> starts =
        case_ != nullptr ? case_->typed_positions(hit.docid, hit.record, words, kMaxCasePieces)
                         : phrase_starts(db_, hit.docid, hit.record, words, probes);
    for (const Xapian::termpos p : starts) hits.push_back(PosHit{p, key});
  }
  std::sort(hits.begin(), hits.end(), [](const PosHit& a, const PosHit& b) { return a.pos < b.pos; });
  std::vector<Window> out =
      best_windows(std::move(hits), width, std::max<size_t>(options_.count, 1), key_count_);
  if (out.empty()) out.emplace_back(schema::kBodyPosition, schema::kBodyPosition);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Snippet> PassageFinder::anchored(const Hit& hit, bool* changed) {
  const schema::DocRecord& r = hit.record;
  const uint32_t width = std::max<uint32_t>(4, static_cast<uint32_t>(options_.max_chars) / kCharsPerPosition);
  // The anchors around each window, merged where they overlap: (first, last, windows).
  std::vector<std::tuple<size_t, size_t, size_t>> ranges;
  for (const auto& [a, b] : windows(hit, width)) {
    size_t first = anchor_at(r, a > width ? a - width : 0);
    size_t last = anchor_at(r, b + width);
    if (options_.context.on()) whole_lines(r, options_.context, &first, &last);
    if (!ranges.empty() && first <= std::get<1>(ranges.back())) {
      std::get<1>(ranges.back()) = std::max(std::get<1>(ranges.back()), last);
      ++std::get<2>(ranges.back());
    } else {
      ranges.emplace_back(first, last, 1);
    }
  }
  const Xapian::Database& part = part_of(hit);
  std::vector<Snippet> out;
  for (const auto& [first, last, n] : ranges) {
    const TextPiece piece = read_anchors(part, r, first, last);
    if (piece.unread) {
      *changed = true;
      continue;
    }
    SnippetOptions so;
    so.max_chars = options_.max_chars;
    so.more_before = piece.more_before;
    so.more_after = piece.more_after;
    so.context = options_.context;
    analyze(piece.text, piece.first_pos);
    for (Snippet& s : make_passages(piece.text, tokens_, matcher_, so, n)) {
      if (s.line == 1) s.column += piece.column;  // the piece starts inside a line
      s.line += piece.line - 1;
      if (s.first_line > 0) s.first_line += piece.line - 1;
      s.start += static_cast<uint32_t>(piece.byte);
      out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace trawl::searcher
