#include "schema.h"

#include <cctype>
#include <cstdio>

#include "le64.h"
#include "utf8.h"

namespace trawl::schema {
namespace {

constexpr unsigned char kRecordMagic = 0x54;  // 'T'
constexpr unsigned char kRecordVersion = 1;

void put_varint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool get_varint(std::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    result |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) {
      *v = result;
      return true;
    }
  }
  return false;
}

void put_field(std::string* out, std::string_view key, std::string_view value) {
  put_varint(out, key.size());
  out->append(key);
  put_varint(out, value.size());
  out->append(value);
}

bool get_bytes(std::string_view* in, std::string_view* bytes) {
  uint64_t n;
  if (!get_varint(in, &n) || n > in->size()) return false;
  *bytes = in->substr(0, n);
  in->remove_prefix(n);
  return true;
}

}  // namespace

std::string encode_anchors(const DocRecord& r) {
  std::string out;
  put_varint(&out, r.body_tokens);
  put_varint(&out, r.anchors.size());
  TextAnchor last;
  last.line = 0;
  for (const TextAnchor& c : r.anchors) {
    put_varint(&out, c.byte - last.byte);
    put_varint(&out, c.pos - last.pos);
    put_varint(&out, c.line - last.line);
    put_varint(&out, c.column);
    last = c;
  }
  // (Readers before the checks stop after the anchors.)
  if (!r.piece_checks.empty()) put_varint(&out, r.piece_checks.size());
  for (uint64_t check : r.piece_checks) {
    put_le64(&out, check);
  }
  return out;
}

bool decode_anchors(std::string_view in, DocRecord* r) {
  uint64_t tokens, n;
  if (!get_varint(&in, &tokens) || !get_varint(&in, &n) || n > in.size()) return false;
  r->body_tokens = static_cast<uint32_t>(tokens);
  r->anchors.reserve(r->anchors.size() + n);
  TextAnchor c;
  c.line = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t byte, pos, line, column;
    if (!get_varint(&in, &byte) || !get_varint(&in, &pos) || !get_varint(&in, &line) ||
        !get_varint(&in, &column)) {
      return false;
    }
    c.byte += byte;
    c.pos += static_cast<uint32_t>(pos);
    c.line += static_cast<uint32_t>(line);
    c.column = static_cast<uint32_t>(column);
    r->anchors.push_back(c);
  }
  uint64_t checks = 0;
  if (in.empty()) return true;
  if (!get_varint(&in, &checks) || checks > in.size() / 8 || in.size() != checks * 8) return false;
  r->piece_checks.resize(checks);
  for (uint64_t i = 0; i < checks; ++i) r->piece_checks[i] = load_le64(in.data() + i * 8);
  return true;
}

uint64_t hash64(std::string_view bytes) {
  uint64_t h = 14695981039346656037ULL;  // FNV-1a 64 offset basis
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

std::string bounded_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (value.size() <= 200) {
    term.append(value);
    return term;
  }
  term.append(utf8::truncate(value, 180));
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(hash64(value)));
  term.append(hex);
  return term;
}

std::string id_term(std::string_view key) { return bounded_term(kIdPrefix, key); }

std::vector<std::string> split_items(std::string_view value, char separator) {
  std::vector<std::string> items;
  for (size_t pos = 0; pos < value.size();) {
    size_t end = value.find(separator, pos);
    if (end == std::string_view::npos) end = value.size();
    if (end > pos) items.emplace_back(value.substr(pos, end - pos));
    pos = end + 1;
  }
  return items;
}

std::vector<std::string> path_lines(std::string_view value) { return split_items(value, '\n'); }

std::string file_term(std::string_view path) {
  return bounded_term(kFilePrefix, path);
}

std::string field_name(std::string_view raw) {
  static const std::string_view kBuiltIn[] = {kTitleField, kAuthorField, kExtField, kTypeField,
                                              kPathField,  kLangField,   "date",    "id"};
  std::string name;
  for (char c : raw.substr(0, 32)) {
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    name.push_back((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') ? l : '_');
  }
  for (std::string_view b : kBuiltIn) {
    if (name == b) return std::string();
  }
  if (name.find_first_not_of('_') == std::string::npos) return std::string();
  return name;
}

std::string field_prefix(std::string_view name) {
  std::string clean = field_name(name);
  if (clean.empty()) return std::string();
  std::string prefix(kFieldPrefix);
  for (char c : clean) prefix.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  prefix.push_back(':');
  return prefix;
}

std::string encode_record(const DocRecord& r) {
  std::string out;
  out.reserve(r.text.size() + r.path.size() + r.title.size() + 64);
  out.push_back(static_cast<char>(kRecordMagic));
  out.push_back(static_cast<char>(kRecordVersion));
  put_field(&out, "path", r.path);
  if (!r.key.empty() && r.key != r.path) put_field(&out, "key", r.key);
  put_field(&out, "id", r.id);
  put_field(&out, "title", r.title);
  put_field(&out, "format", r.format);
  if (!r.author.empty()) put_field(&out, "author", r.author);
  if (!r.date.empty()) put_field(&out, "date", r.date);
  if (!r.language.empty()) put_field(&out, "lang", r.language);
  if (!r.encoding.empty()) put_field(&out, "encoding", r.encoding);
  if (!r.hash.empty()) put_field(&out, "hash", r.hash);
  for (const auto& [name, value] : r.fields) put_field(&out, "field:" + name, value);
  put_field(&out, "mtime", std::to_string(r.mtime));
  put_field(&out, "size", std::to_string(r.size));
  if (r.part > 0) {
    put_field(&out, "part", std::to_string(r.part));
    put_field(&out, "line", std::to_string(r.first_line));
  }
  if (!r.text_id.empty()) put_field(&out, "textid", r.text_id);
  if (r.file_offset >= 0) {
    std::string at;
    put_varint(&at, static_cast<uint64_t>(r.file_offset));
    put_varint(&at, r.file_length);
    put_varint(&at, r.file_crlf ? 1 : 0);  // flags
    put_field(&out, "infile", at);
  }
  if (r.stored_anchors > 0) {  // the count; the list is beside the pieces (even if loaded)
    std::string count;
    put_varint(&count, r.body_tokens);
    put_varint(&count, r.stored_anchors);
    put_field(&out, "anchorcount", count);
  } else if (!r.anchors.empty()) {
    put_field(&out, "anchors", encode_anchors(r));
  }
  for (const auto& [key, value] : r.extra) put_field(&out, key, value);
  put_field(&out, "text", r.text);  // last: readers can stop before it
  return out;
}

bool decode_record(std::string_view data, DocRecord* r) {
  if (data.size() < 2 || static_cast<unsigned char>(data[0]) != kRecordMagic ||
      static_cast<unsigned char>(data[1]) > kRecordVersion) {
    return false;
  }
  data.remove_prefix(2);
  bool complete = false;  // "text" is always written last
  while (!data.empty()) {
    std::string_view key, value;
    if (!get_bytes(&data, &key) || !get_bytes(&data, &value)) return false;
    if (key == "path") {
      r->path = value;
      if (r->key.empty()) r->key = value;
    } else if (key == "key") {
      r->key = value;
    } else if (key == "id") {
      r->id = value;
    } else if (key == "title") {
      r->title = value;
    } else if (key == "format") {
      r->format = value;
    } else if (key == "author") {
      r->author = value;
    } else if (key == "date") {
      r->date = value;
    } else if (key == "lang") {
      r->language = value;
    } else if (key == "encoding") {
      r->encoding = value;
    } else if (key == "hash") {
      r->hash = value;
    } else if (key.substr(0, 6) == "field:") {
      r->fields.emplace_back(key.substr(6), value);
    } else if (key == "textid") {
      r->text_id = value;
    } else if (key == "infile") {
      uint64_t offset, length, flags;
      if (!get_varint(&value, &offset) || !get_varint(&value, &length) ||
          !get_varint(&value, &flags) || offset > INT64_MAX) {
        return false;
      }
      r->file_offset = static_cast<int64_t>(offset);
      r->file_length = length;
      r->file_crlf = (flags & 1) != 0;
    } else if (key == "anchors") {
      if (!decode_anchors(value, r)) return false;
    } else if (key == "anchorcount") {
      uint64_t tokens, n;
      if (!get_varint(&value, &tokens) || !get_varint(&value, &n) || n > UINT32_MAX) return false;
      r->body_tokens = static_cast<uint32_t>(tokens);
      r->stored_anchors = static_cast<uint32_t>(n);
    } else if (key == "text") {
      r->text = value;
      complete = true;
    } else if (key == "mtime") {
      r->mtime = std::strtoll(std::string(value).c_str(), nullptr, 10);
    } else if (key == "size") {
      r->size = std::strtoull(std::string(value).c_str(), nullptr, 10);
    } else if (key == "part" || key == "line") {
      const unsigned long n = std::strtoul(std::string(value).c_str(), nullptr, 10);
      if (n == 0 || n > UINT32_MAX) return false;
      (key == "part" ? r->part : r->first_line) = static_cast<uint32_t>(n);
    } else {
      r->extra.emplace_back(key, value);
    }
  }
  return complete;
}

}  // namespace trawl::schema
