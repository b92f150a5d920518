// E-mail with GMime: a .eml file is one message, an mbox file many. Each
// message becomes a document: Subject as title, From as author, Date as
// date, To/Cc/Message-Id as fields; the body is the text of its text/plain
// parts (or, failing those, its HTML parts without markup), transfer
// encodings and charsets decoded; attachments contribute their names.
#include <gmime/gmime.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "format.h"
#include "utf8.h"

namespace trawl::indexer {
namespace {

struct Unref {
  void operator()(void* object) const {
    if (object) g_object_unref(object);
  }
};
template <typename T>
using GPtr = std::unique_ptr<T, Unref>;

struct GFree {
  void operator()(char* s) const { g_free(s); }
};
using GString = std::unique_ptr<char, GFree>;

void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

std::string clean(const char* s) {
  if (!s) return std::string();
  std::string out(s);
  return utf8::is_valid(out) ? out : utf8::repair(out);
}

std::string addresses(InternetAddressList* list) {
  if (!list || internet_address_list_length(list) == 0) return std::string();
  return clean(GString(internet_address_list_to_string(list, nullptr, FALSE)).get());
}

// The text of a message's parts: plain text preferred, HTML as a fallback.
struct Parts {
  std::string plain, html, attachments;
};

void collect(GMimeObject* part, Parts* parts);

void collect_leaf(GMimePart* part, Parts* parts) {
  const char* filename = g_mime_part_get_filename(part);
  const char* disposition = g_mime_object_get_disposition(GMIME_OBJECT(part));
  bool attachment = disposition && g_ascii_strcasecmp(disposition, "attachment") == 0;
  if (filename && *filename) {
    if (!parts->attachments.empty()) parts->attachments += ", ";
    parts->attachments += clean(filename);
  }
  if (attachment || !GMIME_IS_TEXT_PART(part)) return;
  GMimeContentType* type = g_mime_object_get_content_type(GMIME_OBJECT(part));
  GString text(g_mime_text_part_get_text(GMIME_TEXT_PART(part)));
  if (!text) return;
  std::string& into = g_mime_content_type_is_type(type, "text", "html") ? parts->html : parts->plain;
  if (!into.empty()) into += "\n\n";
  into += clean(text.get());
}

void collect(GMimeObject* part, Parts* parts) {
  if (GMIME_IS_MULTIPART(part)) {
    GMimeMultipart* multi = GMIME_MULTIPART(part);
    for (int i = 0; i < g_mime_multipart_get_count(multi); ++i) {
      collect(g_mime_multipart_get_part(multi, i), parts);
    }
  } else if (GMIME_IS_MESSAGE_PART(part)) {
    GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(part));
    if (!inner) return;
    std::string subject = clean(g_mime_message_get_subject(inner));
    if (!subject.empty()) parts->plain += (parts->plain.empty() ? "" : "\n\n") + subject;
    if (GMimeObject* body = g_mime_message_get_mime_part(inner)) collect(body, parts);
  } else if (GMIME_IS_PART(part)) {
    collect_leaf(GMIME_PART(part), parts);
  }
}

std::string html_text(const std::string& html) {
  ExtractOptions utf8_options;
  utf8_options.encoding = "UTF-8";
  Extraction ex;
  if (!extract_html(html, utf8_options, &ex).ok() || ex.docs.empty()) return std::string();
  return ex.docs[0].body;
}

// Fills *doc from `message`; fails if it has no headers at all.
Status read_message(GMimeMessage* message, ExtractedDoc* doc) {
  GMimeObject* object = GMIME_OBJECT(message);
  GMimeHeaderList* headers = g_mime_object_get_header_list(object);
  if (!headers || g_mime_header_list_get_count(headers) == 0) {
    return Status::Failed("not an e-mail message (no headers)");
  }
  doc->title = clean(g_mime_message_get_subject(message));
  doc->author = addresses(g_mime_message_get_from(message));
  if (const char* date = g_mime_object_get_header(object, "Date")) doc->date = normalize_date(date);
  if (!doc->author.empty()) doc->fields.emplace_back("from", doc->author);
  if (std::string to = addresses(g_mime_message_get_to(message)); !to.empty()) {
    doc->fields.emplace_back("to", to);
  }
  if (std::string cc = addresses(g_mime_message_get_cc(message)); !cc.empty()) {
    doc->fields.emplace_back("cc", cc);
  }
  std::string id = clean(g_mime_message_get_message_id(message));
  if (!id.empty()) doc->fields.emplace_back("message_id", id);
  Parts parts;
  if (GMimeObject* body = g_mime_message_get_mime_part(message)) collect(body, &parts);
  doc->body = !parts.plain.empty() ? parts.plain : html_text(parts.html);
  if (!parts.attachments.empty()) doc->fields.emplace_back("attachments", parts.attachments);
  return Status::Ok();
}

GPtr<GMimeParser> parser_for(std::string_view bytes, bool mbox) {
  init_gmime();
  GPtr<GMimeStream> stream(
      g_mime_stream_mem_new_with_buffer(bytes.data(), static_cast<size_t>(bytes.size())));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
  return parser;
}

}  // namespace

Status extract_email(std::string_view bytes, const ExtractOptions&, Extraction* out) {
  GPtr<GMimeParser> parser = parser_for(bytes, /*mbox=*/false);
  GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
  if (!message) return Status::Failed("not an e-mail message (cannot parse)");
  ExtractedDoc doc;
  if (Status s = read_message(message.get(), &doc); !s.ok()) return s;
  out->encoding = "UTF-8";
  out->docs.push_back(std::move(doc));
  return Status::Ok();
}

namespace {

// Parses the messages of mbox text `bytes`, numbered from *number on (the
// next number is left there), up to its end or to a message GMime cannot
// parse: returns that message's offset (npos if none).
size_t parse_messages(std::string_view bytes, const ExtractOptions& options, int* number,
                      Extraction* out) {
  GPtr<GMimeParser> parser = parser_for(bytes, /*mbox=*/true);
  for (int& n = *number; !g_mime_parser_eos(parser.get()); ++n) {
    const gint64 start = g_mime_parser_tell(parser.get());
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
    const std::string where = "message " + std::to_string(n);
    if (!message) {
      out->problems.push_back(where + ": cannot parse");
      ++n;
      return start > 0 ? static_cast<size_t>(start) : 0;
    }
    ExtractedDoc doc;
    if (Status s = read_message(message.get(), &doc); !s.ok()) {
      out->problems.push_back(where + ": " + s.message());
      continue;
    }
    doc.id = std::to_string(n);
    for (const auto& [name, value] : doc.fields) {
      if (name == "message_id") doc.id = value;
    }
    doc.key_suffix = std::string("#").append(std::to_string(n));
    emit_doc(std::move(doc), options, out);
  }
  return std::string_view::npos;
}

// All the messages of mbox text `bytes` (see parse_messages): after one
// GMime cannot parse (a header block that starts with a continuation line),
// parsing starts again at the next "From " line.
void extract_messages(std::string_view bytes, const ExtractOptions& options, int* number,
                      Extraction* out) {
  out->encoding = "UTF-8";
  for (size_t offset = 0; offset < bytes.size();) {
    const size_t failed = parse_messages(bytes.substr(offset), options, number, out);
    if (failed == std::string_view::npos) return;
    const size_t next = bytes.find("\nFrom ", offset + failed + 1);
    if (next == std::string_view::npos) return;
    offset = next + 1;
  }
}

constexpr std::string_view kNotMbox = "not an mbox file (no \"From \" line)";
// Bytes of an mbox file parsed at a time (whole messages).
constexpr size_t kMboxWindow = 4 << 20;

}  // namespace

Status extract_mbox(std::string_view bytes, const ExtractOptions& options, Extraction* out) {
  if (bytes.substr(0, 5) != "From ") return Status::Failed(std::string(kNotMbox));
  int number = 1;
  extract_messages(bytes, options, &number, out);
  return Status::Ok();
}

Status extract_mbox(ByteSource& source, const ExtractOptions& options, Extraction* out) {
  int number = static_cast<int>(options.first_record);
  bool first = true;  // the first window
  Status failed;
  const auto take = [&](std::string_view chunk, bool last) {
    if (first && chunk.substr(0, 5) != "From ") {
      failed = Status::Failed(std::string(kNotMbox));
      return false;
    }
    first = false;
    // The line end before a "From " line belongs to it, not to the message.
    if (!last) chunk.remove_suffix(1);
    extract_messages(chunk, options, &number, out);
    return true;
  };
  const auto too_long = [&](uint64_t bytes) {
    out->problems.push_back("message " + std::to_string(number++) + ": " +
                            over_limit(bytes, options.max_expanded));
  };
  Status read =
      for_each_window(source, kMboxWindow, "\nFrom ", take, options.max_expanded, too_long);
  return read.ok() ? failed : read;
}

}  // namespace trawl::indexer
