// Query rewriting: what the user typed -> text for Xapian's QueryParser in
// trawl's terms.
//
// The user's words go through the same Analyzer as the documents, and only
// then through QueryParser, so the whole Xapian query language keeps working
// on folded, segmented terms:
//
//   MONTREAL AND "Russia's sanctions" -co-ordinated sanct* title:Навальный
//   -> montreal AND "russia s sanctions" -co-ordinated sanct* title:навальный
//   date:2021..2022-06 size:1M..  ~alexei  Résumé
//   -> date:20210101..20220631 size:1048576..  alexei   (alexei: synonyms)
//      résumé   (marks kept: only résumé, see keep_marks; resume finds all)
//
// Operators (AND OR NOT XOR NEAR ADJ NEAR/n ADJ/n, in upper case), quotes
// (straight or typographic), brackets and leading + - stay; a leading ~
// asks for the word's synonyms; known fields keep their prefix (free-text
// fields such as title:, filters such as ext:, whose value is folded whole,
// and the ranges date: and size:, whose ends are normalised to YYYYMMDD and
// bytes). Every other word becomes its terms; a word that analyses into
// several terms (co-ordinated, Russia's, a run of Chinese) becomes a
// phrase. A trailing * makes a wildcard.
//
// Not thread-safe: uses the caller's Analyzer.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer.h"
#include "schema.h"

namespace trawl::searcher {

// The field names a query may use: free-text fields (title:, and the extra
// fields the database lists) and boolean filters (author:, ext:, type:,
// path:, lang:), whose values are folded but not split.
struct QueryFields {
  std::set<std::string> text = {std::string(schema::kTitleField)};
  std::set<std::string> filters = {std::string(schema::kAuthorField), std::string(schema::kExtField),
                                   std::string(schema::kTypeField), std::string(schema::kPathField),
                                   std::string(schema::kLangField)};
};

inline constexpr std::string_view kDateField = "date";
inline constexpr std::string_view kSizeField = "size";

// A word the analyzer split into parts and joined as an alias ("e-mail":
// {e, mail} and "email").
struct Compound {
  std::vector<std::string> parts;
  std::string joined;
};

struct Rewrite {
  std::string text;                     // for QueryParser
  std::vector<std::string> wildcards;   // folded wildcard prefixes
  std::vector<std::string> words;       // plain words (for spelling suggestions)
  // Each plain word's terms as the query has them (folded, or accented
  // when typed with marks; compounds' joined forms too) with the text
  // each was typed as: ("us", "US"). For -s (case_forms.h).
  std::vector<std::pair<std::string, std::string>> typed;
  std::vector<std::string> synonyms;    // words asked for with ~word
  std::vector<std::string> problems;    // ranges that could not be read
  // Compounds outside phrases, fields and wildcards (compounds.h matches
  // them joined too).
  std::vector<Compound> compounds;
};

// Whether the database holds a word's accented form (Token::accented).
using KeepMarks = std::function<bool(const std::string& accented)>;

// `keep_marks`: a word typed with marks ("résumé") stays with them, so that
// it finds only that spelling, when keep_marks says some document has it;
// else, or without keep_marks (--fold-accents), it is folded like any word
// ("resume", which finds résumé, resume and resumé). Wildcards and ~word
// are always folded.
Rewrite rewrite_query(std::string_view text, bool fixed_strings, Analyzer& analyzer,
                      const QueryFields& fields = QueryFields(), const KeepMarks& keep_marks = {});

// A rewritten text made only of excluded items ("-draft -\"old notes\"")
// as pure NOTs ("NOT draft NOT \"old notes\""): everything but them.
// Xapian's QueryParser takes a query of '-' items alone as if the '-' were
// not there ("-a -b" is a OR b). Any other text: "".
std::string only_excluded(std::string_view text);

// "10M" -> 10485760, "500K", "2G", "1000" (bytes); -1 if malformed.
int64_t parse_bytes(std::string_view text);

}  // namespace trawl::searcher
