// JsonWriter: builds one JSON value (usually one JSON Lines record) with
// correct escaping. Strings are written as valid UTF-8: invalid bytes become
// U+FFFD, control characters are escaped. Not thread-safe; cheap to create.
//
//   JsonWriter w;
//   w.begin_object().key("type").value("hit").key("rank").value(1).end_object();
//   w.str() == R"({"type":"hit","rank":1})"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace trawl {

// Standard base64 (RFC 4648, with '=' padding) of `bytes`.
std::string base64(std::string_view bytes);

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view v);
  JsonWriter& value(const char* v) { return value(std::string_view(v)); }
  JsonWriter& value(int64_t v);
  JsonWriter& value(uint64_t v);
  JsonWriter& value(int v) { return value(static_cast<int64_t>(v)); }
  JsonWriter& value(unsigned v) { return value(static_cast<uint64_t>(v)); }
  JsonWriter& value(double v);
  JsonWriter& value(bool v);
  JsonWriter& null();
  // A file name or path: `name` with the text (invalid UTF-8 shown as
  // U+FFFD), and if it is not valid UTF-8 also `name`_bytes with its exact
  // bytes in base64, so that scripts lose nothing (ripgrep's "bytes").
  JsonWriter& path(std::string_view name, std::string_view p);

  const std::string& str() const { return out_; }

 private:
  void separate();

  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

// Appends `s` as a quoted JSON string to *out.
void append_json_string(std::string* out, std::string_view s);

}  // namespace trawl
