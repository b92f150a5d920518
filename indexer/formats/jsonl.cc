// JSON Lines (one document per line) and JSON (an array of such objects).
//
// Field mapping (ExtractOptions): the id comes from --jsonl-id (default
// "_id", else "id"), the title from --jsonl-title ("title"), the body from
// --jsonl-text ("text"). "author", "date" and "lang"/"language" fill those
// fields; every other scalar (or array of scalars) is kept as a searchable
// field of its own.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

#include "encoding.h"
#include "format.h"

namespace trawl::indexer {
namespace {

using nlohmann::json;

// The string form of a JSON scalar, or of an array of scalars ("a, b").
bool as_text(const json& v, std::string* out) {
  if (v.is_string()) {
    *out = v.get<std::string>();
  } else if (v.is_number_integer() || v.is_number_unsigned() || v.is_number_float() ||
             v.is_boolean()) {
    *out = v.dump();
  } else if (v.is_array()) {
    out->clear();
    for (const json& item : v) {
      std::string s;
      if (!as_text(item, &s) || item.is_array()) continue;
      if (!out->empty()) *out += ", ";
      *out += s;
    }
  } else {
    return false;
  }
  return true;
}

const json* find_id(const json& j, const ExtractOptions& options, std::string* key) {
  for (const char* k : {"_id", "id"}) {
    *key = options.jsonl_id.empty() ? k : options.jsonl_id;
    if (j.contains(*key)) return &j[*key];
    if (!options.jsonl_id.empty()) break;
  }
  return nullptr;
}

// Reads one record into *doc, or returns what is wrong with it.
Status parse_record(const json& j, const ExtractOptions& options, ExtractedDoc* doc) {
  if (!j.is_object()) return Status::Failed("not a JSON object");
  std::string id_key;
  const json* id = find_id(j, options, &id_key);
  if (!id || !(id->is_string() || id->is_number_integer() || id->is_number_unsigned()) ||
      !as_text(*id, &doc->id) || doc->id.empty()) {
    return Status::Failed(options.jsonl_id.empty()
                              ? "no \"_id\" or \"id\" field (string or integer)"
                              : "no \"" + options.jsonl_id + "\" field (string or integer)");
  }
  for (const std::string* key : {&options.jsonl_title, &options.jsonl_text}) {
    if (j.contains(*key) && !j[*key].is_string() && !j[*key].is_null()) {
      return Status::Failed("field \"" + *key + "\" is not a string");
    }
  }
  for (const auto& [key, value] : j.items()) {
    std::string text;
    if (key == id_key || value.is_null() || !as_text(value, &text)) continue;
    if (key == options.jsonl_title) {
      doc->title = text;
    } else if (key == options.jsonl_text) {
      doc->body = text;
    } else if (key == "author") {
      doc->author = text;
    } else if (key == "date") {
      doc->date = normalize_date(text);
    } else if (key == "lang" || key == "language") {
      doc->language = text;
    } else if (!text.empty()) {
      doc->fields.emplace_back(key, text);
    }
  }
  if (doc->title.empty() && doc->body.empty()) {
    return Status::Failed("no \"" + options.jsonl_title + "\" or \"" + options.jsonl_text + "\"");
  }
  doc->key_suffix = "#" + doc->id;
  return Status::Ok();
}

void add_record(const json& j, const ExtractOptions& options, const std::string& where,
                Extraction* out) {
  ExtractedDoc doc;
  if (Status s = parse_record(j, options, &doc); !s.ok()) {
    out->problems.push_back(where + ": " + s.message());
    return;
  }
  emit_doc(std::move(doc), options, out);
}

// The records of `bytes`, whose first line is line `first_line` of the
// file (for the messages).
Status extract_lines(std::string_view bytes, const ExtractOptions& options, size_t first_line,
                     Extraction* out) {
  std::string storage;
  std::string_view text;
  if (Status s = decode_text_view(bytes, options, &storage, &text, &out->encoding); !s.ok()) {
    return s;
  }
  size_t pos = 0;
  for (size_t line_no = first_line; pos < text.size(); ++line_no) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
    const std::string where = "line " + std::to_string(line_no);
    if (j.is_discarded()) {
      out->problems.push_back(where + ": invalid JSON");
      continue;
    }
    add_record(j, options, where, out);
  }
  return Status::Ok();
}

// Bytes of a JSON Lines file read and decoded at a time.
constexpr size_t kLinesWindow = 1 << 20;

}  // namespace

Status extract_jsonl(std::string_view bytes, const ExtractOptions& options, Extraction* out) {
  return extract_lines(bytes, options, 1, out);
}

Status extract_jsonl(ByteSource& source, const ExtractOptions& options, Extraction* out) {
  const auto lines = [out](const LineWindow& w, const ExtractOptions& window_options) {
    return extract_lines(w.bytes, window_options, static_cast<size_t>(w.first_line), out);
  };
  return read_line_windows(source, options, kLinesWindow, out, lines, extract_jsonl);
}

Status extract_json(std::string_view bytes, const ExtractOptions& options, Extraction* out) {
  std::string text;
  if (Status s = decode_text(bytes, options, &text, &out->encoding); !s.ok()) return s;
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::Failed("invalid JSON");
  if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) {
      add_record(j[i], options, "record " + std::to_string(i + 1), out);
    }
    return Status::Ok();
  }
  if (j.is_object() && (j.contains(options.jsonl_title) || j.contains(options.jsonl_text))) {
    add_record(j, options, "record 1", out);
    return Status::Ok();
  }
  // Any other JSON (a configuration file, say) is indexed as text.
  ExtractedDoc doc;
  doc.body = std::move(text);
  out->docs.push_back(std::move(doc));
  return Status::Ok();
}

}  // namespace trawl::indexer
