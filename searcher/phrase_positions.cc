#include "phrase_positions.h"

#include <algorithm>

namespace trawl::searcher {

std::vector<uint32_t> phrase_probes(const Xapian::Database& db, const std::vector<std::string>& terms) {
  std::vector<uint32_t> probes;
  if (terms.size() <= 2) {
    for (uint32_t k = 0; k < terms.size(); ++k) probes.push_back(k);
    return probes;
  }
  std::vector<double> freq;
  for (const std::string& t : terms) freq.push_back(static_cast<double>(db.get_collection_freq(t)));
  const double rarest = *std::min_element(freq.begin(), freq.end());
  for (uint32_t k = 0; k < terms.size(); ++k) {
    if (freq[k] <= std::max(rarest, 1.0) * kProbeRatio) probes.push_back(k);
  }
  return probes;
}

std::vector<Xapian::termpos> phrase_starts(const Xapian::Database& db, Xapian::docid did,
                                           const schema::DocRecord& record,
                                           const std::vector<std::string>& terms,
                                           const std::vector<uint32_t>& probes) {
  const Xapian::termpos begin = schema::kBodyPosition;
  const Xapian::termpos end = schema::kBodyPosition + record.body_tokens;
  // Starts implied by terms[k]'s positions.
  const auto starts_of = [&](uint32_t k) {
    std::vector<Xapian::termpos> out;
    const std::string& term = terms[k];
    for (auto p = db.positionlist_begin(did, term); p != db.positionlist_end(did, term); ++p) {
      if (*p >= begin + k && *p < end) out.push_back(*p - k);
    }
    return out;
  };
  if (probes.empty()) return {};
  std::vector<Xapian::termpos> starts = starts_of(probes[0]);
  for (size_t i = 1; i < probes.size() && !starts.empty(); ++i) {
    const std::vector<Xapian::termpos> more = starts_of(probes[i]);
    std::erase_if(starts, [&](Xapian::termpos p) { return !std::binary_search(more.begin(), more.end(), p); });
  }
  return starts;
}

}  // namespace trawl::searcher
