#include "query.h"

#include <algorithm>

#include "cjk_query.h"
#include "compounds.h"
#include "expand.h"
#include "schema.h"
#include "utf8.h"

namespace trawl::searcher {
namespace {

// Spelling suggestions are looked up for the first words only: each costs
// a scan of the spelling table.
constexpr size_t kMaxSpellingWords = 32;

// Edits allowed to correct a word of that many characters: none below 3
// (any two 2-character words are 2 edits apart: "東京" was corrected to
// "来"), one up to 5, two from 6 ("lighthose" -> "lighthouse").
unsigned spelling_edits(std::string_view word) {
  const size_t n = utf8::length(word);
  return n < 3 ? 0 : n < 6 ? 1 : 2;
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, Xapian::Stem stemmer,
                           QueryOptions options)
    : db_(db), stemmer_(std::move(stemmer)), options_(options) {
  std::string names = options_.fields.empty() ? db_.get_metadata(std::string(schema::kMetaFields))
                                              : options_.fields;
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
  qp.set_stemming_strategy(stem() ? Xapian::QueryParser::STEM_SOME
                                         : Xapian::QueryParser::STEM_NONE);
  qp.set_default_op(options_.match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
  if (options_.stopper != nullptr) qp.set_stopper(options_.stopper);
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
  // The rewriter has normalised range ends to YYYYMMDD and to bytes.
  qp.add_rangeprocessor(
      (new Xapian::RangeProcessor(schema::kSlotDate, std::string(kDateField) + ":"))->release());
  qp.add_rangeprocessor(
      (new Xapian::NumberRangeProcessor(schema::kSlotSize, std::string(kSizeField) + ":"))
          ->release());
  qp.set_max_expansion(options_.max_wildcard, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                       Xapian::QueryParser::FLAG_WILDCARD);
  unsigned flags = Xapian::QueryParser::FLAG_PHRASE;
  if (!fixed) {
    flags |= Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_LOVEHATE |
             Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PURE_NOT;
  }
  return qp.parse_query(text, flags);
}

std::string QueryBuilder::correct(const Rewrite& rewrite) const {
  std::string corrected = rewrite.text;
  bool changed = false;
  size_t looked = 0;
  for (const std::string& word : rewrite.words) {
    if (!should_stem(word)) continue;  // numbers are not misspelt
    if (++looked > kMaxSpellingWords) break;
    const std::string stem = stemmer_.is_none() ? word : stemmer_(word);
    const std::string key = schema::stem_key(stem);
    if (db_.synonyms_begin(key) != db_.synonyms_end(key) || db_.term_exists(word)) continue;
    const unsigned edits = spelling_edits(word);
    if (edits == 0) continue;
    std::string suggestion = db_.get_spelling_suggestion(word, edits);
    if (suggestion.empty() || suggestion == word) continue;
    for (size_t at = corrected.find(word); at != std::string::npos;
         at = corrected.find(word, at + suggestion.size())) {
      const bool starts = at == 0 || !Xapian::Unicode::is_wordchar(static_cast<unsigned char>(corrected[at - 1]));
      const size_t end = at + word.size();
      const bool ends = end == corrected.size() || !Xapian::Unicode::is_wordchar(static_cast<unsigned char>(corrected[end]));
      if (starts && ends) {
        corrected.replace(at, word.size(), suggestion);
        changed = true;
        break;
      }
    }
  }
  return changed ? corrected : std::string();
}

KeepMarks QueryBuilder::marks_test() const {
  if (fold_accents()) return {};
  // A word typed with marks keeps them if some document has that spelling,
  // or (stemming) a word of the same stem with marks ("résumés": résumé).
  return [this](const std::string& accented) {
    if (db_.term_exists(accented)) return true;
    if (!stem() || stemmer_.is_none()) return false;
    const std::string key = schema::stem_key(stemmer_(accented));
    return db_.synonyms_begin(key) != db_.synonyms_end(key);
  };
}

Rewrite QueryBuilder::rewrite(std::string_view text, bool fixed) {
  exact_ = options_.case_mode == CaseMode::kSensitive;
  Rewrite r = rewrite_query(text, fixed, analyzer_, fields_, marks_test());
  if (options_.case_mode != CaseMode::kSmart) return r;
  exact_ = std::any_of(r.typed.begin(), r.typed.end(), [](const auto& tf) { return has_upper(tf.second); });
  // Typed with a capital: again, with marks kept as for -s.
  return exact_ ? rewrite_query(text, fixed, analyzer_, fields_, marks_test()) : r;
}

BuiltQuery QueryBuilder::build(std::string_view text) {
  BuiltQuery built;
  Rewrite r = rewrite(text, options_.fixed_strings);
  built.problems = r.problems;
  ExpandOptions expand;
  expand.all_synonyms = options_.synonyms;
  expand.exact = !stem();
  for (const std::string& w : r.synonyms) {
    expand.marked.insert(stemmer_.is_none() || expand.exact ? w : stemmer_(w));
  }
  if (!options_.fixed_strings) {
    if (std::string nots = only_excluded(r.text); !nots.empty()) r.text = std::move(nots);
  }
  Xapian::Query parsed;
  try {
    parsed = parse(r.text, options_.fixed_strings);
  } catch (const Xapian::QueryParserError& e) {
    built.warning = e.get_msg();
    r = rewrite(text, /*fixed=*/true);
    parsed = parse(r.text, /*fixed=*/true);
  }
  // A joined compound is a word as QueryParser would make it: a stem leaf
  // (unless --no-stem, or a number), then its indexed forms.
  const auto joined = [&](const std::string& word) {
    const bool stem = this->stem() && !stemmer_.is_none() && should_stem(word);
    const Xapian::Query leaf(stem ? std::string(schema::kStemPrefix).append(stemmer_(word)) : word);
    return expand_query(db_, stemmer_, leaf, expand);
  };
  const Xapian::Query backed = add_compound_aliases(add_cjk_backups(parsed), r.compounds, joined);
  built.query = expand_query(db_, stemmer_, backed, expand);
  // A query of filters only comes back as 0 * FILTERS. Xapian 1.4.22 throws
  // "Unexpected end of posting list" counting such a query exactly
  // (check_at_least) once documents have been deleted; the same documents
  // as "all FILTER filters" count fine. (Repro in docs/NOTES.md.)
  if (built.query.get_type() == Xapian::Query::OP_SCALE_WEIGHT &&
      built.query.get_num_subqueries() == 1) {
    built.query = Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll,
                                built.query.get_subquery(0));
  }
  built.corrected = correct(r);
  built.words = r.words;
  if (exact_) {
    for (auto& [term, form] : r.typed) built.case_forms.add(term, std::move(form));
  }
  built.rewritten = std::move(r.text);
  built.wildcards = std::move(r.wildcards);
  return built;
}

BuiltQuery QueryBuilder::build_any(const std::vector<std::string>& texts) {
  const CaseMode asked = options_.case_mode;
  if (asked == CaseMode::kSmart) {
    const bool capital = std::any_of(texts.begin(), texts.end(), [&](const std::string& t) {
      rewrite(t, options_.fixed_strings);
      return exact_;
    });
    options_.case_mode = capital ? CaseMode::kSensitive : CaseMode::kIgnore;
  }
  BuiltQuery all;
  std::vector<Xapian::Query> queries;
  for (const std::string& text : texts) {
    BuiltQuery one = build(text);
    if (!one.query.empty()) queries.push_back(one.query);
    if (!all.rewritten.empty()) all.rewritten.append(" OR ");
    all.rewritten.append("(").append(one.rewritten).append(")");
    if (all.warning.empty()) all.warning = std::move(one.warning);
    all.problems.insert(all.problems.end(), one.problems.begin(), one.problems.end());
    all.words.insert(all.words.end(), one.words.begin(), one.words.end());
    all.wildcards.insert(all.wildcards.end(), one.wildcards.begin(), one.wildcards.end());
    all.case_forms.add(one.case_forms);
  }
  options_.case_mode = asked;
  all.alternatives = texts.size();
  all.query = Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
  return all;
}

TermMatcher QueryBuilder::matcher(const BuiltQuery& built) const {
  return make_matcher(built.query, built.wildcards, stemmer_);
}

}  // namespace trawl::searcher
