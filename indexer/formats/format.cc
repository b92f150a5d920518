#include "format.h"

#include <array>
#include <cctype>

#include "utf8.h"

namespace trawl::indexer {
namespace {

constexpr std::array<std::pair<std::string_view, Format>, 7> kFormats = {{
    {".txt", {"text", extract_text}},
    {".text", {"text", extract_text}},
    {".md", {"markdown", extract_markdown}},
    {".markdown", {"markdown", extract_markdown}},
    {".mdown", {"markdown", extract_markdown}},
    {".jsonl", {"jsonl", extract_jsonl}},
    {".ndjson", {"jsonl", extract_jsonl}},
}};

bool iends_with(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) !=
        suffix[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

const Format* find_format(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (!name.empty() && name[0] == '.' && name.find('.', 1) == std::string_view::npos) {
    return nullptr;  // ".md" alone is a hidden file, not an extension
  }
  for (const auto& [ext, format] : kFormats) {
    if (iends_with(name, ext)) return &format;
  }
  return nullptr;
}

Status decode_text(std::string_view bytes, std::string* text) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.find('\0') != std::string_view::npos) {
    return Status::Failed("binary file (contains NUL bytes)");
  }
  std::string repaired = utf8::is_valid(bytes) ? std::string(bytes) : utf8::repair(bytes);
  text->clear();
  text->reserve(repaired.size());
  for (size_t i = 0; i < repaired.size(); ++i) {
    char c = repaired[i];
    if (c == '\r') {
      text->push_back('\n');
      if (i + 1 < repaired.size() && repaired[i + 1] == '\n') ++i;
    } else {
      text->push_back(c);
    }
  }
  return Status::Ok();
}

std::string shorten(std::string_view s, size_t max_chars) {
  if (utf8::length(s) <= max_chars) return std::string(s);
  size_t bytes = 0;
  for (size_t n = 0; n < max_chars && bytes < s.size(); ++n) {
    ++bytes;
    while (bytes < s.size() && !utf8::is_lead(s[bytes])) ++bytes;
  }
  size_t cut = bytes;
  while (cut > 0 && s[cut] != ' ') --cut;
  if (cut < bytes / 2) cut = bytes;  // one long word: cut inside it
  std::string out(s.substr(0, cut));
  while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
  return out + "…";
}

}  // namespace trawl::indexer
