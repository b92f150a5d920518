// Output formats: text (with and without colour), JSON Lines, -l, -0, -c.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "render.h"

namespace trawl::searcher {
namespace {

SearchResult sample() {
  SearchResult r;
  Hit a;
  a.rank = 1;
  a.score = 2.5;
  a.record.path = "/home/u/docs/a.txt";
  a.record.id = "/home/u/docs/a.txt";
  a.record.title = "Flood \x1b[31mwarning";
  a.record.format = "text";
  a.snippet.text = "…the river flood rose…";
  a.snippet.highlights = {{13, 18}};
  a.passages = {a.snippet};
  a.title_highlights = {{0, 5}};
  Hit b = a;
  b.rank = 2;
  b.record.path = "/elsewhere/recs.jsonl";
  b.record.id = "r\"1";
  b.record.title = "";
  Hit c = b;
  c.rank = 3;
  c.record.id = "r2";
  r.hits = {a, b, c};
  r.matches_lower = r.matches_estimated = r.matches_upper = 3;
  r.parsed_query = "Query(Zflood@1)";
  return r;
}

std::string render(OutputMode mode, bool color = false, bool null = false,
                   std::string hyperlink = "") {
  SearchOptions options;
  options.hyperlink = std::move(hyperlink);
  options.query = "flood";
  options.mode = mode;
  options.color = color;
  options.null_separated = null;
  std::ostringstream out;
  Renderer(options, out, "/home/u").render(sample(), 0.001);
  return out.str();
}

TEST_CASE("render: JSON Lines records are valid and exact") {
  std::istringstream in(render(OutputMode::kJson));
  std::vector<nlohmann::json> records;
  for (std::string line; std::getline(in, line);) records.push_back(nlohmann::json::parse(line));
  REQUIRE(records.size() == 4);
  const auto& hit = records[0]["data"];
  CHECK(records[0]["type"] == "hit");
  CHECK(hit["rank"] == 1);
  CHECK(hit["path"] == "docs/a.txt");
  CHECK(hit["title"] == "Flood \x1b[31mwarning");  // exact, escaped by JSON
  CHECK(hit["score"] == 2.5);
  std::string snippet = hit["snippet"];
  auto span = hit["highlights"][0];
  CHECK(snippet.substr(span[0].get<size_t>(), span[1].get<size_t>() - span[0].get<size_t>()) == "flood");
  CHECK(records[1]["data"]["id"] == "r\"1");
  CHECK(records[1]["data"]["path"] == "/elsewhere/recs.jsonl");
  CHECK(records[3]["type"] == "summary");
  CHECK(records[3]["data"]["matches"] == 3);
  CHECK(records[3]["data"]["returned"] == 3);
  CHECK(records[3]["data"]["query"] == "flood");
}

TEST_CASE("render: -l lists each file once, in rank order; -0 ends with NUL") {
  CHECK(render(OutputMode::kFiles) == "docs/a.txt\n/elsewhere/recs.jsonl\n");
  CHECK(render(OutputMode::kFiles, false, true) == std::string("docs/a.txt\0/elsewhere/recs.jsonl\0", 33));
  CHECK(render(OutputMode::kCount) == "3\n");
  CHECK(render(OutputMode::kQuiet).empty());
}

TEST_CASE("render: text without colour is plain and terminal-safe") {
  std::string text = render(OutputMode::kText);
  CHECK(text.find("1. Flood \\x1B[31mwarning\n   docs/a.txt  (score 2.50)\n   …the river flood rose…\n") == 0);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("2. recs.jsonl\n   /elsewhere/recs.jsonl #r\"1") != std::string::npos);
}

TEST_CASE("render: colour marks matches and paths") {
  std::string text = render(OutputMode::kText, true);
  CHECK(text.find("\x1b[1;31mflood\x1b[0m") != std::string::npos);
  CHECK(text.find("\x1b[35mdocs/a.txt\x1b[0m") != std::string::npos);
  CHECK(text.find("\x1b[1;31mFlood\x1b[0m") != std::string::npos);
  CHECK(text.find("\x1b[31m") == std::string::npos);  // the title's own escape is neutralised
}

TEST_CASE("render: --hyperlink-format makes the paths OSC 8 links") {
  const std::string text = render(OutputMode::kText, true, false, "x://{path}:{line}");
  CHECK(text.find("\x1b[35m\x1b]8;;x:///home/u/docs/a.txt:1\x1b\\docs/a.txt\x1b]8;;\x1b\\\x1b[0m") !=
        std::string::npos);
  CHECK(text.find("\x1b]8;;x:///elsewhere/recs.jsonl:1\x1b\\/elsewhere/recs.jsonl") != std::string::npos);
  CHECK(render(OutputMode::kText, true).find("\x1b]8;;") == std::string::npos);  // none asked for
}

}  // namespace
}  // namespace trawl::searcher
