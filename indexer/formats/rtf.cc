// RTF: the text of the body (paragraphs, line breaks, cells, \uN characters
// and \'hh bytes in the document's code page), with font tables, style
// sheets, pictures, objects, headers, footers, field instructions and the
// groups marked \* that trawl does not know left out. The \info group gives
// title, author, date (\creatim), subject and keywords. No library in
// Debian reads RTF for C++; the grammar is small (groups, control words,
// control symbols) and the extractor only has to find text.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>
#include <vector>

#include "encoding.h"
#include "format.h"
#include "utf8.h"

namespace trawl::indexer {
namespace {

// Where a group's text goes.
enum class Dest { kBody, kSkip, kInfo, kTitle, kAuthor, kSubject, kKeywords, kCreated };

struct Group {
  Dest dest = Dest::kBody;
  int uc = 1;  // fallback characters after \uN
};

struct Word {
  std::string_view name;
  std::string_view text;
};

// Control words that stand for text.
constexpr Word kTextWords[] = {
    {"par", "\n"},    {"line", "\n"},   {"sect", "\n"},     {"page", "\n"},     {"row", "\n"},
    {"tab", "\t"},    {"cell", "\t"},   {"emdash", "—"},    {"endash", "–"},    {"bullet", "•"},
    {"lquote", "‘"},  {"rquote", "’"},  {"ldblquote", "“"}, {"rdblquote", "”"}, {"emspace", " "},
    {"enspace", " "}, {"qmspace", " "},
};

// Destinations whose content is not text of the document.
// clang-format off
constexpr std::string_view kSkipped[] = {
    "fonttbl", "colortbl", "stylesheet", "pict", "object", "themedata", "colorschememapping",
    "datastore", "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator",
    "xmlnstbl", "mmathPr", "header", "headerl", "headerr", "headerf", "footer", "footerl",
    "footerr", "footerf", "fldinst", "bkmkstart", "bkmkend", "revtbl", "filetbl", "operator",
    "company", "nonshppict", "userprops", "docvar", "pgdsctbl", "wgrffmtfilter"};
// clang-format on

// One pass over the RTF: the state of one extract_rtf() call.
class RtfReader {
 public:
  explicit RtfReader(std::string_view rtf) : in_(rtf) { groups_.push_back(Group()); }

  void read() {
    while (i_ < in_.size()) {
      const char c = in_[i_++];
      if (c == '{') {
        flush();
        groups_.push_back(groups_.back());
        group_start_ = true;
        continue;
      }
      if (c == '}') {
        flush();
        skip_chars_ = 0;
        if (groups_.size() > 1) groups_.pop_back();
      } else if (c == '\\') {
        control();  // (which says whether the group's start is still next)
        continue;
      } else if (c != '\r' && c != '\n') {
        byte(c);
      }
      group_start_ = false;
    }
    flush();
  }

  std::string body, title, author, subject, keywords, date;

 private:
  void control();
  void word(std::string_view name, bool has_param, long param);
  bool destination(std::string_view name);
  void byte(char c);
  void append(std::string_view utf8);
  void flush();
  std::string* target();

  std::string_view in_;
  size_t i_ = 0;
  std::vector<Group> groups_;
  bool group_start_ = false;  // just after '{': a destination may follow
  bool ignorable_ = false;    // "\*" seen at the group's start
  size_t skip_chars_ = 0;     // fallback characters of a \uN still to drop
  std::string pending_;       // bytes in the code page, not yet decoded
  std::string codepage_ = "windows-1252";
  int year_ = 0, month_ = 0, day_ = 0;
};

std::string* RtfReader::target() {
  switch (groups_.back().dest) {
    case Dest::kBody:
      return &body;
    case Dest::kTitle:
      return &title;
    case Dest::kAuthor:
      return &author;
    case Dest::kSubject:
      return &subject;
    case Dest::kKeywords:
      return &keywords;
    default:
      return nullptr;
  }
}

void RtfReader::flush() {
  if (pending_.empty()) return;
  Decoded decoded;
  if (std::string* out = target(); out && to_utf8(pending_, codepage_, "", &decoded).ok()) {
    out->append(decoded.text);
  }
  pending_.clear();
}

void RtfReader::append(std::string_view utf8) {
  flush();
  if (std::string* out = target()) out->append(utf8);
}

void RtfReader::byte(char c) {
  if (skip_chars_ > 0) {
    --skip_chars_;
    return;
  }
  if (target()) pending_.push_back(c);
}

void RtfReader::control() {
  if (i_ >= in_.size()) return;
  const char c = in_[i_];
  if (!std::isalpha(static_cast<unsigned char>(c))) {  // a control symbol
    ++i_;
    if (c == '\'' && i_ + 2 <= in_.size()) {
      const std::string hex(in_.substr(i_, 2));
      i_ += 2;
      byte(static_cast<char>(std::strtol(hex.c_str(), nullptr, 16)));
    } else if (c == '*') {
      ignorable_ = group_start_;
      return;  // still at the group's start
    } else if (c == '\\' || c == '{' || c == '}') {
      byte(c);
    } else if (c == '~') {
      append(" ");
    } else if (c == '_') {
      append("-");
    } else if (c == '\n' || c == '\r') {
      append("\n");
    }
    group_start_ = false;
    return;
  }
  const size_t start = i_;
  while (i_ < in_.size() && std::isalpha(static_cast<unsigned char>(in_[i_]))) ++i_;
  const std::string_view name = in_.substr(start, i_ - start);
  const size_t digits = i_;
  if (i_ < in_.size() && in_[i_] == '-') ++i_;
  while (i_ < in_.size() && std::isdigit(static_cast<unsigned char>(in_[i_]))) ++i_;
  const bool has_param = i_ > digits && std::isdigit(static_cast<unsigned char>(in_[i_ - 1]));
  const long param =
      has_param ? std::strtol(std::string(in_.substr(digits, i_ - digits)).c_str(), nullptr, 10)
                : 0;
  if (i_ < in_.size() && in_[i_] == ' ') ++i_;  // the delimiter belongs to the word
  word(name, has_param, param);
}

void RtfReader::word(std::string_view name, bool has_param, long param) {
  const bool at_start = group_start_;
  group_start_ = false;
  if (at_start && destination(name)) return;
  if (name == "bin" && has_param && param > 0) {  // binary data: skip it
    i_ = std::min(in_.size(), i_ + static_cast<size_t>(param));
  } else if (name == "u" && has_param) {
    std::string cp;
    utf8::append(&cp, static_cast<char32_t>(param < 0 ? param + 65536 : param));
    append(cp);
    skip_chars_ = static_cast<size_t>(std::max(0, groups_.back().uc));
  } else if (name == "uc" && has_param) {
    groups_.back().uc = static_cast<int>(param);
  } else if (name == "ansicpg" && has_param) {
    const std::string cp = "cp" + std::to_string(param);
    if (encoding_known(cp)) codepage_ = cp;
  } else if (groups_.back().dest == Dest::kCreated) {
    if (name == "yr") year_ = static_cast<int>(param);
    if (name == "mo") month_ = static_cast<int>(param);
    if (name == "dy") day_ = static_cast<int>(param);
    if (year_ > 0 && month_ > 0 && day_ > 0) {
      date = normalize_date(std::to_string(year_) + "-" + std::to_string(month_ / 10) +
                            std::to_string(month_ % 10) + "-" + std::to_string(day_ / 10) +
                            std::to_string(day_ % 10));
    }
  } else {
    for (const Word& w : kTextWords) {
      if (w.name == name) return append(w.text);
    }
  }
}

// The first control word of a group: true if it names where the group's
// text goes. An unknown destination marked \* is skipped, as RTF readers
// must.
bool RtfReader::destination(std::string_view name) {
  const bool ignorable = ignorable_;
  ignorable_ = false;
  Dest& dest = groups_.back().dest;
  if (dest == Dest::kSkip) return true;
  if (name == "info") {
    dest = Dest::kInfo;
  } else if (name == "title" || name == "author" || name == "subject" || name == "keywords" ||
             name == "creatim") {
    dest = name == "title"      ? Dest::kTitle
           : name == "author"   ? Dest::kAuthor
           : name == "subject"  ? Dest::kSubject
           : name == "keywords" ? Dest::kKeywords
                                : Dest::kCreated;
  } else if (dest == Dest::kInfo || ignorable ||
             std::find(std::begin(kSkipped), std::end(kSkipped), name) != std::end(kSkipped)) {
    dest = Dest::kSkip;
  } else {
    return false;  // an ordinary word at a group's start (\b, \f1, \u233, ...)
  }
  return true;
}

}  // namespace

Status extract_rtf(std::string_view bytes, const ExtractOptions& options, Extraction* out) {
  (void)options;
  if (bytes.substr(0, 5) != "{\\rtf") return Status::Failed("not an RTF file (no {\\rtf header)");
  RtfReader reader(bytes);
  reader.read();
  ExtractedDoc doc;
  std::string text = utf8::repair(reader.body);
  doc.title = utf8::repair(reader.title);
  if (doc.title.empty()) {
    doc.title = find_title(text).title;
  }
  doc.body = std::move(text);
  doc.author = utf8::repair(reader.author);
  doc.date = reader.date;
  if (!reader.subject.empty()) doc.fields.emplace_back("subject", utf8::repair(reader.subject));
  if (!reader.keywords.empty()) doc.fields.emplace_back("keywords", utf8::repair(reader.keywords));
  out->encoding = "RTF";
  out->docs.push_back(std::move(doc));
  return Status::Ok();
}

}  // namespace trawl::indexer
