#include "document_builder.h"

#include <algorithm>
#include <ctime>

#include "cjk.h"
#include "file_types.h"
#include "fold.h"
#include "minhash.h"
#include "stored_text.h"

namespace trawl::indexer {
namespace {

constexpr size_t kStemCacheLimit = 200000;  // terms whose stems are remembered
constexpr size_t kMaxSpellingBytes = 32;
constexpr Xapian::termpos kSectionGap = 100;  // between body, fields, author

// The boolean terms derived from the path: its folders.
void add_path_terms(const std::string& path, Xapian::Document* doc) {
  for (size_t start = 1, slash; (slash = path.find('/', start)) != std::string::npos;
       start = slash + 1) {
    std::string folder = fold(path.substr(start, slash - start));
    if (!folder.empty()) doc->add_boolean_term(schema::bounded_term(schema::kPathPrefix, folder));
  }
}

void add_stamp_values(const schema::DocRecord& r, Xapian::Document* doc) {
  doc->add_value(schema::kSlotMtime, Xapian::sortable_serialise(static_cast<double>(r.mtime)));
  doc->add_value(schema::kSlotSize, Xapian::sortable_serialise(static_cast<double>(r.size)));
  doc->add_value(schema::kSlotPath, r.path);
  doc->add_value(schema::kSlotRecordId, r.id == r.path ? "=" : "+" + r.id);
  doc->add_value(schema::kSlotAnalysis, std::to_string(schema::kAnalysisVersion));
  if (!r.hash.empty()) doc->add_value(schema::kSlotHash, r.hash);
  if (r.part > 0) doc->add_value(schema::kSlotPart, std::to_string(r.part));
}

}  // namespace

void set_ctime(Xapian::Document* doc, int64_t ctime) {
  doc->add_value(schema::kSlotCtime, Xapian::sortable_serialise(static_cast<double>(ctime)));
}

void move_document(Xapian::Document* doc, schema::DocRecord record, const std::string& new_path,
                   int64_t mtime, uint64_t size) {
  const std::string key = record.key.empty() ? record.path : record.key;
  doc->remove_term(schema::id_term(key));
  doc->remove_term(schema::file_term(record.path));
  std::vector<std::string> folders;
  const std::string p(schema::kPathPrefix);
  for (auto t = doc->termlist_begin(); t != doc->termlist_end(); ++t) {
    if ((*t).compare(0, p.size(), p) == 0) folders.push_back(*t);
  }
  for (const std::string& t : folders) doc->remove_term(t);
  const std::string new_key = new_path + key.substr(std::min(key.size(), record.path.size()));
  if (record.id == record.path) record.id = new_path;
  record.path = new_path;
  record.key = new_key;
  record.mtime = mtime;
  record.size = size;
  doc->add_boolean_term(schema::id_term(new_key));
  doc->add_boolean_term(schema::file_term(new_path));
  add_path_terms(new_path, doc);
  add_stamp_values(record, doc);
  doc->set_data(schema::encode_record(record));
}

std::string date_key(const std::string& iso_date, int64_t mtime) {
  if (iso_date.size() >= 10 && iso_date[4] == '-' && iso_date[7] == '-') {
    return iso_date.substr(0, 4) + iso_date.substr(5, 2) + iso_date.substr(8, 2);
  }
  if (iso_date.size() == 4) return iso_date + "0101";
  std::time_t t = static_cast<std::time_t>(mtime);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y%m%d", &tm);
  return buf;
}

DocumentBuilder::DocumentBuilder(Xapian::Stem stemmer, size_t max_terms)
    : stemmer_(std::move(stemmer)), max_terms_(max_terms) {}

const std::string& DocumentBuilder::stem_of(const std::string& term, bool* fresh) {
  auto it = stems_.find(term);
  *fresh = it == stems_.end();
  if (*fresh) {
    if (stems_.size() >= kStemCacheLimit) stems_.clear();  // forgetting only costs repeats
    it = stems_.emplace(term, stemmer_(term)).first;
  }
  return it->second;
}

std::vector<std::pair<std::string, std::string>> DocumentBuilder::take_new_stems() {
  return std::exchange(new_stems_, {});
}

std::unordered_map<std::string, unsigned> DocumentBuilder::take_spelling() {
  return std::exchange(spelling_, {});
}

void DocumentBuilder::note_words(Xapian::Document* doc) {
  std::vector<std::string> content;
  for (auto t = doc->termlist_begin(); t != doc->termlist_end(); ++t) {
    const std::string& term = *t;
    // Unprefixed terms start with a lower-case letter, a digit or a
    // non-ASCII character; prefixes are upper-case ASCII.
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;
    const bool stemmable = !stemmer_.is_none() && should_stem(term);
    bool fresh = false;
    const std::string& stem = stemmable ? stem_of(term, &fresh) : term;
    const bool marked = !marked_.empty() && marked_.count(term) > 0;
    if (track_vocabulary_) {
      if (fresh) new_stems_.emplace_back(stem, term);
      if (!marked && should_stem(term) && term.size() <= kMaxSpellingBytes) ++spelling_[term];
    }
    if (!marked && content_word(term)) content.push_back(stem);
  }
  std::sort(content.begin(), content.end());
  content.erase(std::unique(content.begin(), content.end()), content.end());
  // Too few words make a noisy signature: such documents never fold.
  if (content.size() < kMinHashWords || content.size() > kMaxHashWords) return;
  doc->add_value(schema::kSlotMinHash, minhash(content));
}

void DocumentBuilder::index_title(const std::string& title, Xapian::Document* doc) {
  tokens_.clear();
  analyzer_.analyze(title, &tokens_, schema::kTitlePosition);
  const std::string s(schema::kTitlePrefix);
  for (const Token& t : tokens_) {
    if (t.pos >= schema::kTitlePosition + schema::kMaxTitleTokens) break;
    doc->add_posting(t.term, t.pos, schema::kTitleWdf);
    doc->add_posting(s + t.term, t.pos);
    if (!t.accented.empty()) {
      marked_.insert(t.accented);
      doc->add_posting(t.accented, t.pos, schema::kTitleWdf);
      doc->add_posting(s + t.accented, t.pos);
    }
  }
  add_bigrams(schema::kTitleWdf, schema::kTitlePosition + schema::kMaxTitleTokens, doc);
}

Xapian::termpos DocumentBuilder::index_text(const std::string& text, const std::string& prefix,
                                            bool plain, Xapian::termpos pos,
                                            Xapian::Document* doc) {
  tokens_.clear();
  Xapian::termpos next = analyzer_.analyze(text, &tokens_, pos);
  for (size_t i = 0; i < tokens_.size(); ++i) {
    // Text made of ever new words (tables of ids, logs) would hold memory
    // without bound: stop at max_terms_ distinct terms.
    if (i % 1024 == 0 && doc->termlist_count() >= max_terms_) {
      stop_byte_ = tokens_[i].begin;
      tokens_.resize(i);
      break;
    }
    const Token& t = tokens_[i];
    if (plain) doc->add_posting(t.term, t.pos);
    if (!prefix.empty()) doc->add_posting(prefix + t.term, t.pos);
    if (t.accented.empty()) continue;
    marked_.insert(t.accented);
    if (plain) doc->add_posting(t.accented, t.pos);
    if (!prefix.empty()) doc->add_posting(prefix + t.accented, t.pos);
  }
  if (plain && stop_byte_ == std::string::npos) add_bigrams(1, next, doc);
  return next;
}

void DocumentBuilder::add_bigrams(Xapian::termcount wdf, Xapian::termpos end,
                                  Xapian::Document* doc) {
  bigrams_.clear();
  add_bigram_tokens(tokens_, &bigrams_);
  for (size_t i = 0; i < bigrams_.size() && bigrams_[i].pos < end; ++i) {
    if (i % 1024 == 0 && doc->termlist_count() >= max_terms_) {
      truncated_ = true;
      return;
    }
    doc->add_posting(bigrams_[i].term, bigrams_[i].pos, wdf);
  }
}

void DocumentBuilder::index_filters(const schema::DocRecord& r, Xapian::Document* doc) {
  tokens_.clear();
  analyzer_.analyze(r.author, &tokens_);
  for (const Token& t : tokens_) doc->add_boolean_term(std::string(schema::kAuthorPrefix) + t.term);
  std::string ext = extension_of(r.path);
  if (!ext.empty()) {
    doc->add_boolean_term(schema::bounded_term(schema::kExtPrefix, ext));
    doc->add_value(schema::kSlotExt, ext);
  }
  if (!r.author.empty()) doc->add_value(schema::kSlotAuthor, r.author);
  if (!r.format.empty()) doc->add_boolean_term(std::string(schema::kFormatPrefix) + r.format);
  // An archive member is of its own type and of the archive's (-t pdf and
  // -t archive both find a PDF in a ZIP); a filter's output is of its file's.
  const std::string_view by_name = format_of_path(r.path);
  if (!by_name.empty() && by_name != r.format) {
    doc->add_boolean_term(std::string(schema::kFormatPrefix).append(by_name));
  }
  add_path_terms(r.path, doc);
  if (!r.language.empty()) {
    std::string lang = ascii_lower(r.language);
    doc->add_boolean_term(schema::bounded_term(schema::kLangPrefix, lang));
    size_t dash = lang.find_first_of("-_");
    if (dash != std::string::npos) {
      doc->add_boolean_term(std::string(schema::kLangPrefix) + lang.substr(0, dash));
    }
    doc->add_value(schema::kSlotLang, lang.substr(0, dash));
  }
  const std::string day = date_key(r.date, r.mtime);
  doc->add_boolean_term(std::string(schema::kDayPrefix) + day);
  doc->add_boolean_term(std::string(schema::kMonthPrefix) + day.substr(0, 6));
  doc->add_boolean_term(std::string(schema::kYearPrefix) + day.substr(0, 4));
  doc->add_value(schema::kSlotDate, day);
  doc->add_value(schema::kSlotYear, day.substr(0, 4));
}

void DocumentBuilder::store_text(schema::DocRecord* record, Xapian::termpos end,
                                 std::vector<std::pair<std::string, std::string>>* texts) {
  if (record->text.size() <= kInlineTextBytes) record->file_offset = -1;  // (kept in the record)
  if (record->text.size() < kMinAnchoredBytes) return;
  record->anchors =
      make_anchors(record->text, tokens_, schema::kBodyPosition, kAnchorBytes, record->first_line);
  record->body_tokens = end - schema::kBodyPosition;
  if (record->text.size() <= kInlineTextBytes) return;
  for (auto& piece : take_pieces(record)) texts->push_back(std::move(piece));
}

Xapian::Document DocumentBuilder::build(schema::DocRecord record, const std::string& key,
                                        std::vector<std::pair<std::string, std::string>>* texts) {
  Xapian::Document doc;
  truncated_ = false;
  stop_byte_ = std::string::npos;
  marked_.clear();
  index_title(record.title, &doc);
  Xapian::termpos pos = index_text(record.text, "", true, schema::kBodyPosition, &doc);
  body_stop_ = stop_byte_;
  if (body_stop_ != std::string::npos) {
    record.text.resize(body_stop_);  // what is stored is what was indexed
    pos = tokens_.empty() ? schema::kBodyPosition : tokens_.back().pos + 1;
  }
  store_text(&record, pos, texts);
  // Fields and author cut short are lost, unless the body stopped: then the
  // caller indexes the rest in a part of its own, which carries them too.
  const auto lost = [&] { return stop_byte_ != std::string::npos && body_stop_ == std::string::npos; };
  for (const auto& [name, value] : record.fields) {
    stop_byte_ = std::string::npos;
    pos = index_text(value, schema::field_prefix(name), true, pos + kSectionGap, &doc);
    truncated_ = truncated_ || lost();
  }
  stop_byte_ = std::string::npos;
  index_text(record.author, "", true, pos + kSectionGap, &doc);
  truncated_ = truncated_ || lost();
  index_filters(record, &doc);
  note_words(&doc);
  doc.add_boolean_term(schema::id_term(key));
  doc.add_boolean_term(schema::file_term(record.path));
  if (!record.id.empty() && record.id != record.path) {
    doc.add_boolean_term(schema::bounded_term(schema::kRecordIdPrefix, record.id));
  }
  add_stamp_values(record, &doc);
  doc.set_data(schema::encode_record(record));
  return doc;
}

}  // namespace trawl::indexer
