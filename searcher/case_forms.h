// Case-sensitive matching (-s, and -S when a word is typed with a capital):
// words that match only as typed.
//
// The index holds folded terms only: "Apple", "APPLE" and "apple" are all
// the term apple. So case is checked in the text itself, after Xapian has
// matched the folded terms. A document matches when the words the query
// asks for are written there as typed, in its title or its body:
//
//   trawl-search -s 'US trade'   forms {us: "US", trade: "trade"}
//     "The US limits trade."     matches
//     "Tell us about trade."     does not (us is not written "US")
//
// The check reads no more than it must. A short text (in its record) is
// analysed only around the places a typed form occurs as bytes (a phrase:
// whole, once every typed word occurs). A long one is read a piece at a
// time (stored_text.h) at the positions Xapian holds for the word or
// phrase (phrase_positions.h), and the check stops at the first
// occurrence written as typed. So a word written as typed early in a
// book costs one piece; a word never written so costs reading every piece
// that holds it, as grep would.
//
// The query's structure is kept: under OR one word written as typed is
// enough, under AND every word must be, and excluded words (NOT, -word) and
// the ranking's extra terms are not checked. A phrase must be written as
// typed as a phrase: -s '"New York"' does not match "New york" nor a text
// with "new york" and New and York elsewhere. NEAR and ADJ check their
// words one by one. Wildcards, fields (title:, author:) and CJK character
// pairs are not checked: they match as without -s.
//
// Passages then show and highlight only words written as typed.
//
// Thread-compatible; CaseChecker and CaseFilter are not thread-safe (they
// own an Analyzer).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analyzer.h"
#include "schema.h"

namespace trawl::searcher {

// -i (the default), -s, -S: as ripgrep.
enum class CaseMode {
  kIgnore,     // -i, --ignore-case: every word in any case
  kSensitive,  // -s, --case-sensitive: every word as typed
  kSmart,      // -S, --smart-case: as typed if a word has a capital, else any case
};

// The words of a query that must match as typed, by the term the query has
// for them (a folded word, or its accented form when typed with marks).
class CaseForms {
 public:
  void add(const std::string& term, std::string form);
  // Adds every form `other` asks for.
  void add(const CaseForms& other);
  bool empty() const { return forms_.empty(); }
  bool asks(const std::string& term) const { return forms_.count(term) > 0; }
  bool asks_any(const std::vector<std::string>& terms) const;
  // The forms typed for `term` (none if not asked).
  const std::vector<std::string>& forms_of(const std::string& term) const;
  // Whether `text` holds, as bytes, a typed form of each of `terms` the
  // query asks about: if not, they are not all written there as typed (a
  // cheap test before analysis).
  bool may_hold_all(std::string_view text, const std::vector<std::string>& terms) const;

  // Whether token `t` of `text` is written as the query asks: true when
  // the query asks nothing of its term (or accented form).
  bool as_typed(std::string_view text, const Token& t) const;
  // Blanks the term and accented form of every token of `text` the query
  // asks for but that is written otherwise, so that no matcher takes it.
  void mask(std::string_view text, std::vector<Token>* tokens) const;

 private:
  std::map<std::string, std::vector<std::string>> forms_;
};

// Whether `form` holds an upper- or title-case letter (-S).
bool has_upper(std::string_view form);

// Finds where a document writes a term as typed.
class CaseChecker {
 public:
  // `db` is what is searched, `parts` its databases in the order added
  // (document d lives in parts[(d - 1) % parts.size()]).
  CaseChecker(Xapian::Database db, std::vector<Xapian::Database> parts, CaseForms forms);

  const CaseForms& forms() const { return forms_; }

  // The docid in `db` of the document a match decider is given: Xapian
  // 1.4 gives it with its docid in its own part. 0 if not found.
  Xapian::docid docid_in_db(Xapian::docid in_part, const schema::DocRecord& record) const;

  // Whether document `did`, whose record is `record`, writes `terms` at
  // consecutive positions (a phrase; one term: a word), each word the
  // query asks for written as typed, in its title or body. A long text's
  // anchors are loaded into *record if needed. A piece its file no longer
  // holds counts as written so (it cannot be told; the hit says its file
  // changed).
  bool holds(Xapian::docid did, schema::DocRecord* record, const std::vector<std::string>& terms);

  // The body positions where `terms` (a phrase; one term: a word) start
  // in document `did`, written as typed, in order, reading at most `max_pieces` pieces of its text
  // (stored_text.h: about 4 KB each); positions in pieces not read are
  // left out, but for the one holds() found. Every start, unchecked, for
  // a text without anchors (analysed whole) or a phrase the query asks
  // nothing of.
  // REQUIRES: the record's anchors are loaded (load_anchors).
  std::vector<Xapian::termpos> typed_positions(Xapian::docid did, const schema::DocRecord& record,
                                               const std::vector<std::string>& terms,
                                               size_t max_pieces);

 private:
  // The words of phrase `terms` whose positions are read (phrase_positions.h).
  const std::vector<uint32_t>& probes(const std::vector<std::string>& terms);
  // Of the body positions `starts` where `terms` may begin, those where the
  // text writes them as typed, reading the pieces that hold them (at most
  // `max_pieces`), stopping after the first found if `first_only`.
  std::vector<Xapian::termpos> check_starts(Xapian::docid did, const schema::DocRecord& record,
                                            const std::vector<std::string>& terms,
                                            const std::vector<Xapian::termpos>& starts,
                                            size_t max_pieces, bool first_only);
  // Whether `text` writes `terms` as typed. For one word only the words
  // around each place a typed form occurs are analysed (words never span
  // white space); a phrase is looked for in the whole analysis.
  bool in_text(std::string_view text, const std::vector<std::string>& terms);
  // The positions in tokens_ (an analysis from `text`) where `terms`
  // start written as typed: all, or the first only.
  std::vector<Xapian::termpos> typed_starts(std::string_view text,
                                            const std::vector<std::string>& terms,
                                            const std::vector<Xapian::termpos>* among,
                                            bool first_only) const;
  Xapian::Database db_;
  std::vector<Xapian::Database> parts_;
  CaseForms forms_;
  // The first typed body position holds() found, by document and words:
  // typed_positions() adds it when its budget of pieces stops short.
  std::map<std::pair<Xapian::docid, std::vector<std::string>>, Xapian::termpos> first_found_;
  std::map<std::vector<std::string>, std::vector<uint32_t>> probes_;
  Analyzer analyzer_;
  std::vector<Token> tokens_;
};

// A match decider that keeps the documents writing the query's words as
// typed (see the top of this file), and that `also` (-g's PathFilter, or
// null) keeps.
class CaseFilter : public Xapian::MatchDecider {
 public:
  // `query` is the query as built from the words (before the ranking's
  // extra terms); `checker` must outlive the filter.
  CaseFilter(CaseChecker& checker, Xapian::Query query, const Xapian::MatchDecider* also);
  bool operator()(const Xapian::Document& doc) const override;

 private:
  CaseChecker& checker_;
  Xapian::Query query_;
  const Xapian::MatchDecider* also_;
};

}  // namespace trawl::searcher
