#include "document_builder.h"

#include <ctime>

#include "fold.h"

namespace trawl::indexer {
namespace {

constexpr size_t kStemCacheLimit = 200000;
constexpr Xapian::termpos kSectionGap = 100;  // between body, fields, author

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The extension of the file name in `path`, lower case without the dot.
std::string extension(const std::string& path) {
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash + 2)) return "";
  return lower(path.substr(dot + 1));
}

}  // namespace

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

DocumentBuilder::DocumentBuilder(Xapian::Stem stemmer) : stemmer_(std::move(stemmer)) {}

const std::string& DocumentBuilder::stem(const std::string& term) {
  static const std::string kNone;
  if (stemmer_.is_none() || !should_stem(term)) return kNone;
  auto it = stem_cache_.find(term);
  if (it != stem_cache_.end()) return it->second;
  if (stem_cache_.size() >= kStemCacheLimit) stem_cache_.clear();
  return stem_cache_.emplace(term, stemmer_(term)).first->second;
}

void DocumentBuilder::index_title(const std::string& title, Xapian::Document* doc) {
  tokens_.clear();
  analyzer_.analyze(title, &tokens_, schema::kTitlePosition);
  const std::string s(schema::kTitlePrefix);
  const std::string z(schema::kStemPrefix);
  for (const Token& t : tokens_) {
    if (t.pos >= schema::kTitlePosition + schema::kMaxTitleTokens) break;
    doc->add_posting(t.term, t.pos, schema::kTitleWdf);
    doc->add_posting(s + t.term, t.pos);
    const std::string& st = stem(t.term);
    if (!st.empty()) {
      doc->add_term(z + st, schema::kTitleWdf);
      doc->add_term(z + s + st);
    }
  }
}

Xapian::termpos DocumentBuilder::index_text(const std::string& text, const std::string& prefix,
                                            bool plain, Xapian::termpos pos,
                                            Xapian::Document* doc) {
  tokens_.clear();
  Xapian::termpos next = analyzer_.analyze(text, &tokens_, pos);
  const std::string z(schema::kStemPrefix);
  for (const Token& t : tokens_) {
    const std::string& st = stem(t.term);
    if (plain) {
      doc->add_posting(t.term, t.pos);
      if (!st.empty()) doc->add_term(z + st);
    }
    if (!prefix.empty()) {
      doc->add_posting(prefix + t.term, t.pos);
      if (!st.empty()) doc->add_term(z + prefix + st);
    }
  }
  return next;
}

void DocumentBuilder::index_filters(const schema::DocRecord& r, Xapian::Document* doc) {
  tokens_.clear();
  analyzer_.analyze(r.author, &tokens_);
  for (const Token& t : tokens_) doc->add_boolean_term(std::string(schema::kAuthorPrefix) + t.term);
  std::string ext = extension(r.path);
  if (!ext.empty()) doc->add_boolean_term(schema::bounded_term(schema::kExtPrefix, ext));
  if (!r.format.empty()) doc->add_boolean_term(std::string(schema::kFormatPrefix) + r.format);
  for (size_t start = 1, slash; (slash = r.path.find('/', start)) != std::string::npos;
       start = slash + 1) {
    std::string folder = fold(r.path.substr(start, slash - start));
    if (!folder.empty()) doc->add_boolean_term(schema::bounded_term(schema::kPathPrefix, folder));
  }
  if (!r.language.empty()) {
    std::string lang = lower(r.language);
    doc->add_boolean_term(schema::bounded_term(schema::kLangPrefix, lang));
    size_t dash = lang.find_first_of("-_");
    if (dash != std::string::npos) {
      doc->add_boolean_term(std::string(schema::kLangPrefix) + lang.substr(0, dash));
    }
  }
  const std::string day = date_key(r.date, r.mtime);
  doc->add_boolean_term(std::string(schema::kDayPrefix) + day);
  doc->add_boolean_term(std::string(schema::kMonthPrefix) + day.substr(0, 6));
  doc->add_boolean_term(std::string(schema::kYearPrefix) + day.substr(0, 4));
  doc->add_value(schema::kSlotDate, day);
}

Xapian::Document DocumentBuilder::build(const schema::DocRecord& record,
                                        const std::string& key) {
  Xapian::Document doc;
  index_title(record.title, &doc);
  Xapian::termpos pos = index_text(record.text, "", true, schema::kBodyPosition, &doc);
  for (const auto& [name, value] : record.fields) {
    pos = index_text(value, schema::field_prefix(name), true, pos + kSectionGap, &doc);
  }
  index_text(record.author, "", true, pos + kSectionGap, &doc);
  index_filters(record, &doc);
  doc.add_boolean_term(schema::id_term(key));
  doc.add_boolean_term(schema::file_term(record.path));
  doc.add_value(schema::kSlotMtime,
                Xapian::sortable_serialise(static_cast<double>(record.mtime)));
  doc.add_value(schema::kSlotSize,
                Xapian::sortable_serialise(static_cast<double>(record.size)));
  doc.set_data(schema::encode_record(record));
  return doc;
}

}  // namespace trawl::indexer
