// Query rewriting and parsing: what QueryParser sees and what it builds.
#include <doctest/doctest.h>

#include <string_view>
#include <vector>

#include "query.h"
#include "support/test_index.h"

namespace trawl {
namespace {

struct RewriteCase {
  std::string_view input;
  std::string_view rewritten;
  bool fixed = false;
};

const RewriteCase kRewrites[] = {
    {"Montréal", "montreal"},
    {"MONTRÉAL AND Québec", "montreal AND quebec"},
    {"war and peace", "war and peace"},
    {"a OR b NOT c XOR d", "a OR b NOT c XOR d"},
    {"a NEAR/3 b ADJ c", "a NEAR/3 b ADJ c"},
    {"\"Russia's sanctions\"", "\"russia s sanctions\""},
    {"“smart quotes”", "\"smart quotes\""},
    {"Russia's", "russia-s"},
    {"co-ordinated", "co-ordinated"},
    {"1,400", "1-400"},
    {"U.S.", "u-s"},
    {"+Navalny -Putin", "+navalny -putin"},
    {"-co-ordinated", "-co-ordinated"},
    // Next to NEAR or ADJ a compound goes joined (NEAR takes terms only).
    {"e-mail NEAR canada", "email NEAR canada"},
    {"e-mail*", "email*"},  // no wildcard in a phrase: the joined form's
    {"canada NEAR/3 co-ordinated", "canada NEAR/3 coordinated"},
    {"e-mail ADJ co-ordinated NEAR x", "email ADJ coordinated NEAR x"},
    {"e-mail AND canada", "e-mail AND canada"},
    // A phrase next to NEAR or ADJ: the phrase, and its words in the chain.
    {"\"e-mail\" NEAR canada", "(\"e mail\" AND e NEAR mail NEAR canada)"},
    {"\"harbour bridge\" NEAR/3 \"city hall\" ADJ x",
     "(\"harbour bridge\" AND \"city hall\" AND harbour NEAR/3 bridge NEAR/3 city NEAR/3 hall) ADJ x"},
    {"(\"a b\" ADJ c) OR d", "((\"a b\" AND a ADJ b ADJ c)) OR d"},
    {"x \"a\" NEAR b", "x a NEAR b"},
    {"+\"a b\" NEAR c", "+\"a b\" NEAR c"},        // a lead: left alone
    {"title:\"a b\" NEAR c", "title:\"a b\" NEAR c"},
    {"\"a b\" AND c", "\"a b\" AND c"},
    {"\"a NEAR b\"", "\"a near b\""},
    {"title:e-mail NEAR canada", "title:e-mail NEAR canada"},
    {"sanct*", "sanct*"},
    {"SANCT*", "sanct*"},
    {"title:Arctic", "title:arctic"},
    {"title:\"Arctic Council\"", "title:\"arctic council\""},
    {"Title:Arctic", "title:arctic"},
    {"author:Müller ext:.PDF", "author:muller ext:pdf"},
    {"path:News -lang:FR", "path:news -lang:fr"},
    {"ext:", ""},
    {"foo:bar", "foo-bar"},
    {"(a OR b) AND c", "(a OR b) AND c"},
    {"+(a b)", "+(a b)"},
    {"中华人民共和国", "中华-人民-共和国"},
    {"  spaced   out  ", "spaced out"},
    {"!!! ???", ""},
    {"Straße", "strasse"},
    {"\"AND\"", "\"and\""},
    {"c++", "c"},
    // Ranges: ends normalised to YYYYMMDD and bytes; bad ones left out.
    {"date:2021..2022-06", "date:20210101..20220631"},
    {"date:2024", "date:20240101..20241231"},
    {"DATE:2024", "date:20240101..20241231"},
    {"date:..2023-12", "date:..20231231"},
    {"date:2024-05-03..", "date:20240503.."},
    {"date:2021-01-01..2021-12-31", "date:20210101..20211231"},
    {"size:1M..10M", "size:1048576..10485760"},
    {"size:..500K", "size:..512000"},
    {"size:10k..", "size:10240.."},
    {"harbour date:2024 ext:md", "harbour date:20240101..20241231 ext:md"},
    {"date:2024-13..2025", ""},
    {"size:big..", ""},
    {"harbour size:1X..", "harbour"},
    // ~word: the word, marked for synonyms.
    {"~Alexei", "alexei"},
    {"~Alexei Navalny", "alexei navalny"},
    // -F: everything is a word.
    {"a AND b", "a and b", true},
    {"\"a b\" -c title:d e*", "a b c title-d e", true},
    {"co-ordinated", "co-ordinated", true},
};

TEST_CASE("rewrite_query: operators kept, words analysed") {
  Analyzer analyzer;
  for (const RewriteCase& c : kRewrites) {
    CAPTURE(c.input);
    CAPTURE(c.fixed);
    CHECK(searcher::rewrite_query(c.input, c.fixed, analyzer).text == c.rewritten);
  }
}

struct MarkCase {
  std::string_view input;
  std::vector<std::string> synonyms;  // words asked for with ~
  size_t problems;                    // ranges left out
};

const MarkCase kMarks[] = {
    {"~Alexei Navalny", {"alexei"}, 0},
    {"~Alexei ~Tsikhanouskaya", {"alexei", "tsikhanouskaya"}, 0},
    {"harbour", {}, 0},
    {"date:2024-13..2025 size:big..", {}, 2},
    {"date:2024..2025 size:1M..", {}, 0},
};

TEST_CASE("rewrite_query: ~ marks synonyms, bad ranges are reported") {
  Analyzer analyzer;
  for (const MarkCase& c : kMarks) {
    CAPTURE(c.input);
    searcher::Rewrite r = searcher::rewrite_query(c.input, false, analyzer);
    CHECK(r.synonyms == c.synonyms);
    CHECK(r.problems.size() == c.problems);
  }
}

struct ExcludedCase {
  std::string_view text;
  std::string_view want;  // "" : not only excluded items
};

const ExcludedCase kExcluded[] = {
    {"-draft", "NOT draft"},
    {"-draft -\"old notes\"", "NOT draft NOT \"old notes\""},
    {"-(a OR b)  -c", "NOT (a OR b)  NOT c"},
    {"-\"a -b\"", "NOT \"a -b\""},
    {"draft -old", ""},
    {"-draft old", ""},
    {"- draft", ""},
    {"-", ""},
    {"", ""},
    {"  ", ""},
    {"+draft", ""},
};

TEST_CASE("only_excluded: queries of '-' items alone become pure NOTs") {
  for (const ExcludedCase& c : kExcluded) {
    CAPTURE(c.text);
    CHECK(searcher::only_excluded(c.text) == c.want);
  }
}

TEST_CASE("rewrite_query: wildcard prefixes are folded") {
  Analyzer analyzer;
  searcher::Rewrite r = searcher::rewrite_query("Montré* café", false, analyzer);
  REQUIRE(r.wildcards.size() == 1);
  CHECK(r.wildcards[0] == "montre");
}

struct ParseCase {
  std::string_view input;
  std::string_view description;  // Xapian's Query::get_description()
  bool match_any = false;
};

const ParseCase kParses[] = {
    // A word matches every indexed word with its stem (the stem table).
    {"sanctions", "Query((sanction SYNONYM sanctioned SYNONYM sanctions))"},
    {"Canada sanctions", "Query((canada AND (sanction SYNONYM sanctioned SYNONYM sanctions)))"},
    {"Canada sanctions", "Query((canada OR (sanction SYNONYM sanctioned SYNONYM sanctions)))",
     true},
    {"\"jailed in 2014\"", "Query((jailed@1 PHRASE 3 in@2 PHRASE 3 2014@3))"},
    {"title:arctic", "Query(Sarctic)"},
    {"Russia's", "Query(((russia@1 PHRASE 2 s@2) OR 0 * Zrussia))"},  // no "russia" indexed
    {"flood NOT bridge", "Query((floods AND_NOT bridges))"},
    {"unknownword", "Query(Zunknownword@1)"},  // no indexed word has this stem
    {"2014", "Query(2014@1)"},
    {"AND", "Query(Zand@1)"},  // a syntax error, retried as a word
    // Only excluded items: everything but them (Xapian alone drops the '-').
    {"-bridges", "Query((<alldocuments> AND_NOT bridges))"},
    {"-bridges -floods", "Query(((<alldocuments> AND_NOT bridges) AND_NOT floods))"},
    {"-\"jailed in 2014\"", "Query((<alldocuments> AND_NOT (jailed@1 PHRASE 3 in@2 PHRASE 3 2014@3)))"},
    {"-(floods OR bridges)", "Query((<alldocuments> AND_NOT (floods OR bridges)))"},
    {"canada -floods", "Query((canada AND_NOT floods))"},
    // A compound also finds its parts joined (the alias documents index),
    // without weight: as typed ranks first.
    {"co-ordinated", "Query(((co@1 PHRASE 2 ordinated@2) OR 0 * coordinated))"},
    {"E-Mail canada", "Query((((e@1 PHRASE 2 mail@2) OR 0 * emails) AND canada))"},
    {"1,400", "Query(((1@1 PHRASE 2 400@2) OR 0 * 1400))"},
    {"\"co-ordinated floods\"", "Query((co@1 PHRASE 3 ordinated@2 PHRASE 3 floods@3))"},
    {"title:e-mail", "Query((Se@1 PHRASE 2 Smail@2))"},  // fields: as before
    {"e-mail*", "Query(WILDCARD SYNONYM email)"},  // the joined form's words: emails
    {"e-mail NEAR canada", "Query((email@1 NEAR 11 canada@2))"},  // no stray "near" word
    {"\"canada floods\" NEAR bridges",
     "Query(((canada@1 PHRASE 2 floods@2) AND (canada@3 NEAR 12 floods@4 NEAR 12 bridges@5)))"},
};

TEST_CASE("QueryBuilder: parsed queries") {
  Xapian::WritableDatabase db = testing::make_index(
      {{"d", "Arctic notes", "sanctions sanctioned sanction Canada floods bridges coordinated emails"}});
  for (const ParseCase& c : kParses) {
    CAPTURE(c.input);
    searcher::QueryOptions options;
    options.match_any = c.match_any;
    searcher::QueryBuilder builder(db, Xapian::Stem("english"), options);
    CHECK(builder.build(c.input).query.get_description() == c.description);
  }
}

struct ExactCase {
  std::string_view input;
  std::string_view description;
  bool synonyms = false;  // --synonyms
};

// --no-stem: each word as typed (folded); user synonyms as written.
const ExactCase kExact[] = {
    {"sanctions", "Query(sanctions@1)"},
    {"Canada SANCTIONED", "Query((canada@1 AND sanctioned@2))"},
    {"title:arctic", "Query(Sarctic@1)"},
    {"\"jailed in 2014\"", "Query((jailed@1 PHRASE 3 in@2 PHRASE 3 2014@3))"},
    {"~halcyon", "Query((halcyon@1 SYNONYM kingfisher))"},
    {"halcyon floods", "Query(((halcyon@1 SYNONYM kingfisher) AND floods@2))", true},
    {"~kingfishers", "Query(kingfishers@1)"},  // the group is of "kingfisher"
    {"~sanctions", "Query(sanctions@1)"},       // a word of no group
};

TEST_CASE("QueryBuilder: --no-stem matches words as typed") {
  Xapian::WritableDatabase db = testing::make_index(
      {{"d", "Arctic notes", "sanctions sanctioned sanction Canada floods kingfishers"}});
  db.add_synonym("halcyon", "kingfisher");
  db.add_synonym("kingfisher", "halcyon");
  db.commit();
  for (const ExactCase& c : kExact) {
    CAPTURE(c.input);
    searcher::QueryOptions options;
    options.stem = false;
    options.synonyms = c.synonyms;
    searcher::QueryBuilder builder(db, Xapian::Stem("english"), options);
    const searcher::BuiltQuery built = builder.build(c.input);
    CHECK(built.query.get_description() == c.description);
  }
  searcher::QueryOptions options;
  options.stem = false;
  searcher::QueryBuilder builder(db, Xapian::Stem("english"), options);
  TermMatcher m = builder.matcher(builder.build("sanctions"));
  CHECK(m.match("sanctions") != "");
  CHECK(m.match("sanctioned") == "");
}

TEST_CASE("QueryBuilder: a syntax error is retried as words, with a warning") {
  Xapian::WritableDatabase db = testing::make_index({{"d", "", "text"}});
  searcher::QueryBuilder builder(db, Xapian::Stem("english"), {});
  searcher::BuiltQuery ok = builder.build("a AND b");
  CHECK(ok.warning.empty());
  searcher::BuiltQuery bad = builder.build("AND");
  CHECK_FALSE(bad.warning.empty());
  CHECK(bad.rewritten == "and");
}

TEST_CASE("QueryBuilder: the matcher leaves out NOT branches") {
  Xapian::WritableDatabase db = testing::make_index({{"d", "", "text"}});
  searcher::QueryBuilder builder(db, Xapian::Stem("english"), {});
  TermMatcher m = builder.matcher(builder.build("floods NOT bridges"));
  CHECK(m.match("flooded") != "");
  CHECK(m.match("bridge") == "");
}

}  // namespace
}  // namespace trawl
