// trawl-search's command line (searcher/command_line.h): the options live
// in CLI11 option groups, which check new names only against their own
// group, so uniqueness across groups is checked here; and an option given
// twice (configuration file, then command line) keeps its last value in
// every group.
#include "command_line.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "generate.h"

namespace trawl::searcher {
namespace {

TEST_CASE("trawl-search options: every name once across the option groups") {
  CLI::App app;
  SearchOptions o;
  Flags f;
  add_options(app, o, f);
  std::set<std::string> seen;
  size_t names = 0;
  for (const CLI::Option* opt : generate_internal::all_options(app)) {
    for (const std::string& l : opt->get_lnames()) {
      CAPTURE(l);
      CHECK(seen.insert("--" + l).second);
      ++names;
    }
    for (const std::string& s : opt->get_snames()) {
      CAPTURE(s);
      CHECK(seen.insert("-" + s).second);
      ++names;
    }
  }
  CHECK(names >= 80);
  CHECK(seen.count("--no-snippets") == 1);  // in a group
  CHECK(seen.count("--version") == 1);      // in the app itself
}

TEST_CASE("trawl-search options: the last one given wins, in every group") {
  struct Case {
    std::vector<std::string> args;  // in order; the query is "x"
    size_t limit;
    bool match_any;
    bool json;
    int before, after;  // lines of context
  };
  const std::vector<Case> cases = {
      {{"x"}, 10, false, false, -1, -1},
      {{"-n", "5", "-n", "2", "x"}, 2, false, false, -1, -1},
      {{"--or", "--and", "x"}, 10, false, false, -1, -1},
      {{"--and", "--or", "x"}, 10, true, false, -1, -1},
      {{"--json", "--no-json", "x"}, 10, false, false, -1, -1},
      {{"--no-json", "--json", "-C", "1", "-C", "3", "x"}, 10, false, true, 3, 3},
      // As grep: -A and -B win over -C whatever the order.
      {{"-A", "1", "-C", "3", "x"}, 10, false, false, 3, 1},
      {{"-C", "3", "-B", "0", "x"}, 10, false, false, 0, 3},
      {{"-B", "2", "x"}, 10, false, false, 2, -1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args.size());
    CLI::App app;
    SearchOptions o;
    Flags f;
    add_options(app, o, f);
    std::vector<std::string> reversed(c.args.rbegin(),
                                      c.args.rend());  // CLI11 parses a reversed list
    app.parse(reversed);
    finish_options(f, "/", o);
    CHECK(o.limit == c.limit);
    CHECK(o.match_any == c.match_any);
    CHECK((o.mode == OutputMode::kJson) == c.json);
    CHECK(o.context.before == c.before);
    CHECK(o.context.after == c.after);
  }
}

}  // namespace
}  // namespace trawl::searcher
