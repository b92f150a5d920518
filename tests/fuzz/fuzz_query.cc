// F3: the whole search path on a small fixture database: rewriting,
// QueryParser, stem and synonym expansion, ranking additions, matching,
// near-duplicate folding, case checks (-s, -S), snippets and explanations.
// The first byte picks the options; the rest is the query. Nothing may
// throw for any query, and every hit has a valid UTF-8 snippet.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <xapian.h>

#include "document_builder.h"
#include "fuzz_check.h"
#include "schema.h"
#include "search.h"
#include "utf8.h"

namespace {

Xapian::Database* fixture() {
  static Xapian::Database* db = [] {
    char dir[] = "/tmp/trawl-fuzz-query-XXXXXX";
    if (::mkdtemp(dir) == nullptr) std::abort();
    const std::string path = std::string(dir) + "/db";
    Xapian::WritableDatabase w(path, Xapian::DB_CREATE_OR_OVERWRITE);
    const char* texts[] = {
        "The harbour bridge closes for repairs to its expansion joints in March.",
        "Harbour bridges and ferries: a timetable for the island crossing in 2024.",
        "Sanctions on officials were announced; the ministry said more would follow.",
        "Ein Straßenfest in der Altstadt mit Musik. 港口大桥将关闭六周。",
    };
    trawl::indexer::DocumentBuilder builder(Xapian::Stem("english"));
    int n = 0;
    for (const char* t : texts) {
      trawl::schema::DocRecord r;
      r.path = "/fixture/doc" + std::to_string(++n) + ".txt";
      r.key = r.path;
      r.title = "Document " + std::to_string(n);
      r.text = t;
      r.date = "2024-0" + std::to_string(n) + "-01";
      std::vector<std::pair<std::string, std::string>> texts;
      w.replace_document(trawl::schema::id_term(r.key), builder.build(r, r.path, &texts));
      for (const auto& [key, piece] : texts) w.set_metadata(key, piece);
    }
    // What IndexWriter records beside the documents: the stem table, a user
    // synonym group, the spelling table and the schema version.
    for (const auto& [stem, term] : builder.take_new_stems()) {
      w.add_synonym(std::string(trawl::schema::kStemPrefix) + stem, term);
    }
    for (const auto& [word, count] : builder.take_spelling()) w.add_spelling(word, count);
    w.add_synonym("harbour", "port");
    w.add_synonym("port", "harbour");
    w.set_metadata(std::string(trawl::schema::kMetaSchema), std::to_string(trawl::schema::kSchemaVersion));
    w.commit();
    static std::string remove = dir;
    ::atexit([] { std::filesystem::remove_all(remove); });
    return new Xapian::Database(path);
  }();
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  trawl::searcher::Searcher searcher(*fixture(), "fixture");
  trawl::searcher::SearchOptions o;
  o.query = trawl::utf8::repair(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  const uint8_t f = data[0];
  o.match_any = f & 1;
  o.fixed_strings = f & 2;
  o.synonyms = f & 4;
  o.explain = f & 8;
  o.collapse = f & 16;
  o.auto_correct = f & 32;
  o.expand = f & 64 ? trawl::searcher::Expand::kOn : trawl::searcher::Expand::kAuto;
  // -L for an eleventh of the inputs (files without a match), else JSON.
  o.mode = f % 11 == 5 ? trawl::searcher::OutputMode::kFilesWithout
                       : trawl::searcher::OutputMode::kJson;
  o.passages = 1 + f % 3;
  // -s (the top bit), -S (a fifth of the rest): the case checks' decider.
  o.case_mode = f & 128      ? trawl::searcher::CaseMode::kSensitive
                : f % 5 == 0 ? trawl::searcher::CaseMode::kSmart
                             : trawl::searcher::CaseMode::kIgnore;
  o.check_fresh = false;
  // -f: a seventh of the inputs are lines of queries, OR'ed (build_any).
  if (f % 7 == 3) {
    o.query_files = {"fuzz"};
    for (size_t at = 0; at < o.query.size();) {
      size_t end = o.query.find('\n', at);
      if (end == std::string::npos) end = o.query.size();
      o.query_lines.push_back(o.query.substr(at, end - at));
      at = end + 1;
    }
    o.query.clear();
  }
  const trawl::searcher::SearchResult r = searcher.search(o);
  for (const trawl::searcher::Hit& h : r.hits) {
    trawl::fuzz::check_utf8(h.snippet.text, "hit snippet is not UTF-8");
  }
  return 0;
}
