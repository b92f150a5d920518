// Renderer: the only code that formats search results, on a std::ostream.
//
// Text mode (default), one block per hit:
//   1. Canada and allies discuss a joint response        <- title, bold
//      news/allies.txt  (score 7.31)                     <- path, magenta
//      …Alexei Navalny was jailed in 2021 …              <- snippet(s)
//      + 1 similar: news/allies-herald.md               <- near-duplicates
// then facet counts ("ext: txt 12, md 3"). --vimgrep: path:line:col:passage.
// Colour (ANSI) only if SearchOptions::color; matches in bold red. Titles,
// paths and snippets are made terminal-safe (control characters escaped).
// --json: {"type":"hit","data":{...}} per hit, then {"type":"summary",...};
//   strings exact (JSON-escaped), offsets in bytes into "snippet".
// -l: ranked paths, one per line (each file once), or NUL-terminated.
// -c: the number of matching documents.
// --format trec: "qid Q0 docid rank score tag" per hit (docid: the record
//   id, whitespace replaced by '_').
// In a batch (SearchOptions::query_id set): text blocks under a "## id: query"
// line, -l and -c lines prefixed with "id<TAB>", JSON records with "query_id".
// Not thread-safe.
#pragma once

#include <ostream>
#include <string>

#include "options.h"
#include "search.h"

namespace trawl::searcher {

class Renderer {
 public:
  // REQUIRES: `out` outlives the renderer. Paths are shown relative to `cwd`.
  Renderer(const SearchOptions& options, std::ostream& out, std::string cwd);

  // Writes the hits (and, for JSON, the summary record).
  void render(const SearchResult& result, double elapsed_seconds);

 private:
  void text_hit(const Hit& hit);
  // The passages under a hit: snippets, or -C's numbered lines.
  void text_passages(const Hit& hit);
  void text_facets(const SearchResult& result);
  void vimgrep_hit(const Hit& hit);
  void json_hit(const Hit& hit);  // render_json.cc
  void json_summary(const SearchResult& result, double elapsed_seconds);
  void trec_hits(const SearchResult& result);
  // `shown` (a path as printed, terminal-safe) as a link to `path` at
  // `line`:`column` when --hyperlink-format asks for one.
  std::string linked(const std::string& shown, const std::string& path, size_t line,
                     size_t column) const;
  // `text` with spans wrapped in the match colour, terminal-safe.
  std::string highlighted(const std::string& text, const std::vector<Span>& spans,
                          const char* base_color) const;

  const SearchOptions& options_;
  std::ostream& out_;
  std::string cwd_;
  // Escape sequences of the palette (--colors): paths, line numbers,
  // matched words, titles, and rank/score/notes.
  std::string path_, line_, match_, title_, dim_;
  std::string host_;  // this machine's name, for file:// links
};

}  // namespace trawl::searcher
