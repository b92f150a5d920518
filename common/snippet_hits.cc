#include "snippet_hits.h"

#include <xapian.h>

#include <algorithm>

#include "cjk.h"
#include "utf8.h"

namespace trawl {
namespace {

// Appends a hit for every occurrence of `phrase` at consecutive positions.
void find_phrase(const std::vector<Token>& tokens, const std::vector<std::string>& phrase,
                 uint32_t* groups, std::vector<Hit>* hits) {
  if (phrase.empty()) return;
  const std::string key = TermMatcher::phrase_key(phrase);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].alias || !tokens[i].is(phrase[0])) continue;
    size_t k = i;
    size_t matched = 1;
    for (size_t j = i + 1; j < tokens.size() && matched < phrase.size(); ++j) {
      if (tokens[j].alias) continue;
      if (tokens[j].pos != tokens[k].pos + 1 || !tokens[j].is(phrase[matched])) break;
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

}  // namespace

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

namespace {

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

}  // namespace

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

std::string TermMatcher::match(const Token& token) const {
  if (!token.accented.empty()) {
    std::string key = match(token.accented);
    if (!key.empty()) return key;
  }
  return match(token.term);
}

std::string TermMatcher::phrase_key(const std::vector<std::string>& terms) {
  std::string key = "\"";
  for (const std::string& t : terms) key.append(t).append(" ");
  return key;
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

}  // namespace trawl
