#include "command_line.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "dates.h"
#include "diag.h"
#include "error.h"
#include "file_types.h"
#include "hyperlink.h"
#include "paths.h"
#include "search.h"
#include "trawl_version.h"
#include "weighting.h"

namespace trawl::searcher {
namespace {

// --color auto: colour on a terminal, unless NO_COLOR is set or TERM=dumb.
bool want_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  if (no_color && *no_color) return false;
  if (term && std::string(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO);
}

std::string date_flag(const char* flag, const std::string& value, bool end) {
  if (value.empty()) return std::string();
  std::string bound = date_bound(value, end);
  if (bound.empty()) {
    throw Error(std::string(flag) + " " + quote(value) + ": not a date (use YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  return bound;
}

// A switch and its opposite: the last one given wins, so that the command
// line (parsed after the configuration file) can undo the file's.
void add_switch(CLI::App& app, const std::string& on, const std::string& off, bool* value,
                const std::string& help) {
  app.add_flag_callback(on, [value] { *value = true; }, help)->trigger_on_parse();
  app.add_flag_callback(off, [value] { *value = false; },
                        "The opposite of " + on.substr(on.rfind(',') + 1) + " (the last one given wins)")
      ->trigger_on_parse();
}

void add_hit_options(CLI::App& app, SearchOptions& o, Flags& f) {
  app.add_option("-n,-m,--limit,--max-count", o.limit,
                 "Number of hits to show (default 10; 0: every match)")
      ->check(CLI::Range(0, 1000000));
  app.add_option("--offset", o.offset, "Skip this many hits first (default 0)")
      ->check(CLI::Range(0, 100000000));
  app.add_option("--snippet-len", o.snippet_chars, "Snippet length in characters (default 200)")
      ->check(CLI::Range(20, 100000));
  app.add_option("-C,--context", f.context,
                 "Passages of whole lines: each match's lines and N lines before and after, "
                 "numbered as grep -C does (N:match, N-context)")
      ->check(CLI::Range(0, 1000));
  app.add_option("-A,--after-context", f.after_context,
                 "As -C, with N lines after each match (overrides -C's)")
      ->check(CLI::Range(0, 1000));
  app.add_option("-B,--before-context", f.before_context,
                 "As -C, with N lines before each match (overrides -C's)")
      ->check(CLI::Range(0, 1000));
  add_switch(app, "--no-snippets", "--snippets", &f.no_snippets,
             "Show hits without passages: rank, title, path and score (faster; not with "
             "--vimgrep, which prints passages)");
  app.add_option("--passages", o.passages, "Show up to N best passages per hit (default 1)")
      ->check(CLI::Range(1, 100));
}

void add_output_options(CLI::App& app, SearchOptions& o, Flags& f) {
  add_switch(app, "--json", "--no-json", &f.json, "JSON Lines: one hit record per line, then a summary");
  app.add_option("--format", f.format,
                 "Output: text (default), json (= --json), or trec (a TREC run: qid Q0 docid "
                 "rank score tag)")
      ->check(CLI::IsMember({"text", "json", "trec"}));
  app.add_option("--queries", o.queries_file,
                 "Run every query of FILE ('-': stdin): JSON Lines with _id and text, or "
                 "id<TAB>query lines");
  app.add_option("-j,--jobs,--threads", o.jobs,
                 "With --queries: threads running the queries, printed in file order "
                 "(default: one per core)")
      ->check(CLI::Range(1, 256));
  app.add_option("--run-tag", o.run_tag, "With --format trec: the run's name (default trawl)");
  add_switch(app, "--vimgrep", "--no-vimgrep", &o.vimgrep,
             "One line per passage: path:line:column:passage");
  app.add_flag("-l,--files-with-matches", f.files, "Print only the paths of matching files, ranked");
  app.add_flag("-L,--files-without-match", f.files_without,
               "Print the paths of the indexed files (within -t, -g, dates) that do not match, "
               "in path order, all of them");
  add_switch(app, "-0,--null", "--no-null", &o.null_separated,
             "With -l or -L, end each path with NUL, not newline");
  app.add_flag("-c,--count", f.count, "Print only the number of matching documents (exact)");
  add_switch(app, "--estimate", "--no-estimate", &o.estimate,
             "With -c or --facets: Xapian's estimate and bounds, faster");
  app.add_flag("-q,--quiet", f.quiet, "Print nothing; exit 0 if anything matched");
  app.add_option("--color", f.color, "When to use colour: auto (default), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--colors", f.colors,
                 "Colour of path, line, match, title or dim text, as ripgrep: TYPE:fg|bg:COLOUR "
                 "(black red green yellow blue magenta cyan white, 0-255, or r,g,b), "
                 "TYPE:style:bold|nobold|intense|nointense|underline|nounderline, or TYPE:none "
                 "(repeatable)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->allow_extra_args(false);
  app.add_option("--hyperlink-format", f.hyperlink_format,
                 "Make paths clickable links in coloured output: none (default), default (file://), "
                 "kitty, vscode, vscode-insiders, vscodium, cursor, textmate, macvim, or a template "
                 "with {path}, {host}, {line}, {column}");
}

void add_source_options(CLI::App& app, SearchOptions& o, Flags& f) {
  app.add_option("-e,--query", f.dash_words, "A query that starts with '-' (repeatable)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("-f,--file", o.query_files,
                 "Queries from FILE ('-': stdin), one a line; a document matches any of them, "
                 "or the query given (as grep -f; repeatable)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--db", f.dbs,
                 "Database, or a stub listing shards (default: $TRAWL_DB, else the nearest .trawl/ "
                 "here or above); repeat to search several as one")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->allow_extra_args(false);
  app.add_option("--timeout", o.open.timeout_seconds,
                 "Seconds a remote shard may take to connect or answer (default 5)")
      ->check(CLI::Range(0.1, 3600.0));
  add_switch(app, "--fresh", "--no-fresh", &o.fresh,
             "First bring the database up to date: run trawl-index over the paths it was built "
             "from (a walk and a stat per file when nothing changed)");
  add_switch(app, "--allow-partial", "--no-allow-partial", &o.open.allow_partial,
             "If a shard is down or does not answer, search the others (with a warning)");
}

void add_matching_options(CLI::App& app, SearchOptions& o, Flags& f) {
  add_switch(app, "--or", "--and", &o.match_any, "Match any word instead of all (ranked by how many)");
  app.add_flag_callback("--expand", [&f] { f.expand = 1; },
                        "Add words the best hits share to any query (pseudo-relevance feedback; "
                        "automatic for queries of 3 or more content words)")
      ->trigger_on_parse();
  app.add_flag_callback("--no-expand", [&f] { f.expand = -1; }, "Never add words from the best hits")
      ->trigger_on_parse();
  add_switch(app, "--keep-stopwords", "--no-keep-stopwords", &f.keep_stopwords,
             "Keep function words (the, of, which) in the query; by default they are left out "
             "unless quoted or alone");
  app.add_option("--weighting", o.weighting,
                 "Ranking formula: bm25 (default), bm25+, pl2, dph, dlh, inl2, ifb2, "
                 "ineb2, bb2, tfidf, lm, coord; parameters as bm25:k1=1.2,b=0.75");
  add_switch(
      app, "--no-stem", "--stem", &f.no_stem,
      "Match each word only as typed (case still folded, accents as usual), not its other forms");
  add_switch(app, "--fold-accents", "--no-fold-accents", &o.fold_accents,
             "A word typed with accents also matches it without them (by default \"résumé\" "
             "finds only résumé; \"resume\" always finds both)");
  // As ripgrep: the last of -i, -s and -S given wins.
  app.add_flag_callback("-s,--case-sensitive", [&o] { o.case_mode = CaseMode::kSensitive; },
                        "Match each word as typed: its case and accents, no other forms "
                        "(checked in the text of the documents that match)")
      ->trigger_on_parse();
  app.add_flag_callback("-S,--smart-case", [&o] { o.case_mode = CaseMode::kSmart; },
                        "As -s if a word is typed with a capital letter, else as -i")
      ->trigger_on_parse();
  app.add_flag_callback("-i,--ignore-case", [&o] { o.case_mode = CaseMode::kIgnore; },
                        "Match words in any case (the default; the last of -i, -s, -S wins)")
      ->trigger_on_parse();
  add_switch(app, "-F,--fixed-strings", "--no-fixed-strings", &o.fixed_strings,
             "Treat the query as plain words: no operators, phrases or wildcards");
  add_switch(app, "--synonyms", "--no-synonyms", &o.synonyms,
             "Also match the synonyms of every word (~word: of one)");
  add_switch(app, "--auto-correct", "--no-auto-correct", &o.auto_correct,
             "If nothing matched and a spelling suggestion exists, search for it");
}

void add_filter_options(CLI::App& app, SearchOptions& o, Flags& f) {
  app.add_option("--after", f.after, "Only documents dated on or after DATE (YYYY[-MM[-DD]])");
  app.add_option("--before", f.before, "Only documents dated on or before DATE (YYYY[-MM[-DD]])");
  app.add_option("-t,--type", f.types,
                 "Only files of this type (by extension, as trawl-index -t: markdown, md, text, "
                 "html, pdf, email, mbox, jsonl, json, rtf, office, epub, archive; repeatable; "
                 "see --type-list)")
      ->allow_extra_args(false);
  app.add_option("-T,--type-not", f.types_not, "No files of this type (repeatable)")
      ->allow_extra_args(false);
  app.add_flag("--type-list", f.type_list, "List the file types and their extensions, then exit");
  app.add_option("-g,--glob", o.globs,
                 "Only files whose path (relative to here) matches GLOB (gitignore syntax; "
                 "'!GLOB' excludes; repeatable, the last matching one decides)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->allow_extra_args(false);
}

void add_order_options(CLI::App& app, SearchOptions& o, Flags& f) {
  app.add_option("--sort", f.sort,
                 "Order: relevance (default), date (the document's), modified (the file's), path "
                 "or size")
      ->check(CLI::IsMember({"relevance", "date", "modified", "path", "size"}));
  add_switch(app, "--reverse", "--no-reverse", &o.reverse, "With --sort: descending");
  app.add_option_function<std::string>(
         "--sortr", [&f, &o](const std::string& key) { f.sort = key, o.reverse = true; },
         "--sort KEY --reverse (ripgrep's spelling)")
      ->check(CLI::IsMember({"date", "modified", "path", "size"}))
      ->trigger_on_parse();
  app.add_option("--facets", f.facets, "Count the matches per value of: ext,year,lang,author");
  add_switch(app, "--no-collapse", "--collapse", &f.no_collapse,
             "Show near-duplicates, and the parts of a long text, as hits of their own");
  app.add_option("--like", o.like, "Documents similar to this file (path) or record (id)");
  add_switch(app, "--explain", "--no-explain", &o.explain,
             "Show each matched term's share of each hit's score");
  add_switch(app, "--debug", "--no-debug", &o.debug, "Print the rewritten and parsed query on stderr");
  add_switch(app, "--stats", "--no-stats", &o.stats,
             "After the results, print on stderr how many documents matched, how many were "
             "shown and the time taken");
}

}  // namespace

void add_options(CLI::App& app, SearchOptions& o, Flags& f) {
  // An option given twice takes its last value: the command line, parsed
  // after the configuration file, wins.
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("QUERY", f.words, "Query words (joined with spaces)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  // Option groups are sections of --help, and each checks new names against
  // its own options only: CLI11 compares every pair of one list, which for
  // 80 options in one list was an eighth of a query's instructions.
  add_source_options(*app.add_option_group("Database"), o, f);
  add_matching_options(*app.add_option_group("Matching"), o, f);
  add_filter_options(*app.add_option_group("Filters"), o, f);
  add_order_options(*app.add_option_group("Order, folding and diagnostics"), o, f);
  add_hit_options(*app.add_option_group("Hits and passages"), o, f);
  add_output_options(*app.add_option_group("Output"), o, f);
  app.add_flag("--no-config", f.no_config, "Do not read the configuration file");
  app.add_option("--generate", f.generate,
                 "Print a man page or shell completion: man, complete-bash, complete-zsh, "
                 "complete-fish")
      ->check(CLI::IsMember({"man", "complete-bash", "complete-zsh", "complete-fish"}));
  app.set_version_flag("-V,--version", "trawl-search " TRAWL_VERSION);
}

namespace {

// Appends the queries of -f `path` ('-': stdin) to *lines: one a line,
// blank lines skipped. Throws trawl::Error if it cannot be read, or holds a
// query or more queries than a search takes.
void read_query_lines(const std::string& path, std::vector<std::string>* lines) {
  std::ifstream file;
  if (path != "-") file.open(path);
  std::istream& in = path == "-" ? std::cin : file;
  if (!in) throw Error("-f " + quote(path) + ": cannot read");
  size_t line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    if (line.size() > kMaxQueryBytes) {
      throw Error("-f " + quote(path) + ": line " + std::to_string(line_no) + ": query of " +
                  std::to_string(line.size()) + " bytes: the limit is " +
                  std::to_string(kMaxQueryBytes));
    }
    if (lines->size() == kMaxQueryLines) {
      throw Error("-f " + quote(path) + ": more than " + std::to_string(kMaxQueryLines) +
                  " queries (--queries runs any number, each on its own)");
    }
    lines->push_back(std::move(line));
  }
  if (in.bad()) throw Error("-f " + quote(path) + ": cannot read");
}

}  // namespace

void finish_options(const Flags& f, const std::string& cwd, SearchOptions& o) {
  const bool json = f.json || f.format == "json", trec = f.format == "trec";
  if (json + trec + f.files + f.files_without + f.count + f.quiet > 1) {
    throw Error("--json, --format json|trec, -l, -L, -c and -q cannot be combined");
  }
  o.mode = json ? OutputMode::kJson : trec ? OutputMode::kTrec : f.files ? OutputMode::kFiles
         : f.files_without ? OutputMode::kFilesWithout
         : f.count ? OutputMode::kCount : f.quiet ? OutputMode::kQuiet
                                                  : OutputMode::kText;
  o.color = o.mode == OutputMode::kText && want_color(f.color);
  const std::string link = hyperlink_template(f.hyperlink_format);  // throws for a bad one
  o.hyperlink = o.color ? link : "";
  make_weighting(o.weighting);  // throws for a bad --weighting
  o.stopwords = !f.keep_stopwords;
  o.stem = !f.no_stem;
  o.expand = f.expand > 0 ? Expand::kOn : f.expand < 0 ? Expand::kOff : Expand::kAuto;
  o.ranking = ranking_from_env(std::getenv("TRAWL_RANKING"));
  // A TREC run ranks every document: nothing is folded away.
  o.collapse = !f.no_collapse && !trec;
  o.sort = f.sort == "date" ? SortBy::kDate : f.sort == "modified" ? SortBy::kModified
         : f.sort == "path" ? SortBy::kPath : f.sort == "size" ? SortBy::kSize
                            : SortBy::kRelevance;
  if (o.reverse && o.sort == SortBy::kRelevance) {
    throw Error("--reverse needs --sort date, modified, path or size");
  }
  o.cwd = cwd;
  o.snippets = !f.no_snippets || o.vimgrep;
  o.palette = parse_colors(f.colors);
  // As grep: -A and -B win over -C, whatever the order.
  o.context.before = f.before_context >= 0 ? f.before_context : f.context;
  o.context.after = f.after_context >= 0 ? f.after_context : f.context;
  o.types = type_formats(f.types, "-t");
  o.types_not = type_formats(f.types_not, "-T");
  o.after = date_flag("--after", f.after, false);
  o.before = date_flag("--before", f.before, true);
  for (const std::string& name : CLI::detail::split(f.facets, ',')) {
    if (!name.empty()) o.facets.push_back(name);
  }
  if (!o.like.empty()) {
    struct stat st;
    std::string abs = absolute_path(o.like, cwd);
    if (::stat(abs.c_str(), &st) == 0) o.like = abs;
  }
  std::vector<std::string> words = f.dash_words;
  words.insert(words.end(), f.words.begin(), f.words.end());
  for (const std::string& w : words) o.query += (o.query.empty() ? "" : " ") + w;
  const bool blank = o.query.find_first_not_of(" \t\n") == std::string::npos;
  if (!o.query_files.empty()) {
    if (!o.queries_file.empty()) {
      throw Error("-f and --queries cannot be combined (--queries runs each line on its own)");
    }
    o.query_lines.clear();
    for (const std::string& path : o.query_files) read_query_lines(path, &o.query_lines);
    return;  // no lines, no words: a search that matches nothing (grep -f /dev/null)
  }
  if (!o.queries_file.empty()) {
    if (!blank) throw Error("--queries reads the queries from a file: give no query words");
    if (!o.like.empty()) throw Error("--queries and --like cannot be combined");
    return;
  }
  if (blank && o.like.empty() && o.after.empty() && o.before.empty() && o.types.empty() &&
      o.types_not.empty()) {
    throw Error("no query given (try: trawl-search --help)");
  }
}

namespace {

// Parses the configuration file's arguments alone, so that a bad line is
// reported with the file's name rather than as a command-line error.
void check_config(const std::string& path, std::vector<std::string> args) {
  if (args.empty()) return;
  CLI::App app;
  SearchOptions o;
  Flags f;
  add_options(app, o, f);
  std::reverse(args.begin(), args.end());
  try {
    app.parse(std::move(args));
  } catch (const CLI::Error& e) {
    throw Error("configuration file " + quote(path) + ": " + e.what());
  }
  if (!f.words.empty() || !f.dash_words.empty()) {
    throw Error("configuration file " + quote(path) + ": " +
                quote(f.words.empty() ? f.dash_words.front() : f.words.front()) +
                " is a query, not an option (only options belong there)");
  }
}

}  // namespace

std::vector<std::string> config_args(const std::vector<std::string>& args) {
  bool db_given = false;  // --db on the command line replaces the file's
  for (const std::string& a : args) {
    if (a == "--no-config") return {};
    if (a == "--") break;
    if (a == "--db" || a.rfind("--db=", 0) == 0) db_given = true;
  }
  std::string path;
  const char* env = std::getenv("TRAWL_CONFIG_PATH");
  if (env && *env) {
    path = env;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    path = std::string(home) + "/.config/trawl/config";
  }
  std::ifstream in(path);
  if (!in) {
    if (env && *env) throw Error("$TRAWL_CONFIG_PATH " + quote(path) + ": cannot read");
    return {};
  }
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    size_t start = line.find_first_not_of(' ');
    if (start == std::string::npos || line[start] == '#') continue;
    const std::string arg = line.substr(start);
    if (db_given && (arg.rfind("--db=", 0) == 0 || arg.rfind("--db ", 0) == 0)) continue;
    out.push_back(arg);
  }
  check_config(path, out);
  return out;
}

}  // namespace trawl::searcher
