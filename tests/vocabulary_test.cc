// The vocabulary pass of a fresh build (index_writer.h build_vocabulary):
// made in parts over ranges of words and merged by Database::compact, the
// stem and spelling tables equal those of one pass over all words.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "index_writer.h"
#include "support/temp_dir.h"

namespace trawl::indexer {
namespace {

using Spelling = std::map<std::string, Xapian::doccount>;
using Synonyms = std::map<std::string, std::vector<std::string>>;

// Words on both sides of every boundary the indexer uses ("d", "f", "l",
// "m", "p", "s"), the boundaries themselves, other scripts, prefixed terms
// and numbers (never in the tables), and accented forms ("été" beside
// "ete": stem table only). Each string is one document.
const std::vector<std::string> kDocs = {
    "czar cut dam d darn eel f far farm fox ferry",
    "lzz l lamb lambs m maa mz mummy ozone p pa pasta",
    "rye ryes s sea seas zeta zetas ete été über αβγ 東京",
    "sea seas farm farms lambs pasta 2024 XPtitle",
};

Xapian::Database source_db(const std::string& path) {
  Xapian::WritableDatabase w(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  for (const std::string& text : kDocs) {
    Xapian::Document doc;
    size_t start = 0;
    while (start < text.size()) {
      const size_t end = std::min(text.find(' ', start), text.size());
      doc.add_term(text.substr(start, end - start));
      start = end + 1;
    }
    w.add_document(doc);
  }
  w.commit();
  return Xapian::Database(path);
}

Spelling spelling(const Xapian::Database& d) {
  Spelling out;
  for (auto t = d.spellings_begin(); t != d.spellings_end(); ++t) out[*t] = t.get_termfreq();
  return out;
}

Synonyms synonyms(const Xapian::Database& d) {
  Synonyms out;
  for (auto k = d.synonym_keys_begin(); k != d.synonym_keys_end(); ++k) {
    out[*k].assign(d.synonyms_begin(*k), d.synonyms_end(*k));
  }
  return out;
}

// The tables made in parts starting at `starts`, merged by compaction.
Xapian::Database in_parts(const Xapian::Database& source, const std::vector<std::string>& starts,
                          const std::string& dir) {
  Xapian::Database all;
  for (size_t k = 0; k < starts.size(); ++k) {
    const std::string path = dir + "/part-" + std::to_string(k);
    Xapian::WritableDatabase v(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    build_vocabulary(source, v, Xapian::Stem("english"), starts[k],
                     k + 1 < starts.size() ? starts[k + 1] : "");
    v.commit();
    all.add_database(Xapian::Database(path));
  }
  all.compact(dir + "/merged");
  return Xapian::Database(dir + "/merged");
}

TEST_CASE("build_vocabulary: tables made in parts and compacted equal one pass") {
  testing::TempDir dir;
  const Xapian::Database source = source_db(dir.path() + "/source");
  Xapian::WritableDatabase whole(dir.path() + "/whole", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  build_vocabulary(source, whole, Xapian::Stem("english"));
  whole.commit();
  const Spelling want_spelling = spelling(whole);
  const Synonyms want_synonyms = synonyms(whole);
  CHECK(want_spelling.at("sea") == 2);
  CHECK(want_spelling.count("ete") == 1);
  CHECK(want_spelling.count("été") == 0);
  CHECK(want_spelling.count("αβγ") == 1);  // no marks: a word like any other
  CHECK(want_synonyms.count("Zété") == 1);
  CHECK(want_spelling.count("2024") == 0);
  CHECK(want_synonyms.at("Zfarm") == std::vector<std::string>{"farm", "farms"});
  CHECK(want_synonyms.at("Zlamb") == std::vector<std::string>{"lamb", "lambs"});

  const std::vector<std::vector<std::string>> splits = {
      {""}, {"", "m"}, {"", "f", "p"}, {"", "d", "l", "s"}, {"", "farm", "zz"}, {"", "é"},
  };
  for (size_t i = 0; i < splits.size(); ++i) {
    CAPTURE(i);
    const std::string sub = dir.path() + "/split-" + std::to_string(i);
    std::filesystem::create_directory(sub);
    const Xapian::Database merged = in_parts(source, splits[i], sub);
    CHECK(merged.get_doccount() == 0);
    CHECK(spelling(merged) == want_spelling);
    CHECK(synonyms(merged) == want_synonyms);
  }
}

}  // namespace
}  // namespace trawl::indexer
