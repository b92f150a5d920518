#include "search.h"

#include <algorithm>
#include <memory>

#include "analyzer.h"
#include "diag.h"
#include "error.h"
#include "expand.h"
#include "extras.h"
#include "language.h"
#include "minhash.h"
#include "passages.h"
#include "query.h"
#include "ranking.h"
#include "stopwords.h"
#include "weighting.h"

namespace trawl::searcher {
namespace {

// Opens the database. A missing one is the user's error; others (a commit
// racing with the open) are Xapian::DatabaseErrors for the caller to retry.
Xapian::valueno facet_slot(const std::string& name) {
  if (name == "ext") return schema::kSlotExt;
  if (name == "year") return schema::kSlotYear;
  if (name == "lang") return schema::kSlotLang;
  if (name == "author") return schema::kSlotAuthor;
  throw Error("--facets: unknown facet " + quote(name) + " (choose from ext, year, lang, author)");
}

// A hit with its score and document number, and no record yet.
Hit scored_hit(const Xapian::MSetIterator& it) {
  Hit hit;
  hit.score = it.get_weight();
  hit.docid = *it;
  return hit;
}

Hit make_hit(const Xapian::MSetIterator& it) {
  Hit hit = scored_hit(it);
  schema::decode_record(it.get_document().get_data(), &hit.record);
  return hit;
}

// For -l, which prints paths only: the path from its value slot, without
// reading (and inflating) the record.
Hit make_path_hit(const Xapian::MSetIterator& it) {
  std::string path = it.get_document().get_value(schema::kSlotPath);
  if (path.empty()) return make_hit(it);
  Hit hit = scored_hit(it);
  hit.record.path = std::move(path);
  return hit;
}

// For TREC runs, which print ids only: the path and id from their value
// slots (SciFact's 300 queries x 1,000 hits inflated 300,000 records).
Hit make_id_hit(const Xapian::MSetIterator& it) {
  const Xapian::Document doc = it.get_document();
  const std::string id = doc.get_value(schema::kSlotRecordId);
  if (id.empty()) return make_hit(it);  // indexed before the slot existed
  Hit hit = scored_hit(it);
  hit.record.path = doc.get_value(schema::kSlotPath);
  hit.record.id = id == "=" ? hit.record.path : id.substr(1);
  return hit;
}

// Every part must be a trawl database (or still empty).
void require_trawl(const Xapian::Database& db, const std::string& name) {
  if (db.get_metadata(std::string(schema::kMetaSchema)).empty() && db.get_doccount() > 0) {
    throw Error("database " + quote(name) + ": not a trawl database");
  }
}

// The queries of -f's lines and of the words given (if any): a document
// matches any of them.
std::vector<std::string> alternatives(const SearchOptions& options, const std::string& text) {
  std::vector<std::string> any = options.query_lines;
  if (text.find_first_not_of(" \t") != std::string::npos) any.push_back(text);
  return any;
}

}  // namespace

Searcher::Searcher(const std::vector<std::string>& paths, const OpenOptions& options)
    : path_(paths.front()) {
  OpenedDatabase opened = open_parts(paths, options);
  db_ = opened.db;
  missing_ = opened.missing;
  for (const Part& part : opened.parts) {
    parts_.push_back(part.db);
    require_trawl(part.db, part.name);
    fields_.append(" ").append(part.db.get_metadata(std::string(schema::kMetaFields)));
    remote_ = remote_ || part.remote;
  }
  set_language();
}

Searcher::Searcher(Xapian::Database db, std::string name)
    : path_(std::move(name)), db_(std::move(db)), parts_{db_} {
  require_trawl(db_, path_);
  set_language();
}

void Searcher::set_language() {
  language_ = db_.get_metadata(std::string(schema::kMetaLanguage));
  if (language_.empty()) language_ = std::string(kDefaultLanguage);
  stemmer_ = make_stemmer(language_);
  stopper_ = make_stopper(language_);
}

Xapian::Query Searcher::like_query(const SearchOptions& options) {
  std::string term;
  for (const std::string& t : {schema::id_term(options.like),
                               schema::bounded_term(schema::kRecordIdPrefix, options.like)}) {
    if (db_.term_exists(t)) term = t;
  }
  if (term.empty()) {
    throw Error("--like: no document " + quote(options.like) + " in " + quote(path_) +
                " (give the path of an indexed file or a record id)");
  }
  return similar_documents(db_, term);
}

void Searcher::fill_hits(const SearchOptions& options, Xapian::Enquire& enquire,
                         Xapian::doccount check_at_least, const Xapian::MatchDecider* decider,
                         SearchResult* result) {
  const bool listing = options.mode == OutputMode::kText || options.mode == OutputMode::kJson ||
                       options.mode == OutputMode::kFiles || options.mode == OutputMode::kTrec;
  // -n 0: every match (the database holds no more).
  const Xapian::doccount limit =
      options.limit == 0 ? db_.get_doccount() : static_cast<Xapian::doccount>(options.limit);
  const auto want = static_cast<Xapian::doccount>(options.offset + limit);
  if (!listing) {
    Xapian::MSet mset = enquire.get_mset(0, options.mode == OutputMode::kQuiet ? 1 : 0,
                                         check_at_least, nullptr, decider);
    set_counts(mset, result);
    return;
  }
  const HitMaker make = options.mode == OutputMode::kFiles  ? make_path_hit
                        : options.mode == OutputMode::kTrec ? make_id_hit
                                                            : make_hit;
  // Folded hits show their id and title in JSON only.
  const HitMaker make_similar = options.mode == OutputMode::kJson ? make_hit : make_path_hit;
  if (!options.collapse) {
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset), limit,
                                         check_at_least, nullptr, decider);
    set_counts(mset, result);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      result->hits.push_back(make(it));
      result->hits.back().rank = it.get_rank() + 1;
    }
    return;
  }
  // Near-duplicates fold under the best hit of their group: look deeper
  // than the page until it is full or the matches run out.
  for (Xapian::doccount fetch = want * 3 + 10;; fetch *= 4) {
    Xapian::MSet mset =
        enquire.get_mset(0, fetch, std::max(check_at_least, fetch), nullptr, decider);
    set_counts(mset, result);
    size_t groups = 0;
    std::vector<Hit> page =
        collapse_near_duplicates(db_, mset, make, make_similar, options.offset, want, &groups);
    if (groups >= want || mset.size() < fetch || fetch > 100000) {
      count_parts(enquire.get_query(), decider, &page);
      for (size_t i = 0; i < page.size(); ++i) {
        page[i].rank = options.offset + i + 1;
        result->hits.push_back(std::move(page[i]));
      }
      return;
    }
  }
}

void Searcher::count_parts(const Xapian::Query& q, const Xapian::MatchDecider* decider,
                           std::vector<Hit>* hits) {
  for (Hit& hit : *hits) {
    if (hit.record.part == 0) continue;
    Xapian::Enquire count(db_);
    count.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q,
                                  Xapian::Query(schema::file_term(hit.record.path))));
    count.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet m = count.get_mset(0, 0, db_.get_doccount(), nullptr, decider);
    hit.parts_matching = m.get_matches_lower_bound();
  }
}

QueryOptions Searcher::query_options(const SearchOptions& options) const {
  QueryOptions qopts;
  qopts.match_any = options.match_any;
  qopts.fixed_strings = options.fixed_strings;
  qopts.synonyms = options.synonyms;
  qopts.stem = options.stem;
  qopts.fold_accents = options.fold_accents;
  qopts.case_mode = options.case_mode;
  qopts.stopper = options.stopwords ? stopper_.get() : nullptr;
  qopts.fields = fields_;
  return qopts;
}

Searcher::Deciders Searcher::deciders(const SearchOptions& options, const BuiltQuery& built) const {
  Deciders d;
  if (!options.globs.empty()) {
    if (remote_) throw Error("-g cannot filter remote shards (xapian-tcpsrv runs no trawl code)");
    d.paths = std::make_unique<PathFilter>(options.globs, options.cwd);
    d.first = d.paths.get();
  }
  if (!built.case_forms.empty()) {  // -s/-S (case_forms.h)
    if (remote_) throw Error("-s and -S cannot check remote shards (xapian-tcpsrv runs no trawl code)");
    d.checker = std::make_unique<CaseChecker>(db_, parts_, built.case_forms);
    d.cased = std::make_unique<CaseFilter>(*d.checker, built.query, d.paths.get());
    d.first = d.cased.get();
  }
  return d;
}

SearchResult Searcher::run(const SearchOptions& options, const std::string& text) {
  QueryBuilder builder(db_, stemmer_, query_options(options));
  BuiltQuery built = options.query_files.empty() ? builder.build(text)
                                                 : builder.build_any(alternatives(options, text));
  SearchResult result;
  result.rewritten = built.rewritten;
  result.warning = built.warning;
  result.problems = built.problems;
  result.did_you_mean = built.corrected;
  Xapian::Query q = built.query;
  if (!options.like.empty()) {
    Xapian::Query like = like_query(options);
    q = q.empty() ? like : Xapian::Query(Xapian::Query::OP_AND, like, q);
  }
  q = with_date_filter(q, options.after, options.before);
  q = with_type_filter(q, options.types, options.types_not);
  if (q.empty()) {
    result.no_words = true;
    return result;
  }
  const Deciders deciders = this->deciders(options, built);
  if (options.mode == OutputMode::kFilesWithout) {
    files_without(options, q, deciders, &result);
    return result;
  }
  const std::unique_ptr<Xapian::Weight> weight = make_weighting(options.weighting);
  q = rank(options, built, q, *weight, deciders.first);
  result.parsed_query = q.get_description();
  match(options, q, *weight, deciders.first, &result);
  if (options.mode == OutputMode::kText || options.mode == OutputMode::kJson) {
    const TermMatcher matcher = builder.matcher(built);
    PassageFinder finder(db_, parts_, matcher, plain_leaves(built.query), built.wildcards,
                         PassageOptions{options.snippet_chars,
                                        options.snippets ? options.passages : 0, options.context});
    finder.set_case(deciders.checker.get());
    finder.prepare(result.hits);
    for (Hit& hit : result.hits) finder.fill(&hit);
    if (options.explain) explain_hits(db_, q, *weight, &result.hits);
  }
  return result;
}

Xapian::Query Searcher::rank(const SearchOptions& options, const BuiltQuery& built,
                             const Xapian::Query& q, const Xapian::Weight& weight,
                             const Xapian::MatchDecider* decider) {
  // A count (or -q's exit status) needs the matches, not their order: the
  // ranking parts only reweight them (AND_MAYBE), except feedback under
  // --or, which widens.
  const bool unordered = options.mode == OutputMode::kCount || options.mode == OutputMode::kQuiet;
  if (unordered && !options.match_any) return q;
  const Xapian::Stopper* stopper = options.stopwords ? stopper_.get() : nullptr;
  size_t content_words = 0;
  for (const std::string& w : built.words) content_words += stopper == nullptr || !(*stopper)(w);
  // Over remote shards feedback costs a round trip per candidate word
  // (about 150 ms a query on loopback): only when asked for.
  const Expand expand = remote_ && options.expand == Expand::kAuto ? Expand::kOff : options.expand;
  return apply_ranking(db_, q, weight, stopper, content_words, options.match_any, expand,
                       options.ranking, decider, built.alternatives > 1);
}

void Searcher::match(const SearchOptions& options, const Xapian::Query& q,
                     const Xapian::Weight& weight, const Xapian::MatchDecider* decider,
                     SearchResult* result) {
  Xapian::Enquire enquire(db_);
  enquire.set_query(q);
  enquire.set_weighting_scheme(weight);
  set_sort(enquire, options.sort, options.reverse);
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
  for (const std::string& name : options.facets) {
    spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(facet_slot(name)));
    enquire.add_matchspy(spies.back().get());
  }
  const bool exact = !options.estimate &&
                     (options.mode == OutputMode::kCount || !options.facets.empty());
  result->exact = exact;
  fill_hits(options, enquire, exact ? db_.get_doccount() : 0, decider, result);
  for (size_t i = 0; i < spies.size(); ++i) {
    auto& values = result->facets.emplace_back(options.facets[i], std::vector<FacetValue>{}).second;
    for (auto v = spies[i]->top_values_begin(kFacetValues); v != spies[i]->top_values_end(kFacetValues);
         ++v) {
      values.push_back(FacetValue{*v, v.get_termfreq()});
    }
  }
}

SearchResult Searcher::search(const SearchOptions& options) {
  if (options.query.size() > kMaxQueryBytes) {
    throw Error("query of " + std::to_string(options.query.size()) + " bytes: the limit is " +
                std::to_string(kMaxQueryBytes) + " (" + quote(options.query, 40) + ")");
  }
  SearchResult result = run(options, options.query);
  const bool nothing = result.matches_estimated == 0 && result.hits.empty();
  if (options.auto_correct && nothing && !result.did_you_mean.empty()) {
    SearchResult corrected = run(options, result.did_you_mean);
    corrected.did_you_mean = result.did_you_mean;
    corrected.auto_corrected = true;
    result = std::move(corrected);
  }
  if (options.check_fresh) result.stale = stale_folders(db_);
  result.missing_shards = missing_;
  return result;
}

}  // namespace trawl::searcher
