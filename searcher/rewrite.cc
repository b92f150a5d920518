#include "rewrite.h"

#include "dates.h"
#include "fold.h"
#include "near_phrases.h"
#include "utf8.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <utility>

namespace trawl::searcher {
namespace {

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0xA0 || c == 0x3000;
}

bool is_quote(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F ||
         c == 0xAB || c == 0xBB;
}

bool is_operator(std::string_view w) {
  if (w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ") {
    return true;
  }
  for (std::string_view op : {"NEAR/", "ADJ/"}) {
    if (w.size() > op.size() && w.substr(0, op.size()) == op &&
        w.find_first_not_of("0123456789", op.size()) == std::string_view::npos) {
      return true;
    }
  }
  return false;
}

bool is_positional(std::string_view w) {
  return w.substr(0, 4) == "NEAR" || w.substr(0, 3) == "ADJ";
}

// Builds the rewritten query one piece at a time.
class Rewriter {
 public:
  Rewriter(bool fixed, Analyzer& analyzer, const QueryFields& fields, const KeepMarks& keep_marks)
      : fixed_(fixed), analyzer_(analyzer), fields_(fields), keep_marks_(keep_marks) {}

  Rewrite run(std::string_view text);

 private:
  void chunk(std::string_view chunk);
  // Separates the next piece from the previous one, unless that is an
  // opening quote or bracket, a leading + - ~, or a field prefix.
  void space() {
    if (out_.text.empty()) return;
    char last = out_.text.back();
    if (last == ' ' || last == '(' || last == '+' || last == '-' || last == '~' ||
        last == ':' || (last == '"' && in_phrase_)) {
      return;
    }
    out_.text.push_back(' ');
  }
  // An opening quote or bracket binds to a preceding + - ~ or field:.
  void open(char c) {
    char last = out_.text.empty() ? ' ' : out_.text.back();
    if (last != ' ' && last != '+' && last != '-' && last != '~' && last != ':' && last != '(') {
      out_.text.push_back(' ');
    }
    out_.text.push_back(c);
  }

  // Appends a boolean filter "name:value" with the value folded, or nothing
  // for an empty value.
  void filter(std::string_view lead, std::string_view name, std::string_view value);
  // Appends a date: or size: range with normalised ends.
  void range(std::string_view lead, std::string_view name, std::string_view value);
  // The alias the analyzer made of tokens_'s parts joined ("email" for
  // e-mail), or nullptr for a word of one part.
  const Token* whole_alias() const;
  // Records tokens_ as a compound whose parts the analyzer joined as `alias`.
  void note_compound(const Token& alias);
  // Puts `word`'s joined form in place of its parts (a compound next to
  // NEAR or ADJ: QueryParser reads NEAR after a phrase as a word, and NEAR
  // groups terms only; the joined form sits at the last part's position).
  struct Placed {
    size_t start = 0, end = 0;  // in out_.text
    std::string joined;         // "" if the word is no compound
  };
  void join_placed(const Placed& word);
  // The terms of tokens_ (aliases left out) joined for QueryParser: '-'
  // between a word's parts, ' ' inside a phrase; accented forms where the
  // word was typed with marks (not for ~word or a wildcard's last part).
  // *each gets the query's term for each token of tokens_ (query_term;
  // an alias's own).
  std::string joined_terms(bool synonyms, bool wildcard, std::vector<std::string>* each) const;
  // The term the query has for token `t`: its accented form where typed
  // with marks (not for ~word, nor for a wildcard's prefix), else its term.
  std::string query_term(const Token& t, bool synonyms, bool wildcard) const;

  const bool fixed_;
  Analyzer& analyzer_;
  const QueryFields& fields_;
  const KeepMarks& keep_marks_;
  Rewrite out_;
  bool in_phrase_ = false;
  std::vector<Token> tokens_;
  Placed last_word_;         // the word appended last
  bool after_near_ = false;  // the piece appended last is NEAR or ADJ
};

Rewrite Rewriter::run(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp;
    size_t n = utf8::decode(text, i, &cp);
    if (n == 0) n = 1, cp = 0xFFFD;
    if (is_space(cp)) {
      space();
    } else if (is_quote(cp)) {
      if (fixed_) {
        space();
      } else if (in_phrase_) {
        out_.text.push_back('"');
        out_.text.push_back(' ');
        in_phrase_ = false;
      } else {
        open('"');
        in_phrase_ = true;
      }
    } else if (cp == '(' || cp == ')') {
      if (fixed_ || in_phrase_) {
        space();
      } else if (cp == '(') {
        open('(');
      } else {
        out_.text.append(") ");
      }
    } else {
      size_t j = i;
      while (j < text.size()) {
        char32_t c;
        size_t m = utf8::decode(text, j, &c);
        if (m == 0) m = 1, c = 0xFFFD;
        if (is_space(c) || is_quote(c) || c == '(' || c == ')') break;
        j += m;
      }
      chunk(text.substr(i, j - i));
      n = j - i;
    }
    i += n;
  }
  while (!out_.text.empty() && out_.text.back() == ' ') out_.text.pop_back();
  if (!fixed_) out_.text = near_phrases(out_.text);
  return std::move(out_);
}

void Rewriter::chunk(std::string_view word) {
  std::string lead;
  bool synonyms = false;
  const bool syntax = !fixed_ && !in_phrase_;
  const Placed previous = std::exchange(last_word_, Placed{});
  const bool after_near = std::exchange(after_near_, false);
  if (syntax) {
    if (is_operator(word)) {
      after_near_ = is_positional(word);
      if (after_near_) join_placed(previous);
      space();
      out_.text.append(word);
      out_.text.push_back(' ');
      return;
    }
    if (word == "~") return;  // synonyms of a phrase or group: not supported
    if (word == "+" || word == "-") {  // before a bracket or quote
      space();
      out_.text.append(word);
      return;
    }
    if (word.size() > 1 && word[0] == '~') {
      synonyms = true;  // handled by the expansion, not by QueryParser
      word.remove_prefix(1);
    } else if (word.size() > 1 && (word[0] == '+' || word[0] == '-')) {
      lead.push_back(word[0]);
      word.remove_prefix(1);
    }
    size_t colon = word.find(':');
    if (colon != std::string_view::npos) {
      std::string name = fold(word.substr(0, colon));
      if (fields_.filters.count(name)) return filter(lead, name, word.substr(colon + 1));
      if (name == kDateField || name == kSizeField) return range(lead, name, word.substr(colon + 1));
      if (fields_.text.count(name)) {
        lead.append(name + ":");
        word.remove_prefix(colon + 1);
      }
    }
  }
  bool wildcard = false;
  if (syntax) {
    while (!word.empty() && word.back() == '*') word.remove_suffix(1), wildcard = true;
  }
  tokens_.clear();
  analyzer_.analyze(word, &tokens_);
  std::vector<std::string> each;  // the query's term for each token
  std::string terms = joined_terms(synonyms, wildcard, &each);
  if (terms.empty()) {
    // "+" or "title:" directly before a quote or bracket stays attached.
    if (!lead.empty() && word.empty()) {
      space();
      out_.text.append(lead);
    }
    return;
  }
  const Token* alias = whole_alias();  // "email" for e-mail
  if (wildcard) {
    // "e-mail*": the joined form's words (QueryParser has no wildcard in a
    // phrase); documents index "e-mails" as "emails" too.
    if (alias) terms = alias->term;
    out_.wildcards.push_back(alias ? alias->term : tokens_.back().term);
    terms.push_back('*');
  } else if (lead.find(':') == std::string::npos) {
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      out_.typed.emplace_back(std::move(each[i]), std::string(word.substr(t.begin, t.end - t.begin)));
      if (t.alias) continue;
      out_.words.push_back(t.term);
      if (synonyms) out_.synonyms.push_back(t.term);
    }
    if (syntax && alias) note_compound(*alias);
  }
  space();
  out_.text.append(lead);
  const bool joinable = alias && syntax && lead.empty() && !wildcard && !synonyms;
  last_word_ = Placed{out_.text.size(), out_.text.size() + terms.size(),
                      joinable ? alias->term : std::string()};
  out_.text.append(terms);
  if (after_near) join_placed(last_word_);
}

void Rewriter::join_placed(const Placed& word) {
  if (word.joined.empty() || out_.text.find_first_not_of(' ', word.end) != std::string::npos) {
    return;  // no compound, or not the last piece
  }
  out_.text.replace(word.start, word.end - word.start, word.joined);
  if (!out_.compounds.empty() && out_.compounds.back().joined == word.joined) {
    out_.compounds.pop_back();  // no phrase left for compounds.h
  }
  last_word_ = Placed{};
}

std::string Rewriter::joined_terms(bool synonyms, bool wildcard,
                                   std::vector<std::string>* each) const {
  std::string terms;
  for (const Token& t : tokens_) {
    each->push_back(t.alias ? t.term : query_term(t, synonyms, wildcard && &t == &tokens_.back()));
    if (t.alias) continue;
    if (!terms.empty()) terms.push_back(in_phrase_ ? ' ' : '-');
    terms.append(each->back());
  }
  return terms;
}

std::string Rewriter::query_term(const Token& t, bool synonyms, bool wildcard) const {
  // Typed with marks: ask for them, if any document has them. Synonym
  // groups and wildcard prefixes are folded.
  const bool marks =
      !t.accented.empty() && !synonyms && !wildcard && keep_marks_ && keep_marks_(t.accented);
  return marks ? t.accented : t.term;
}

const Token* Rewriter::whole_alias() const {
  size_t parts = 0;
  uint32_t begin = UINT32_MAX, end = 0;
  for (const Token& t : tokens_) {
    if (t.alias) continue;
    ++parts;
    begin = std::min(begin, t.begin);
    end = std::max(end, t.end);
  }
  if (parts < 2) return nullptr;
  for (const Token& t : tokens_) {
    if (t.alias && t.begin == begin && t.end == end) return &t;
  }
  return nullptr;
}

void Rewriter::note_compound(const Token& alias) {
  std::vector<std::string> parts;
  for (const Token& t : tokens_) {
    if (!t.alias) parts.push_back(t.term);
  }
  out_.compounds.push_back(Compound{std::move(parts), alias.term});
}

void Rewriter::range(std::string_view lead, std::string_view name, std::string_view value) {
  size_t dots = value.find("..");
  std::string_view lo = dots == std::string_view::npos ? value : value.substr(0, dots);
  std::string_view hi = dots == std::string_view::npos ? value : value.substr(dots + 2);
  std::string from, to;
  bool ok = !(lo.empty() && hi.empty());
  if (name == kDateField) {
    from = lo.empty() ? "" : date_bound(lo, false);
    to = hi.empty() ? "" : date_bound(hi, true);
    ok = ok && (lo.empty() || !from.empty()) && (hi.empty() || !to.empty());
  } else {
    int64_t a = lo.empty() ? 0 : parse_bytes(lo);
    int64_t b = hi.empty() ? 0 : parse_bytes(hi);
    ok = ok && a >= 0 && b >= 0;
    from = lo.empty() ? "" : std::to_string(a);
    to = hi.empty() ? "" : std::to_string(b);
  }
  if (!ok) {
    out_.problems.push_back(std::string(name) + ":" + std::string(value));
    return;
  }
  space();
  out_.text.append(lead);
  out_.text.append(name).append(":").append(from).append("..").append(to);
  out_.text.push_back(' ');
}

void Rewriter::filter(std::string_view lead, std::string_view name, std::string_view value) {
  std::string folded = fold(value);
  if (name == schema::kExtField || name == schema::kTypeField) {
    while (!folded.empty() && folded[0] == '.') folded.erase(0, 1);
  }
  if (folded.empty()) return;
  space();
  out_.text.append(lead);
  out_.text.append(name);
  out_.text.push_back(':');
  out_.text.append(folded);
  out_.text.push_back(' ');
}

}  // namespace

std::string only_excluded(std::string_view text) {
  std::string out;
  bool quoted = false, item_start = true;
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool top = !quoted && depth == 0;
    if (top && c == ' ') {
      item_start = true;
      out.push_back(c);
      continue;
    }
    if (top && item_start) {  // each item must be '-' and something
      if (c != '-' || i + 1 == text.size() || text[i + 1] == ' ') return "";
      out.append("NOT ");
      item_start = false;
      continue;
    }
    if (c == '"') quoted = !quoted;
    if (!quoted && c == '(') ++depth;
    if (!quoted && c == ')') --depth;
    item_start = false;
    out.push_back(c);
  }
  return out.find_first_not_of(' ') == std::string::npos ? "" : out;
}

int64_t parse_bytes(std::string_view text) {
  std::string t(text);
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  if (end == t.c_str() || v < 0 || !std::isfinite(v)) return -1;
  // A unit K, M or G (powers of 1024), optionally followed by "B" or "iB";
  // case does not matter: 10M, 10mb, 10MiB.
  std::string unit(end);
  for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  double scale = 1;
  if (!unit.empty() && unit[0] != 'b') {
    const size_t at = std::string_view("kmg").find(unit[0]);
    if (at == std::string_view::npos) return -1;
    scale = at == 0 ? 1024.0 : at == 1 ? 1048576.0 : 1073741824.0;
    unit.erase(0, 1);
  }
  if (!unit.empty() && unit != "b" && unit != "ib") return -1;
  if (unit == "ib" && scale == 1) return -1;
  const double bytes = v * scale;
  return bytes > 9e18 ? -1 : static_cast<int64_t>(bytes);
}

Rewrite rewrite_query(std::string_view text, bool fixed_strings, Analyzer& analyzer,
                      const QueryFields& fields, const KeepMarks& keep_marks) {
  return Rewriter(fixed_strings, analyzer, fields, keep_marks).run(text);
}

}  // namespace trawl::searcher
