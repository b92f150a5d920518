// Passages: the snippets of a page of hits, read from the stored text.
//
// A text with anchors (stored_text.h: every text over 1 KB) is not analysed
// whole: the query words' positions in the document, which Xapian already
// holds, give the best windows of about SnippetOptions::max_chars; only the
// text between the anchors around them is read (from the record, or from
// the stored pieces of a long text) and analysed, so the cost of a snippet
// does not grow with the length of the document. A short text is analysed
// whole and its best passages picked by make_passages (snippet.h).
//
//   book of 1 MB, query "white whale": positions of white, whale, whales...
//   -> densest window at body positions 80211..80240 -> anchors 1002-1004
//   -> piece 125 read (4 KB), 1.5 KB analysed -> "…the white whale swam…"
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "case_forms.h"
#include "search.h"
#include "snippet.h"

namespace trawl::searcher {

struct PassageOptions {
  size_t max_chars = 200;  // --snippet-chars
  size_t count = 1;        // --passages; 0: none (--no-snippets), titles only
  LineContext context;     // -A/-B/-C: whole lines (SnippetOptions::context)
};

class PassageFinder {
 public:
  using Window = std::pair<uint32_t, uint32_t>;  // body positions [first, last]

  // `db` is what was searched, `parts` its databases in the order they were
  // added (document d lives in parts[(d - 1) % parts.size()]). `words` are
  // the plain terms of the query (plain_leaves), `wildcards` its wildcard
  // prefixes; `matcher` decides what is highlighted.
  PassageFinder(Xapian::Database db, std::vector<Xapian::Database> parts,
                const TermMatcher& matcher, const std::vector<std::string>& words,
                const std::vector<std::string>& wildcards, PassageOptions options);

  // -s/-S: passages show and highlight only words written as typed, and
  // are placed by the positions `checker` finds so (null: off). Not owned.
  void set_case(CaseChecker* checker) { case_ = checker; }

  // Notes which query terms each of `hits` holds, from the terms' posting
  // lists (one cursor a term, walked in docid order), so that fill() opens
  // only the position lists that exist. Optional: without it fill() opens
  // every term's list for every anchored hit. Xapian 1.4 gives each
  // position list a cursor of its own, which reads two or three B-tree
  // blocks even when the term is not in the document; for "gun control"
  // on 20news that was 266 of a query's 486 block reads.
  void prepare(const std::vector<Hit>& hits);

  // Fills hit->passages, hit->snippet and hit->title_highlights (only the
  // last with PassageOptions::count 0), and hit->text_changed: passages
  // of a text read back from its file (stored_text.h) that no longer
  // holds it are left out.
  void fill(Hit* hit);

 private:
  // The best windows of `width` positions for hit's query words, in text order.
  std::vector<Window> windows(const Hit& hit, uint32_t width);
  // The analysis of `text` into tokens_, from position `first_pos`, with
  // words not written as typed masked (-s).
  void analyze(std::string_view text, uint32_t first_pos = 0);
  // *changed: a piece was left out, its file no longer holding it.
  std::vector<Snippet> anchored(const Hit& hit, bool* changed);
  void fill_title(Hit* hit);
  // The part that holds `hit` (its stored text and anchors).
  const Xapian::Database& part_of(const Hit& hit) const {
    return parts_[(hit.docid - 1) % parts_.size()];
  }

  Xapian::Database db_;
  std::vector<Xapian::Database> parts_;
  const TermMatcher& matcher_;
  // (term, its matcher key as a number, 0 .. key_count_ - 1): distinct keys
  // are distinct query words.
  std::vector<std::pair<std::string, uint32_t>> terms_;
  // The query's phrases, each with its key (after the words' keys) and
  // the words whose positions place it (phrase_positions.h).
  struct Phrase {
    std::vector<std::string> words;
    uint32_t key;
    std::vector<uint32_t> probes;
  };
  std::vector<Phrase> phrases_;
  size_t key_count_ = 0;
  // (docid, index into terms_) of every term a prepared hit holds, sorted;
  // prepared_: the docids prepare() looked at, sorted.
  std::vector<std::pair<Xapian::docid, uint32_t>> present_;
  std::vector<Xapian::docid> prepared_;
  PassageOptions options_;
  Analyzer analyzer_;
  std::vector<Token> tokens_;
  CaseChecker* case_ = nullptr;
};

}  // namespace trawl::searcher
