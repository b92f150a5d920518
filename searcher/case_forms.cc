#include "case_forms.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "phrase_positions.h"
#include "stored_text.h"
#include "utf8.h"

namespace trawl::searcher {
namespace {

// What a query node says of a document, its case checked: a checked word
// written as typed (kYes) or not (kNo), or nothing checked beneath (kNone).
enum class Verdict { kNone, kYes, kNo };

// All must hold (AND, a phrase): a kNo decides; else a kYes.
Verdict all_of(const std::vector<Verdict>& v) {
  if (std::find(v.begin(), v.end(), Verdict::kNo) != v.end()) return Verdict::kNo;
  if (std::find(v.begin(), v.end(), Verdict::kYes) != v.end()) return Verdict::kYes;
  return Verdict::kNone;
}

// One is enough (OR, SYNONYM): a kYes decides; an unchecked branch may be
// what matched; only checked branches that all fail say kNo.
Verdict any_of(const std::vector<Verdict>& v) {
  if (std::find(v.begin(), v.end(), Verdict::kYes) != v.end()) return Verdict::kYes;
  if (std::find(v.begin(), v.end(), Verdict::kNone) != v.end()) return Verdict::kNone;
  return v.empty() ? Verdict::kNone : Verdict::kNo;
}

}  // namespace

void CaseForms::add(const std::string& term, std::string form) {
  std::vector<std::string>& forms = forms_[term];
  if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(std::move(form));
}

void CaseForms::add(const CaseForms& other) {
  for (const auto& [term, forms] : other.forms_) {
    for (const std::string& form : forms) add(term, form);
  }
}

bool CaseForms::as_typed(std::string_view text, const Token& t) const {
  bool asked = false;
  const std::string_view written = text.substr(t.begin, t.end - t.begin);
  for (const std::string* key : {&t.term, &t.accented}) {
    if (key->empty()) continue;
    const auto it = forms_.find(*key);
    if (it == forms_.end()) continue;
    asked = true;
    for (const std::string& form : it->second) {
      if (form == written) return true;
    }
  }
  return !asked;
}

const std::vector<std::string>& CaseForms::forms_of(const std::string& term) const {
  static const std::vector<std::string> kNone;
  const auto it = forms_.find(term);
  return it == forms_.end() ? kNone : it->second;
}

bool CaseForms::asks_any(const std::vector<std::string>& terms) const {
  return std::any_of(terms.begin(), terms.end(), [&](const std::string& t) { return asks(t); });
}

bool CaseForms::may_hold_all(std::string_view text, const std::vector<std::string>& terms) const {
  const auto holds_a_form = [&](const std::string& term) {
    const std::vector<std::string>& forms = forms_of(term);
    return forms.empty() || std::any_of(forms.begin(), forms.end(), [&](const std::string& f) {
             return text.find(f) != std::string_view::npos;
           });
  };
  return std::all_of(terms.begin(), terms.end(), holds_a_form);
}

void CaseForms::mask(std::string_view text, std::vector<Token>* tokens) const {
  if (forms_.empty()) return;
  for (Token& t : *tokens) {
    if (!as_typed(text, t)) t.term.clear(), t.accented.clear();
  }
}

bool has_upper(std::string_view form) {
  for (size_t i = 0; i < form.size();) {
    char32_t cp;
    const size_t n = utf8::decode(form, i, &cp);
    if (n == 0) return false;  // not UTF-8 (the analyzer repairs what it reads)
    i += n;
    if (u_isUUppercase(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp))) return true;
  }
  return false;
}

CaseChecker::CaseChecker(Xapian::Database db, std::vector<Xapian::Database> parts, CaseForms forms)
    : db_(std::move(db)), parts_(std::move(parts)), forms_(std::move(forms)) {}

Xapian::docid CaseChecker::docid_in_db(Xapian::docid in_part,
                                       const schema::DocRecord& record) const {
  const auto n = static_cast<Xapian::docid>(parts_.size());
  if (n == 1) return in_part;
  const std::string term =
      record.key.empty() ? schema::file_term(record.path) : schema::id_term(record.key);
  Xapian::PostingIterator p = db_.postlist_begin(term);
  for (Xapian::docid k = 0; k < n; ++k) {  // part k's document in_part is (in_part - 1) * n + k + 1
    p.skip_to((in_part - 1) * n + k + 1);
    if (p == db_.postlist_end(term)) break;
    if (*p == (in_part - 1) * n + k + 1) return *p;
  }
  return 0;
}

std::vector<Xapian::termpos> CaseChecker::typed_starts(std::string_view text,
                                                       const std::vector<std::string>& terms,
                                                       const std::vector<Xapian::termpos>* among,
                                                       bool first_only) const {
  // tokens_ are in position order (an alias follows its last part, at its position).
  const auto before = [](const Token& t, Xapian::termpos p) { return t.pos < p; };
  std::vector<Xapian::termpos> out;
  for (const Token& t : tokens_) {
    if (!t.is(terms[0]) || !forms_.as_typed(text, t)) continue;
    if (among != nullptr && !std::binary_search(among->begin(), among->end(), t.pos)) continue;
    if (!out.empty() && out.back() == t.pos) continue;
    bool whole = true;
    for (uint32_t k = 1; k < terms.size() && whole; ++k) {
      whole = false;
      for (auto it = std::lower_bound(tokens_.begin(), tokens_.end(), t.pos + k, before);
           it != tokens_.end() && it->pos == t.pos + k && !whole; ++it) {
        whole = it->is(terms[k]) && forms_.as_typed(text, *it);
      }
    }
    if (!whole) continue;
    out.push_back(t.pos);
    if (first_only) break;
  }
  return out;
}

bool CaseChecker::in_text(std::string_view text, const std::vector<std::string>& terms) {
  if (terms.size() > 1) {  // a phrase: every word asked for must be there
    if (!forms_.may_hold_all(text, terms)) return false;
    tokens_.clear();
    analyzer_.analyze(text, &tokens_);
    return !typed_starts(text, terms, nullptr, true).empty();
  }
  for (const std::string& form : forms_.forms_of(terms[0])) {
    for (size_t at = text.find(form); at != std::string_view::npos; at = text.find(form, at + 1)) {
      size_t begin = at, end = at + form.size();
      while (begin > 0 && !utf8::is_space(text[begin - 1])) --begin;
      while (end < text.size() && !utf8::is_space(text[end])) ++end;
      const std::string_view words = text.substr(begin, end - begin);
      tokens_.clear();
      analyzer_.analyze(words, &tokens_);
      if (!typed_starts(words, terms, nullptr, true).empty()) return true;
    }
  }
  return false;
}

const std::vector<uint32_t>& CaseChecker::probes(const std::vector<std::string>& terms) {
  auto [it, fresh] = probes_.emplace(terms, std::vector<uint32_t>{});
  if (fresh) it->second = phrase_probes(db_, terms);
  return it->second;
}

std::vector<Xapian::termpos> CaseChecker::check_starts(
    Xapian::docid did, const schema::DocRecord& record, const std::vector<std::string>& terms,
    const std::vector<Xapian::termpos>& starts, size_t max_pieces, bool first_only) {
  std::vector<Xapian::termpos> out;
  const Xapian::Database& part = parts_[(did - 1) % parts_.size()];
  const auto& anchors = record.anchors;
  size_t read = 0;
  for (size_t i = 0; i < starts.size() && read < max_pieces; ++read) {
    // The piece (stored_text.h) that holds starts[i], from the anchor
    // before it, and on to the end of the last phrase starting in it.
    const size_t first = anchor_at(record, starts[i]);
    const size_t end_of_piece =
        std::min(anchors.size() - 1, first / kAnchorsPerPiece * kAnchorsPerPiece + kAnchorsPerPiece - 1);
    const Xapian::termpos next = end_of_piece + 1 < anchors.size()
                                     ? anchors[end_of_piece + 1].pos + schema::kBodyPosition
                                     : schema::kBodyPosition + record.body_tokens;
    size_t j = i + 1;  // starts[i, j) lie in this piece
    while (j < starts.size() && starts[j] < next) ++j;
    const std::vector<Xapian::termpos> among(starts.begin() + static_cast<ptrdiff_t>(i),
                                             starts.begin() + static_cast<ptrdiff_t>(j));
    const size_t last = std::max(end_of_piece, anchor_at(record, among.back() +
                                                                     static_cast<Xapian::termpos>(terms.size() - 1)));
    const TextPiece piece = read_anchors(part, record, first, last);
    if (piece.unread) {  // cannot be told: counts as written so
      out.insert(out.end(), among.begin(), among.end());
    } else if (forms_.may_hold_all(piece.text, terms)) {
      tokens_.clear();
      analyzer_.analyze(piece.text, &tokens_, piece.first_pos);
      const std::vector<Xapian::termpos> found = typed_starts(piece.text, terms, &among, first_only);
      out.insert(out.end(), found.begin(), found.end());
    }
    if (first_only && !out.empty()) break;
    i = j;
  }
  return out;
}

bool CaseChecker::holds(Xapian::docid did, schema::DocRecord* record,
                        const std::vector<std::string>& terms) {
  if (in_text(record->title, terms)) return true;
  load_anchors(parts_[(did - 1) % parts_.size()], record);
  if (record->anchors.empty()) {
    // A long text whose anchors are lost cannot be read: not checked.
    if (record->text.empty() && record->stored_anchors > 0) return true;
    return in_text(record->text, terms);
  }
  const std::vector<Xapian::termpos> starts = phrase_starts(db_, did, *record, terms, probes(terms));
  const std::vector<Xapian::termpos> found =
      check_starts(did, *record, terms, starts, starts.size(), true);
  if (found.empty()) return false;
  first_found_.emplace(std::pair{did, terms}, found.front());  // for the passage
  return true;
}

std::vector<Xapian::termpos> CaseChecker::typed_positions(Xapian::docid did,
                                                          const schema::DocRecord& record,
                                                          const std::vector<std::string>& terms,
                                                          size_t max_pieces) {
  std::vector<Xapian::termpos> starts = phrase_starts(db_, did, record, terms, probes(terms));
  if (record.anchors.empty() || !forms_.asks_any(terms)) return starts;
  std::vector<Xapian::termpos> out = check_starts(did, record, terms, starts, max_pieces, false);
  const auto it = first_found_.find({did, terms});
  if (it != first_found_.end() && !std::binary_search(out.begin(), out.end(), it->second)) {
    out.insert(std::upper_bound(out.begin(), out.end(), it->second), it->second);
  }
  return out;
}

CaseFilter::CaseFilter(CaseChecker& checker, Xapian::Query query, const Xapian::MatchDecider* also)
    : checker_(checker), query_(std::move(query)), also_(also) {}

namespace {

// The verdict of query node `q` on document `did`; `memo` keeps each
// term's answer for the document.
template <class Check>
Verdict judge(const Xapian::Query& q, Check& check) {
  using Q = Xapian::Query;
  const Q::op op = q.get_type();
  if (op == Q::LEAF_TERM) return check(std::vector<std::string>{*q.get_terms_begin()});
  const size_t n = q.get_num_subqueries();
  if (n == 0) return Verdict::kNone;
  if (op == Q::OP_PHRASE) {  // a phrase of words: checked as one
    std::vector<std::string> terms;
    for (size_t i = 0; i < n && terms.size() == i; ++i) {
      const Q sub = q.get_subquery(i);
      if (sub.get_type() == Q::LEAF_TERM) terms.push_back(*sub.get_terms_begin());
    }
    if (terms.size() == n) return check(terms);
  }
  // Only the first branch decides what matches: the rest excludes (AND_NOT)
  // or reweights (AND_MAYBE); SCALE_WEIGHT has one.
  if (op == Q::OP_AND_NOT || op == Q::OP_AND_MAYBE || op == Q::OP_SCALE_WEIGHT) {
    return judge(q.get_subquery(0), check);
  }
  std::vector<Verdict> v;
  for (size_t i = 0; i < n; ++i) v.push_back(judge(q.get_subquery(i), check));
  const bool all = op == Q::OP_AND || op == Q::OP_FILTER || op == Q::OP_PHRASE || op == Q::OP_NEAR;
  return all ? all_of(v) : any_of(v);
}

}  // namespace

bool CaseFilter::operator()(const Xapian::Document& doc) const {
  if (also_ != nullptr && !(*also_)(doc)) return false;
  schema::DocRecord record;
  if (!schema::decode_record(doc.get_data(), &record)) return true;  // damaged: not checked
  const Xapian::docid did = checker_.docid_in_db(doc.get_docid(), record);
  if (did == 0) return true;  // not found: not checked
  std::map<std::vector<std::string>, Verdict> memo;
  auto check = [&](const std::vector<std::string>& terms) {
    if (!checker_.forms().asks_any(terms)) return Verdict::kNone;
    auto [it, fresh] = memo.emplace(terms, Verdict::kNone);
    if (fresh) it->second = checker_.holds(did, &record, terms) ? Verdict::kYes : Verdict::kNo;
    return it->second;
  };
  return judge(query_, check) != Verdict::kNo;
}

}  // namespace trawl::searcher
