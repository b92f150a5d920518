#include "document_builder.h"

#include <xapian.h>

namespace trawl::indexer {
namespace {

constexpr size_t kStemCacheLimit = 200000;

}  // namespace

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

void DocumentBuilder::index_body(const std::string& body, Xapian::Document* doc) {
  tokens_.clear();
  analyzer_.analyze(body, &tokens_, schema::kBodyPosition);
  const std::string z(schema::kStemPrefix);
  for (const Token& t : tokens_) {
    doc->add_posting(t.term, t.pos);
    const std::string& st = stem(t.term);
    if (!st.empty()) doc->add_term(z + st);
  }
}

Xapian::Document DocumentBuilder::build(const schema::DocRecord& record,
                                        const std::string& key) {
  Xapian::Document doc;
  index_title(record.title, &doc);
  index_body(record.text, &doc);
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
