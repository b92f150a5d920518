#include "format.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "archive_reader.h"
#include "encoding.h"
#include "file_types.h"
#include "fold.h"
#include "utf8.h"

namespace trawl::indexer {
namespace {

constexpr Format kText{"text", extract_text, false};
constexpr Format kMarkdown{"markdown", extract_markdown, false};
constexpr Format kHtml{"html", extract_html, false};
constexpr Format kPdf{"pdf", extract_pdf, true};
constexpr Format kEmail{"email", extract_email, false};
constexpr Format kMbox{"mbox", extract_mbox, false};
constexpr Format kJsonl{"jsonl", extract_jsonl, false};
constexpr Format kJson{"json", extract_json, false};
constexpr Format kOffice{"office", extract_office, true};
constexpr Format kEpub{"epub", extract_epub, true};
constexpr Format kArchive{"archive", extract_archive, true};
constexpr Format kRtf{"rtf", extract_rtf, false};

// The length of the field name of a mail header line ("Subject: x" -> 7),
// or 0 if `line` is not a header field (RFC 5322: printable ASCII but ':').
size_t field_name_length(std::string_view line) {
  const size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos) return 0;
  const bool printable =
      std::all_of(line.begin(), line.begin() + colon, [](char c) { return c > ' ' && c < 0x7F; });
  return printable ? colon : 0;
}

// An mbox file starts with a "From " line that holds a time ("From a@b Mon
// Jan 13 09:30:00 2025"), and a header field follows it: mail programs
// keep folders so without an extension (Thunderbird's "Inbox"), and their
// first message's "From:" may come after many Received lines.
bool looks_like_mbox(std::string_view head) {
  if (head.substr(0, 5) != "From ") return false;
  const size_t eol = head.find('\n');
  if (eol == std::string_view::npos) return false;
  const std::string_view line = head.substr(0, eol);
  const auto digit = [&](size_t i) { return std::isdigit(static_cast<unsigned char>(line[i])); };
  bool time = false;
  for (size_t i = 2; i + 2 < line.size() && !time; ++i) {
    time = line[i] == ':' && digit(i - 2) && digit(i - 1) && digit(i + 1) && digit(i + 2);
  }
  return time && field_name_length(head.substr(eol + 1)) > 0;
}

// A mail message (a Maildir or MH file, which have no extension) starts
// with a header block, fields and their folded lines up to a blank line,
// with From and Date or Subject among its fields. Only the first 8 KiB are
// looked at.
bool looks_like_message(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 8192);
  bool from = false, date_or_subject = false;
  size_t pos = 0;
  while (pos < head.size()) {
    const size_t eol = head.find('\n', pos);
    if (eol == std::string_view::npos) break;  // cut off by the 8 KiB
    std::string_view line = head.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;  // end of the header block
    const bool folded = line[0] == ' ' || line[0] == '\t';
    if (folded && pos == 0) return false;
    pos = eol + 1;
    if (folded) continue;
    const size_t length = field_name_length(line);
    if (length == 0) return false;
    const std::string name = ascii_lower(line.substr(0, length));
    from = from || name == "from";
    date_or_subject = date_or_subject || name == "date" || name == "subject";
  }
  return from && date_or_subject;
}

}  // namespace

const Format* find_format(std::string_view path) { return format_named(format_of_path(path)); }

const Format* sniff_format(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 1024);
  if (head.substr(0, 5) == "%PDF-") return &kPdf;
  if (head.substr(0, 5) == "{\\rtf") return &kRtf;
  // Signatures of common binary formats, which may lack NUL bytes early on,
  // and of Thunderbird's folder summaries (Inbox.msf: Mork, text that is
  // no document).
  static const std::string_view kBinary[] = {
      "\x89PNG", "\xFF\xD8\xFF", "GIF87a", "GIF89a", "PK\x03\x04", "\x1F\x8B", "\x7F" "ELF",
      "BZh", "\xFD" "7zXZ", "7z\xBC\xAF", "Rar!", "OggS", "ID3", "fLaC", "RIFF",
      std::string_view("\x00\x00\x01\x00", 4), "// <!-- <mdb:mork:"};
  for (std::string_view magic : kBinary) {
    if (head.substr(0, magic.size()) == magic) return nullptr;
  }
  if (looks_binary(bytes)) return nullptr;
  std::string start = ascii_lower(head.substr(0, 512));
  size_t first = start.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string::npos) {
    std::string_view s = std::string_view(start).substr(first);
    if (s.rfind("<!doctype html", 0) == 0 || s.rfind("<html", 0) == 0) return &kHtml;
  }
  if (looks_like_mbox(head)) return &kMbox;
  if (looks_like_message(bytes)) return &kEmail;
  return &kText;
}

const Format* format_named(std::string_view name) {
  for (const Format* f : {&kText, &kMarkdown, &kHtml, &kPdf, &kEmail, &kMbox, &kJsonl, &kJson,
                          &kOffice, &kEpub, &kArchive, &kRtf}) {
    if (f->name == name) return f;
  }
  return nullptr;
}

std::string binary_detail(std::string_view name) {
  return "NUL or control bytes in a ." + extension_of(name) + " file";
}

Status extract_named(std::string_view name, std::string_view bytes, const ExtractOptions& options,
                     FileExtraction* out) {
  std::string expanded;
  const std::string_view suffix = compression_suffix(name);
  if (!suffix.empty() && format_of_path(name) != "archive") {
    if (Status s = decompress(bytes, options.max_expanded, &expanded); !s.ok()) return s;
    name.remove_suffix(suffix.size());
    bytes = expanded;
  }
  const Format* format = find_format(name);
  if (!format) format = sniff_format(bytes);
  if (!format) {
    out->skip_reason = "binary";
    return Status::Ok();
  }
  out->format = std::string(format->name);
  if (!format->binary && looks_binary(bytes)) {
    out->skip_reason = "binary";
    out->skip_detail = binary_detail(name);
    return Status::Ok();
  }
  if (Status s = format->extract(bytes, options, &out->extraction); !s.ok()) return s;
  out->skip_reason = out->extraction.skip_reason;
  return Status::Ok();
}

Status decode_text(std::string_view bytes, const ExtractOptions& options, std::string* text,
                   std::string* encoding, std::string_view hint) {
  if (looks_binary(bytes)) return Status::Failed("binary file (contains NUL or control bytes)");
  Decoded decoded;
  if (Status s = to_utf8(bytes, options.encoding, hint, &decoded); !s.ok()) return s;
  if (encoding) *encoding = decoded.encoding;
  if (decoded.text.find_first_of(std::string_view("\r\0", 2)) == std::string::npos) {
    *text = std::move(decoded.text);  // no second copy of a big file
    return Status::Ok();
  }
  text->clear();
  text->reserve(decoded.text.size());
  const std::string& in = decoded.text;
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '\r') {
      text->push_back('\n');
      if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
    } else if (c == '\0') {
      text->append("\xEF\xBF\xBD");  // from UTF-16/32 data
    } else {
      text->push_back(c);
    }
  }
  return Status::Ok();
}

Status decode_text_view(std::string_view bytes, const ExtractOptions& options, std::string* storage,
                        std::string_view* text, std::string* encoding) {
  const bool clean = options.encoding.empty() && bytes.substr(0, 3) != "\xEF\xBB\xBF" &&
                     bytes.find_first_of(std::string_view("\r\0", 2)) == std::string::npos &&
                     !looks_binary(bytes) && utf8::is_valid(bytes);
  if (clean) {
    *text = bytes;
    *encoding = "UTF-8";
    return Status::Ok();
  }
  if (Status s = decode_text(bytes, options, storage, encoding); !s.ok()) return s;
  *text = *storage;
  return Status::Ok();
}

Status read_line_windows(ByteSource& source, const ExtractOptions& options, size_t window,
                         Extraction* out, const LineWindowFn& extract,
                         Status (*whole)(std::string_view, const ExtractOptions&, Extraction*),
                         bool paragraphs) {
  // (A grown file's new part, read from first_record on, is never wide.)
  if (options.first_record == 1 && starts_wide(source)) {
    std::string bytes;
    if (Status s = read_all(source, &bytes); !s.ok()) return s;
    return whole(bytes, options, out);
  }
  ExtractOptions window_options = options;
  LineWindow w;
  w.first_line = options.first_record;
  w.offset = options.first_byte;
  Status failed;
  const auto take = [&](std::string_view chunk, bool) {
    if (w.first && looks_binary(chunk)) {  // as extract_named does for a whole file
      out->skip_reason = "binary";
      return false;
    }
    w.bytes = chunk;
    if (Status s = extract(w, window_options); !s.ok()) {
      if (w.first) {  // unreadable from the start: the file fails
        failed = s;
        return false;
      }
      out->problems.push_back("line " + std::to_string(w.first_line) + " on: " + s.message() +
                              ", not indexed");
    } else if (w.first && window_options.encoding.empty() && out->encoding != "UTF-8") {
      window_options.encoding = out->encoding;  // the start's encoding holds for the rest
    }
    w.first_line += static_cast<uint64_t>(std::count(chunk.begin(), chunk.end(), '\n'));
    w.offset += chunk.size();
    w.first = false;
    return true;
  };
  const auto too_long = [&](uint64_t bytes) {
    out->problems.push_back("line " + std::to_string(w.first_line++) + ": " +
                            over_limit(bytes, options.max_expanded));
    w.offset_known = false;
  };
  Status read = for_each_window(source, std::max<size_t>(window, 1), "\n", take,
                                options.max_expanded, too_long, paragraphs);
  return read.ok() ? failed : read;
}

void emit_doc(ExtractedDoc&& doc, const ExtractOptions& options, Extraction* out) {
  if (options.stream) {
    options.stream(std::move(doc));
  } else {
    out->docs.push_back(std::move(doc));
  }
}

void append_collapsed(std::string_view text, std::string* out) {
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      if (!out->empty() && out->back() != ' ' && out->back() != '\n') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

void end_line(std::string* out) {
  while (!out->empty() && out->back() == ' ') out->pop_back();
  if (!out->empty() && out->back() != '\n') out->push_back('\n');
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
