#include "search.h"

#include <xapian.h>

#include "analyzer.h"
#include "diag.h"
#include "error.h"
#include "language.h"
#include "query.h"

namespace trawl::searcher {
namespace {

constexpr int kMaxRetries = 5;

// Opens the database. A missing one is the user's error; others (a commit
// racing with the open) are Xapian::DatabaseErrors for the caller to retry.
Xapian::Database open_database(const std::string& path) {
  try {
    return Xapian::Database(path);
  } catch (const Xapian::DatabaseNotFoundError&) {
    throw Error("database " + quote(path) + ": not found (create it with trawl-index)");
  }
}

void fill_snippets(const BuiltQuery& built, const QueryBuilder& builder,
                   const SearchOptions& options, std::vector<Hit>* hits) {
  TermMatcher matcher = builder.matcher(built);
  Analyzer analyzer;
  std::vector<Token> tokens;
  SnippetOptions snippet_options;
  snippet_options.max_chars = options.snippet_chars;
  for (Hit& hit : *hits) {
    tokens.clear();
    analyzer.analyze(hit.record.text, &tokens);
    hit.snippet = make_snippet(hit.record.text, tokens, matcher, snippet_options);
    tokens.clear();
    analyzer.analyze(hit.record.title, &tokens);
    hit.title_highlights = highlight_all(hit.record.title, tokens, matcher);
  }
}

}  // namespace

Searcher::Searcher(const std::string& db_path) : Searcher(open_database(db_path), db_path) {}

Searcher::Searcher(Xapian::Database db, std::string name)
    : path_(std::move(name)), db_(std::move(db)) {
  if (db_.get_metadata(std::string(schema::kMetaSchema)).empty() && db_.get_doccount() > 0) {
    throw Error("database " + quote(path_) + ": not a trawl database");
  }
  language_ = db_.get_metadata(std::string(schema::kMetaLanguage));
  if (language_.empty()) language_ = std::string(kDefaultLanguage);
  stemmer_ = make_stemmer(language_);
}

SearchResult Searcher::search(const SearchOptions& options) {
  for (int attempt = 0;; ++attempt) {
    try {
      return search_once(options);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kMaxRetries) throw;
      db_.reopen();
    }
  }
}

SearchResult Searcher::search_once(const SearchOptions& options) {
  QueryOptions qopts;
  qopts.match_any = options.match_any;
  qopts.fixed_strings = options.fixed_strings;
  QueryBuilder builder(db_, stemmer_, qopts);
  BuiltQuery built = builder.build(options.query);
  SearchResult result;
  result.parsed_query = built.query.get_description();
  result.warning = built.warning;
  if (built.query.empty()) return result;

  Xapian::Enquire enquire(db_);
  enquire.set_query(built.query);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  const bool exact = options.mode == OutputMode::kCount;
  const bool quiet = options.mode == OutputMode::kQuiet;
  Xapian::doccount first = quiet ? 0 : static_cast<Xapian::doccount>(options.offset);
  Xapian::doccount max = quiet ? 1 : static_cast<Xapian::doccount>(options.limit);
  if (exact) max = 0;
  Xapian::MSet mset = enquire.get_mset(first, max, exact ? db_.get_doccount() : 0);
  result.matches_lower = mset.get_matches_lower_bound();
  result.matches_estimated = mset.get_matches_estimated();
  result.matches_upper = mset.get_matches_upper_bound();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = it.get_rank() + 1;
    hit.score = it.get_weight();
    hit.docid = *it;
    schema::decode_record(it.get_document().get_data(), &hit.record);
    result.hits.push_back(std::move(hit));
  }
  if (options.mode == OutputMode::kText || options.mode == OutputMode::kJson) {
    fill_snippets(built, builder, options, &result.hits);
  }
  return result;
}

}  // namespace trawl::searcher
