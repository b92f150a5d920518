// Plain text: title heuristics and the text extractor.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string>

#include "encoding.h"
#include "format.h"
#include "utf8.h"

namespace trawl::indexer {
namespace {

constexpr size_t kMaxTitleChars = 150;

constexpr std::array<std::string_view, 44> kDateWords = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "am", "pm", "utc"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool has_letter(std::string_view s) {
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u) || u >= 0x80) return true;
  }
  return false;
}

bool is_date_word(std::string_view w) {
  std::string lower(w);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (std::find(kDateWords.begin(), kDateWords.end(), lower) != kDateWords.end()) return true;
  // Numbers with an ordinal suffix: 1st, 22nd, 3rd, 4th.
  size_t digits = 0;
  while (digits < lower.size() && std::isdigit(static_cast<unsigned char>(lower[digits]))) ++digits;
  std::string_view rest = std::string_view(lower).substr(digits);
  return digits > 0 && (rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th");
}

// Glued menu text: a lower-case letter directly followed by an upper-case
// one ("HomeRegional UpdateCanada").
int glued_words(std::string_view line) {
  int n = 0;
  for (size_t i = 1; i < line.size(); ++i) {
    if (std::islower(static_cast<unsigned char>(line[i - 1])) &&
        std::isupper(static_cast<unsigned char>(line[i]))) {
      ++n;
    }
  }
  return n;
}

// The first sentence of a paragraph-length line, shortened.
std::string headline_of(std::string_view line) {
  for (size_t i = 40; i + 1 < line.size() && i < kMaxTitleChars; ++i) {
    if ((line[i] == '.' || line[i] == '!' || line[i] == '?') && line[i + 1] == ' ') {
      return std::string(line.substr(0, i));
    }
  }
  return shorten(line, kMaxTitleChars);
}

}  // namespace

bool looks_like_date(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.size() > 60) return false;
  bool digit = false;
  size_t i = 0;
  while (i < line.size()) {
    auto c = static_cast<unsigned char>(line[i]);
    if (!std::isalnum(c)) {
      if (c >= 0x80 || !std::strchr(" ,./:-", c)) return false;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < line.size() && std::isalnum(static_cast<unsigned char>(line[j]))) ++j;
    std::string_view w = line.substr(i, j - i);
    if (std::isdigit(static_cast<unsigned char>(w[0]))) digit = true;
    if (!is_date_word(w)) return false;
    i = j;
  }
  return digit;
}

// Words that only site navigation puts on a line of its own.
static bool has_navigation_word(std::string_view line) {
  static const std::string_view kWords[] = {"Uncategorized", "Uncategorised", "Skip to content",
                                            "Skip to main content", "Toggle navigation",
                                            "Main menu"};
  for (std::string_view w : kWords) {
    size_t at = line.find(w);
    if (at == std::string_view::npos) continue;
    size_t end = at + w.size();
    bool starts = at == 0 || line[at - 1] == ' ';
    bool ends = end == line.size() || line[end] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

bool looks_like_breadcrumb(std::string_view line) {
  line = trim(line);
  if (has_navigation_word(line)) return true;
  for (std::string_view sep : {" > ", " » ", " › ", " | ", " / ", " :: "}) {
    size_t first = line.find(sep);
    if (first != std::string_view::npos && line.find(sep, first + 1) != std::string_view::npos) {
      return true;  // two separators: "Home > World > Europe"
    }
    bool arrow = sep == " > " || sep == " » " || sep == " › ";
    if (arrow && first != std::string_view::npos && first < 12 && line.size() < 80) {
      return true;  // "Home > Sanctions"
    }
  }
  return glued_words(line) >= 2;
}

FoundTitle find_title(std::string_view text) {
  size_t pos = 0;
  std::string date;  // a bare date line above the headline dates the text
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = trim(text.substr(pos, eol - pos));
    if (date.empty() && looks_like_date(line)) date = normalize_date(line);
    if (!line.empty() && has_letter(line) && !looks_like_date(line) &&
        !looks_like_breadcrumb(line)) {
      return FoundTitle{utf8::length(line) > kMaxTitleChars ? headline_of(line) : std::string(line),
                        date};
    }
    pos = eol + 1;
  }
  return FoundTitle{std::string(), date};
}

namespace {

// True if `text` is `bytes` with each "\r\n" as "\n", and every line of
// `bytes` ends so (no lone '\r' or '\n').
bool crlf_of(std::string_view bytes, std::string_view text) {
  if (bytes.size() <= text.size()) return false;
  size_t skip = 0;  // 1 when the run starts with the '\n' of a "\r\n"
  while (!bytes.empty()) {
    const size_t cr = bytes.find('\r');
    const std::string_view run = bytes.substr(0, cr);
    if (run.find('\n', skip) != std::string_view::npos) return false;  // a lone '\n'
    if (text.substr(0, run.size()) != run) return false;
    text.remove_prefix(run.size());
    if (cr == std::string_view::npos) break;
    if (cr + 1 >= bytes.size() || bytes[cr + 1] != '\n') return false;  // a lone '\r'
    bytes.remove_prefix(cr + 1);  // on at the '\n'
    skip = 1;
  }
  return text.empty();
}

}  // namespace

void note_file_text(std::string_view bytes, std::string_view text, uint64_t at, ExtractedDoc* doc) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (bytes.size() >= kBom.size() && bytes.substr(0, kBom.size()) == kBom && text.size() < bytes.size()) {
    bytes.remove_prefix(kBom.size());
    at += kBom.size();
  }
  if (at > INT64_MAX) return;
  const bool same = bytes == text;
  if (!same && !crlf_of(bytes, text)) return;
  doc->file_offset = static_cast<int64_t>(at);
  doc->file_crlf = !same;
}

Status extract_text(std::string_view bytes, const ExtractOptions& options, Extraction* out) {
  std::string text;
  if (Status s = decode_text(bytes, options, &text, &out->encoding); !s.ok()) return s;
  FoundTitle found = find_title(text);
  ExtractedDoc doc;
  doc.title = std::move(found.title);
  doc.body = std::move(text);  // the title line included
  doc.date = std::move(found.date);
  out->docs.push_back(std::move(doc));
  return Status::Ok();
}

Status extract_text(ByteSource& source, const ExtractOptions& options, Extraction* out) {
  FoundTitle found;  // at the start, for every window
  uint32_t windows = 0;
  const auto text = [&](const LineWindow& w, const ExtractOptions& window_options) {
    std::string body, encoding;
    if (Status s = decode_text(w.bytes, window_options, &body, &encoding); !s.ok()) return s;
    if (w.first) {
      out->encoding = encoding;
      found = find_title(body);
    }
    ExtractedDoc doc;
    doc.title = found.title;
    doc.date = found.date;
    doc.body = std::move(body);
    doc.window = ++windows;
    doc.first_line = static_cast<uint32_t>(std::min<uint64_t>(w.first_line, UINT32_MAX));
    if (w.offset_known) note_file_text(w.bytes, doc.body, w.offset, &doc);
    emit_doc(std::move(doc), options, out);
    return Status::Ok();
  };
  // (Windows end after a paragraph where they can, as parts of a text read
  // whole do: text_parts.h part_end.)
  return read_line_windows(source, options, options.text_window, out, text, extract_text,
                           /*paragraphs=*/true);
}

}  // namespace trawl::indexer
