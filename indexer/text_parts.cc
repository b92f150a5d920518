#include "text_parts.h"

#include <algorithm>

namespace trawl::indexer {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

size_t part_end(std::string_view text, size_t limit) {
  if (text.size() <= limit) return text.size();
  const std::string_view head = text.substr(0, limit);
  // After a blank line ("\n\n") in the last quarter: the part ends at the
  // start of the next paragraph.
  const size_t blank = head.rfind("\n\n");
  if (blank != std::string_view::npos && blank + 2 > limit - limit / 4) return blank + 2;
  const size_t eol = head.rfind('\n');
  if (eol != std::string_view::npos && eol + 1 > limit / 2) return eol + 1;
  size_t end = limit;
  while (end > 0 && is_continuation(text[end])) --end;
  return end > 0 ? end : limit;  // (only continuation bytes: cut anyway)
}

TextPart for_each_part(std::string_view text, size_t limit,
                       const std::function<size_t(const TextPart&)>& take, TextPart start) {
  TextPart part = start;
  while (!text.empty()) {
    part.text = text.substr(0, part_end(text, limit));
    const size_t used = std::clamp<size_t>(take(part), 1, part.text.size());
    part.text = part.text.substr(0, used);
    part.first_line += static_cast<uint32_t>(std::count(part.text.begin(), part.text.end(), '\n'));
    ++part.number;
    text.remove_prefix(used);
  }
  part.text = {};
  return part;
}

std::string part_suffix(std::string_view doc_suffix, uint32_t number) {
  return std::string(doc_suffix).append("#p").append(std::to_string(number));
}

}  // namespace trawl::indexer
