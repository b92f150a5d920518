#include "query.h"

#include <xapian.h>

#include <algorithm>

#include "fold.h"
#include "schema.h"
#include "utf8.h"

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

// Builds the rewritten query one piece at a time.
class Rewriter {
 public:
  Rewriter(bool fixed, Analyzer& analyzer, const QueryFields& fields)
      : fixed_(fixed), analyzer_(analyzer), fields_(fields) {}

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

  const bool fixed_;
  Analyzer& analyzer_;
  const QueryFields& fields_;
  Rewrite out_;
  bool in_phrase_ = false;
  std::vector<Token> tokens_;
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
  return std::move(out_);
}

void Rewriter::chunk(std::string_view word) {
  std::string lead;
  const bool syntax = !fixed_ && !in_phrase_;
  if (syntax) {
    if (is_operator(word)) {
      space();
      out_.text.append(word);
      out_.text.push_back(' ');
      return;
    }
    if (word == "+" || word == "-" || word == "~") {  // before a bracket or quote
      space();
      out_.text.append(word);
      return;
    }
    if (word.size() > 1 && (word[0] == '+' || word[0] == '-' || word[0] == '~')) {
      lead.push_back(word[0]);
      word.remove_prefix(1);
    }
    size_t colon = word.find(':');
    if (colon != std::string_view::npos) {
      std::string name = fold(word.substr(0, colon));
      if (fields_.filters.count(name)) return filter(lead, name, word.substr(colon + 1));
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
  std::string terms;
  for (const Token& t : tokens_) {
    if (t.alias) continue;
    if (!terms.empty()) terms.push_back(in_phrase_ ? ' ' : '-');
    terms.append(t.term);
  }
  if (terms.empty()) {
    // "+" or "title:" directly before a quote or bracket stays attached.
    if (!lead.empty() && word.empty()) {
      space();
      out_.text.append(lead);
    }
    return;
  }
  if (wildcard) {
    out_.wildcards.push_back(tokens_.back().term);
    terms.push_back('*');
  }
  space();
  out_.text.append(lead);
  out_.text.append(terms);
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

void add_leaf(const std::string& term, TermMatcher* m) {
  if (term.empty()) return;
  const std::string z(schema::kStemPrefix);
  const std::string s(schema::kTitlePrefix);
  if (term.compare(0, z.size() + s.size(), z + s) == 0) {
    m->add_stem(term.substr(z.size() + s.size()));
  } else if (term.compare(0, z.size(), z) == 0) {
    m->add_stem(term.substr(z.size()));
  } else if (term.compare(0, s.size(), s) == 0) {
    m->add_exact(term.substr(s.size()));
  } else if (!(term[0] >= 'A' && term[0] <= 'Z')) {
    m->add_exact(term);  // unprefixed; other upper-case prefixes are filters
  }
}

// The terms of a phrase, without the title prefix, in order.
std::vector<std::string> phrase_terms(const Xapian::Query& q) {
  std::vector<std::string> terms;
  const std::string s(schema::kTitlePrefix);
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    Xapian::Query sub = q.get_subquery(i);
    if (sub.get_type() != Xapian::Query::LEAF_TERM) return {};
    std::string t = *sub.get_terms_begin();
    if (t.compare(0, s.size(), s) == 0) t.erase(0, s.size());
    terms.push_back(std::move(t));
  }
  return terms;
}

void collect(const Xapian::Query& q, TermMatcher* m) {
  if (q.get_type() == Xapian::Query::OP_PHRASE) {
    std::vector<std::string> terms = phrase_terms(q);
    if (!terms.empty()) {
      m->add_phrase(std::move(terms));
      return;
    }
  }
  if (q.get_type() == Xapian::Query::LEAF_TERM) {
    for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t) add_leaf(*t, m);
    return;
  }
  size_t n = q.get_num_subqueries();
  if (q.get_type() == Xapian::Query::OP_AND_NOT) n = std::min<size_t>(n, 1);
  for (size_t i = 0; i < n; ++i) collect(q.get_subquery(i), m);
}

bool has_stem_leaf(const Xapian::Query& q, const std::string& z) {
  if (q.get_type() == Xapian::Query::LEAF_TERM) {
    auto t = q.get_terms_begin();
    return t != q.get_terms_end() && (*t).compare(0, z.size(), z) == 0;
  }
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    if (has_stem_leaf(q.get_subquery(i), z)) return true;
  }
  return false;
}

// A stem leaf "Z" + prefix + stem -> OP_SYNONYM of prefix + every indexed
// word with that stem (the stem table, schema.h). A stem nothing has stays
// as it is and matches nothing.
Xapian::Query expand_leaf(const Xapian::Database& db, const Xapian::Query& leaf,
                          const std::string& term) {
  const std::string z(schema::kStemPrefix);
  // Field prefixes are upper case (S, XMTAGS:), stems are not.
  size_t p = z.size();
  while (p < term.size() && ((term[p] >= 'A' && term[p] <= 'Z') || term[p] == ':')) ++p;
  const std::string prefix = term.substr(z.size(), p - z.size());
  const std::string key = z + term.substr(p);
  std::vector<Xapian::Query> words;
  for (auto s = db.synonyms_begin(key); s != db.synonyms_end(key); ++s) words.emplace_back(prefix + *s);
  if (words.empty()) return leaf;
  if (words.size() == 1) return words[0];
  return Xapian::Query(Xapian::Query::OP_SYNONYM, words.begin(), words.end());
}

Xapian::Query expand_stems(const Xapian::Database& db, const Xapian::Query& q) {
  const std::string z(schema::kStemPrefix);
  const auto op = q.get_type();
  if (op == Xapian::Query::LEAF_TERM) {
    std::string term = *q.get_terms_begin();
    return term.compare(0, z.size(), z) == 0 ? expand_leaf(db, q, term) : q;
  }
  // Positional and other special queries hold no stems: keep them whole.
  static const Xapian::Query::op kRebuilt[] = {
      Xapian::Query::OP_AND, Xapian::Query::OP_OR, Xapian::Query::OP_AND_NOT,
      Xapian::Query::OP_XOR, Xapian::Query::OP_AND_MAYBE, Xapian::Query::OP_FILTER,
      Xapian::Query::OP_SYNONYM, Xapian::Query::OP_MAX};
  if (std::find(std::begin(kRebuilt), std::end(kRebuilt), op) == std::end(kRebuilt) ||
      !has_stem_leaf(q, z)) {
    return q;
  }
  std::vector<Xapian::Query> subs;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) subs.push_back(expand_stems(db, q.get_subquery(i)));
  return Xapian::Query(op, subs.begin(), subs.end());
}

}  // namespace

Rewrite rewrite_query(std::string_view text, bool fixed_strings, Analyzer& analyzer,
                      const QueryFields& fields) {
  return Rewriter(fixed_strings, analyzer, fields).run(text);
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, Xapian::Stem stemmer,
                           QueryOptions options)
    : db_(db), stemmer_(std::move(stemmer)), options_(options) {
  std::string names = db_.get_metadata(std::string(schema::kMetaFields));
  for (size_t pos = 0; pos < names.size();) {
    size_t end = names.find(' ', pos);
    if (end == std::string::npos) end = names.size();
    if (end > pos) fields_.text.insert(names.substr(pos, end - pos));
    pos = end + 1;
  }
}

Xapian::Query QueryBuilder::parse(const std::string& text, bool fixed) const {
  Xapian::QueryParser qp;
  qp.set_database(db_);
  qp.set_stemmer(stemmer_);
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(options_.match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
  qp.add_prefix(std::string(schema::kTitleField), std::string(schema::kTitlePrefix));
  for (const std::string& name : fields_.text) {
    if (name != schema::kTitleField) qp.add_prefix(name, schema::field_prefix(name));
  }
  qp.add_boolean_prefix(std::string(schema::kAuthorField), std::string(schema::kAuthorPrefix));
  qp.add_boolean_prefix(std::string(schema::kExtField), std::string(schema::kExtPrefix));
  qp.add_boolean_prefix(std::string(schema::kTypeField), std::string(schema::kExtPrefix));
  qp.add_boolean_prefix(std::string(schema::kTypeField), std::string(schema::kFormatPrefix));
  qp.add_boolean_prefix(std::string(schema::kPathField), std::string(schema::kPathPrefix));
  qp.add_boolean_prefix(std::string(schema::kLangField), std::string(schema::kLangPrefix));
  qp.set_max_expansion(options_.max_wildcard, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                       Xapian::QueryParser::FLAG_WILDCARD);
  unsigned flags = Xapian::QueryParser::FLAG_PHRASE;
  if (!fixed) {
    flags |= Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_LOVEHATE |
             Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PURE_NOT;
  }
  Xapian::Query q = expand_stems(db_, qp.parse_query(text, flags));
  // A query of filters only comes back as 0 * FILTERS. Xapian 1.4.22 throws
  // "Unexpected end of posting list" counting such a query exactly
  // (check_at_least) once documents have been deleted; the same documents
  // as "all FILTER filters" count fine. (Repro in docs/NOTES.md.)
  if (q.get_type() == Xapian::Query::OP_SCALE_WEIGHT && q.get_num_subqueries() == 1) {
    q = Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll, q.get_subquery(0));
  }
  return q;
}

BuiltQuery QueryBuilder::build(std::string_view text) {
  BuiltQuery built;
  Rewrite r = rewrite_query(text, options_.fixed_strings, analyzer_, fields_);
  try {
    built.query = parse(r.text, options_.fixed_strings);
    built.rewritten = std::move(r.text);
    built.wildcards = std::move(r.wildcards);
    return built;
  } catch (const Xapian::QueryParserError& e) {
    built.warning = e.get_msg();
  }
  Rewrite plain = rewrite_query(text, /*fixed_strings=*/true, analyzer_, fields_);
  built.query = parse(plain.text, /*fixed=*/true);
  built.rewritten = std::move(plain.text);
  return built;
}

TermMatcher QueryBuilder::matcher(const BuiltQuery& built) const {
  TermMatcher m(stemmer_);
  collect(built.query, &m);
  for (const std::string& w : built.wildcards) m.add_wildcard(w);
  return m;
}

}  // namespace trawl::searcher
