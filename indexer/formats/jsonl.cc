// JSON Lines: one document per line, {"_id": ..., "title": ..., "text": ...}.
#include <nlohmann/json.hpp>

#include <string>

#include "format.h"

namespace trawl::indexer {
namespace {

// The string form of a JSON scalar (ids may be numbers).
bool scalar_string(const nlohmann::json& v, std::string* out) {
  if (v.is_string()) {
    *out = v.get<std::string>();
    return true;
  }
  if (v.is_number_integer() || v.is_number_unsigned()) {
    *out = v.dump();
    return true;
  }
  return false;
}

// Parses one line into *doc, or returns what is wrong with it.
Status parse_line(std::string_view line, ExtractedDoc* doc) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::Failed("invalid JSON");
  if (!j.is_object()) return Status::Failed("not a JSON object");
  const char* id_key = j.contains("_id") ? "_id" : "id";
  if (!j.contains(id_key) || !scalar_string(j[id_key], &doc->id) || doc->id.empty()) {
    return Status::Failed("no \"_id\" or \"id\" field (string or integer)");
  }
  for (const char* key : {"title", "text"}) {
    if (j.contains(key) && !j[key].is_string() && !j[key].is_null()) {
      return Status::Failed(std::string("field \"") + key + "\" is not a string");
    }
  }
  if (j.contains("title") && j["title"].is_string()) doc->title = j["title"].get<std::string>();
  if (j.contains("text") && j["text"].is_string()) doc->body = j["text"].get<std::string>();
  if (doc->title.empty() && doc->body.empty()) {
    return Status::Failed("no \"title\" or \"text\"");
  }
  doc->key_suffix = "#" + doc->id;
  return Status::Ok();
}

}  // namespace

Status extract_jsonl(std::string_view bytes, Extraction* out) {
  std::string text;
  if (Status s = decode_text(bytes, &text); !s.ok()) return s;
  size_t pos = 0;
  for (size_t line_no = 1; pos < text.size(); ++line_no) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string_view line(text.data() + pos, eol - pos);
    pos = eol + 1;
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    ExtractedDoc doc;
    if (Status s = parse_line(line, &doc); !s.ok()) {
      out->problems.push_back("line " + std::to_string(line_no) + ": " + s.message());
      continue;
    }
    out->docs.push_back(std::move(doc));
  }
  return Status::Ok();
}

}  // namespace trawl::indexer
