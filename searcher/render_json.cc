// --json output: one {"type":"hit",...} record per hit, then a summary.
#include "json_writer.h"
#include "paths.h"
#include "render.h"

namespace trawl::searcher {
namespace {

void spans(JsonWriter& w, const std::vector<Span>& list) {
  w.begin_array();
  for (const Span& s : list) {
    w.begin_array().value(static_cast<uint64_t>(s.first)).value(static_cast<uint64_t>(s.second));
    w.end_array();
  }
  w.end_array();
}

void record_fields(JsonWriter& w, const schema::DocRecord& r) {
  w.key("format").value(r.format);
  w.key("mtime").value(static_cast<int64_t>(r.mtime));
  w.key("size").value(static_cast<uint64_t>(r.size));
  if (r.part > 0) w.key("part").value(static_cast<uint64_t>(r.part));
  if (!r.author.empty()) w.key("author").value(r.author);
  if (!r.date.empty()) w.key("date").value(r.date);
  if (!r.language.empty()) w.key("lang").value(r.language);
  if (!r.encoding.empty()) w.key("encoding").value(r.encoding);
  if (!r.fields.empty()) {
    w.key("fields").begin_object();
    for (const auto& [name, value] : r.fields) w.key(name).value(value);
    w.end_object();
  }
}

}  // namespace

void Renderer::json_hit(const Hit& hit) {
  const schema::DocRecord& r = hit.record;
  JsonWriter w;
  w.begin_object().key("type").value("hit").key("data").begin_object();
  if (!options_.query_id.empty()) w.key("query_id").value(options_.query_id);
  w.key("rank").value(static_cast<uint64_t>(hit.rank));
  w.key("id").value(r.id);
  w.path("path", display_path(r.path, cwd_));
  w.key("title").value(r.title);
  w.key("score").value(hit.score);
  w.key("snippet").value(hit.snippet.text);
  w.key("highlights");
  spans(w, hit.snippet.highlights);
  w.key("title_highlights");
  spans(w, hit.title_highlights);
  w.key("passages").begin_array();
  for (const Snippet& p : hit.passages) {
    w.begin_object().key("text").value(p.text).key("line").value(static_cast<uint64_t>(p.line));
    w.key("column").value(static_cast<uint64_t>(p.column));
    w.key("offset").value(static_cast<uint64_t>(p.start)).key("highlights");
    spans(w, p.highlights);
    if (p.first_line > 0) w.key("first_line").value(static_cast<uint64_t>(p.first_line));
    w.end_object();
  }
  w.end_array();
  if (hit.text_changed) w.key("changed").value(true);
  record_fields(w, r);
  w.key("similar").begin_array();
  for (const Similar& s : hit.similar) {
    w.begin_object().path("path", display_path(s.path, cwd_)).key("id").value(s.id);
    w.key("title").value(s.title).key("score").value(s.score);
    w.key("similarity").value(s.similarity).end_object();
  }
  w.end_array();
  if (r.part > 0) {
    w.key("more_parts").begin_array();
    for (uint32_t n : hit.more_parts) w.value(static_cast<uint64_t>(n));
    w.end_array();
    if (hit.parts_matching > 0) w.key("parts_matching").value(static_cast<uint64_t>(hit.parts_matching));
  }
  if (!hit.explain.empty()) {
    w.key("explain").begin_array();
    for (const Contribution& e : hit.explain) {
      w.begin_object().key("term").value(e.term).key("weight").value(e.weight).key("matched");
      w.begin_array();
      for (const std::string& m : e.matched) w.value(m);
      w.end_array().end_object();
    }
    w.end_array();
  }
  w.end_object().end_object();
  out_ << w.str() << '\n';
}

void Renderer::json_summary(const SearchResult& result, double elapsed_seconds) {
  JsonWriter w;
  w.begin_object().key("type").value("summary").key("data").begin_object();
  if (!options_.query_id.empty()) w.key("query_id").value(options_.query_id);
  w.key("query").value(options_.query);
  if (!options_.query_files.empty()) {  // -f: the lines OR'ed with the query
    w.key("query_lines").begin_array();
    for (const std::string& line : options_.query_lines) w.value(line);
    w.end_array();
  }
  w.key("parsed_query").value(result.parsed_query);
  w.key("matches").value(static_cast<uint64_t>(result.matches_estimated));
  w.key("matches_lower").value(static_cast<uint64_t>(result.matches_lower));
  w.key("matches_upper").value(static_cast<uint64_t>(result.matches_upper));
  w.key("exact").value(result.exact || result.matches_lower == result.matches_upper);
  w.key("returned").value(static_cast<uint64_t>(result.hits.size()));
  w.key("elapsed_ms").value(elapsed_seconds * 1000.0);
  if (!result.warning.empty()) w.key("warning").value(result.warning);
  if (!result.did_you_mean.empty()) {
    w.key("did_you_mean").value(result.did_you_mean);
    w.key("auto_corrected").value(result.auto_corrected);
  }
  if (!result.problems.empty()) {
    w.key("ignored").begin_array();
    for (const std::string& p : result.problems) w.value(p);
    w.end_array();
  }
  if (!result.facets.empty()) {
    w.key("facets").begin_object();
    for (const auto& [name, values] : result.facets) {
      w.key(name).begin_object();
      for (const FacetValue& v : values) w.key(v.value).value(static_cast<uint64_t>(v.count));
      w.end_object();
    }
    w.end_object();
  }
  if (!result.missing_shards.empty()) {
    w.key("partial").value(true);
    w.key("missing_shards").begin_array();
    for (const std::string& m : result.missing_shards) w.value(m);
    w.end_array();
  }
  w.key("stale").value(static_cast<uint64_t>(result.stale));
  w.end_object().end_object();
  out_ << w.str() << '\n';
}

}  // namespace trawl::searcher
