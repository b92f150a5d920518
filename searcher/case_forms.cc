#include "case_forms.h"

#include <unicode/uchar.h>

#include <algorithm>

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

bool CaseChecker::in_text(std::string_view text, const std::string& term, uint32_t first_pos) {
  tokens_.clear();
  analyzer_.analyze(text, &tokens_, first_pos);
  for (const Token& t : tokens_) {
    if ((t.term == term || t.accented == term) && forms_.as_typed(text, t)) return true;
  }
  return false;
}

std::vector<Xapian::termpos> CaseChecker::body_positions(Xapian::docid did,
                                                         const schema::DocRecord& record,
                                                         const std::string& term) const {
  std::vector<Xapian::termpos> out;
  const Xapian::termpos end = schema::kBodyPosition + record.body_tokens;
  for (auto p = db_.positionlist_begin(did, term); p != db_.positionlist_end(did, term); ++p) {
    if (*p >= schema::kBodyPosition && *p < end) out.push_back(*p);
  }
  return out;
}

std::vector<Xapian::termpos> CaseChecker::check_positions(
    Xapian::docid did, const schema::DocRecord& record, const std::string& term,
    const std::vector<Xapian::termpos>& positions, size_t max_pieces, bool first_only) {
  std::vector<Xapian::termpos> out;
  const Xapian::Database& part = parts_[(did - 1) % parts_.size()];
  size_t read = 0;
  for (size_t i = 0; i < positions.size() && read < max_pieces; ++read) {
    // The stretch from the anchor before positions[i] to the end of its
    // piece: one piece read (stored_text.h).
    const size_t first = anchor_at(record, positions[i]);
    const size_t last = std::min(record.anchors.size() - 1,
                                 first / kAnchorsPerPiece * kAnchorsPerPiece + kAnchorsPerPiece - 1);
    const TextPiece piece = read_anchors(part, record, first, last);
    const Xapian::termpos next = last + 1 < record.anchors.size()
                                     ? record.anchors[last + 1].pos + schema::kBodyPosition
                                     : schema::kBodyPosition + record.body_tokens;
    size_t j = i;  // positions[i, j) lie in this stretch
    while (j < positions.size() && positions[j] < next) ++j;
    if (piece.unread) {  // cannot be told: counts as written so
      out.insert(out.end(), positions.begin() + static_cast<ptrdiff_t>(i),
                 positions.begin() + static_cast<ptrdiff_t>(j));
    } else {
      tokens_.clear();
      analyzer_.analyze(piece.text, &tokens_, piece.first_pos);
      for (const Token& t : tokens_) {
        if ((t.term == term || t.accented == term) && forms_.as_typed(piece.text, t) &&
            std::binary_search(positions.begin() + static_cast<ptrdiff_t>(i),
                               positions.begin() + static_cast<ptrdiff_t>(j), t.pos)) {
          out.push_back(t.pos);
        }
      }
    }
    if (first_only && !out.empty()) break;
    i = std::max(j, i + 1);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool CaseChecker::holds(Xapian::docid did, schema::DocRecord* record, const std::string& term) {
  if (in_text(record->title, term, schema::kTitlePosition)) return true;
  load_anchors(parts_[(did - 1) % parts_.size()], record);
  if (record->anchors.empty()) {
    // A long text whose anchors are lost cannot be read: not checked.
    if (record->text.empty() && record->stored_anchors > 0) return true;
    return in_text(record->text, term);
  }
  const std::vector<Xapian::termpos> positions = body_positions(did, *record, term);
  const std::vector<Xapian::termpos> found =
      check_positions(did, *record, term, positions, positions.size(), true);
  if (found.empty()) return false;
  first_found_[{did, term}] = found.front();
  return true;
}

std::vector<Xapian::termpos> CaseChecker::typed_positions(Xapian::docid did,
                                                          const schema::DocRecord& record,
                                                          const std::string& term,
                                                          size_t max_pieces) {
  if (record.anchors.empty()) return {};
  std::vector<Xapian::termpos> out =
      check_positions(did, record, term, body_positions(did, record, term), max_pieces, false);
  const auto it = first_found_.find({did, term});
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
  if (op == Q::LEAF_TERM) return check(*q.get_terms_begin());
  const size_t n = q.get_num_subqueries();
  if (n == 0) return Verdict::kNone;
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
  std::map<std::string, Verdict> memo;
  auto check = [&](const std::string& term) {
    if (!checker_.forms().asks(term)) return Verdict::kNone;
    auto [it, fresh] = memo.emplace(term, Verdict::kNone);
    if (fresh) it->second = checker_.holds(did, &record, term) ? Verdict::kYes : Verdict::kNo;
    return it->second;
  };
  return judge(query_, check) != Verdict::kNo;
}

}  // namespace trawl::searcher
