// json_writer.h: every output must be valid JSON (checked by parsing it with
// nlohmann::json) and every string valid UTF-8 that reads back as written.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "json_writer.h"
#include "utf8.h"

namespace trawl {
namespace {

using namespace std::string_view_literals;

// Parses `text`, failing the test (not throwing) if it is not valid JSON.
nlohmann::json parse(const std::string& text) {
  nlohmann::json j;
  CHECK_NOTHROW(j = nlohmann::json::parse(text));
  return j;
}

bool has_raw_control(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return true;
  }
  return false;
}

struct StringCase {
  std::string_view input;
  std::string_view json;     // the exact output; "" = not checked
  std::string_view decoded;  // what a JSON parser reads back
};

const StringCase kStringCases[] = {
    {"", R"("")", ""},
    {"plain", R"("plain")", "plain"},
    {"say \"hi\"", R"("say \"hi\"")", "say \"hi\""},
    {"a\\b", R"("a\\b")", "a\\b"},
    {"C:\\path\\\"q\"", R"("C:\\path\\\"q\"")", "C:\\path\\\"q\""},
    {"line\nnext", R"("line\nnext")", "line\nnext"},
    {"tab\there\r", R"("tab\there\r")", "tab\there\r"},
    {"/ slash", R"("/ slash")", "/ slash"},
    // Other control characters: escaped, read back unchanged.
    {"\0"sv, "", "\0"sv},
    {"a\x01z", "", "a\x01z"},
    {"\b\f", "", "\b\f"},
    {"\x1B[31mred", "", "\x1B[31mred"},
    {"\x1F", "", "\x1F"},
    {"del\x7F", "", "del\x7F"},
    // Line and paragraph separators: valid JSON but not valid JavaScript.
    {"a\u2028b\u2029c", R"("a\u2028b\u2029c")", "a\u2028b\u2029c"},
    // Valid UTF-8 passes through.
    {"café 北京 Навальный 😀", "\"café 北京 Навальный 😀\"", "café 北京 Навальный 😀"},
    // Invalid UTF-8 becomes U+FFFD.
    {"a\xFF" "b", "\"a\uFFFD" "b\"", "a\uFFFD" "b"},
    {"\x80", "\"\uFFFD\"", "\uFFFD"},
    {"caf\xE9", "\"caf\uFFFD\"", "caf\uFFFD"},
    {"\xC0\xAF", "\"\uFFFD\uFFFD\"", "\uFFFD\uFFFD"},
    {"\xED\xA0\x80", "\"\uFFFD\uFFFD\uFFFD\"", "\uFFFD\uFFFD\uFFFD"},
    {"end\xC3", "\"end\uFFFD\"", "end\uFFFD"},
};

TEST_CASE("append_json_string escapes and repairs") {
  for (const StringCase& c : kStringCases) {
    CAPTURE(c.input);
    std::string out = "[";
    append_json_string(&out, c.input);
    const std::string json = out.substr(1);
    if (!c.json.empty()) CHECK(json == c.json);
    CHECK(utf8::is_valid(json));
    CHECK_FALSE(has_raw_control(json));
    CHECK(json.find("\u2028") == std::string::npos);
    CHECK(json.find("\u2029") == std::string::npos);
    out += "]";
    const nlohmann::json j = parse(out);
    REQUIRE(j.is_array());
    REQUIRE(j.size() == 1);
    CHECK(j[0].get<std::string>() == c.decoded);
  }
}

TEST_CASE("JsonWriter: keys are escaped like values") {
  for (const StringCase& c : kStringCases) {
    CAPTURE(c.input);
    JsonWriter w;
    w.begin_object().key(c.input).value(c.input).end_object();
    const nlohmann::json j = parse(w.str());
    REQUIRE(j.is_object());
    REQUIRE(j.contains(std::string(c.decoded)));
    CHECK(j[std::string(c.decoded)].get<std::string>() == c.decoded);
  }
}

// Builds documents with every kind of value and nesting.
struct ShapeCase {
  std::string_view name;
  void (*build)(JsonWriter& w);
  std::string_view expected;
};

const ShapeCase kShapeCases[] = {
    {"header example",
     [](JsonWriter& w) {
       w.begin_object().key("type").value("hit").key("rank").value(1).end_object();
     },
     R"({"type":"hit","rank":1})"},
    {"empty object", [](JsonWriter& w) { w.begin_object().end_object(); }, "{}"},
    {"empty array", [](JsonWriter& w) { w.begin_array().end_array(); }, "[]"},
    {"scalars in an array",
     [](JsonWriter& w) {
       w.begin_array().value(1).value("x").value(true).value(false).null().value(2.5).end_array();
     },
     R"([1,"x",true,false,null,2.5])"},
    {"nested",
     [](JsonWriter& w) {
       w.begin_object()
           .key("a").begin_array().value(1).begin_object().end_object().begin_array().end_array()
           .null().end_array()
           .key("b").begin_object().key("c").begin_object().key("d").value("e").end_object()
           .end_object()
           .key("f").value(false)
           .end_object();
     },
     R"({"a":[1,{},[],null],"b":{"c":{"d":"e"}},"f":false})"},
    {"array of objects",
     [](JsonWriter& w) {
       w.begin_array();
       for (int i = 0; i < 3; ++i) w.begin_object().key("i").value(i).end_object();
       w.end_array();
     },
     R"([{"i":0},{"i":1},{"i":2}])"},
    {"arrays of arrays",
     [](JsonWriter& w) {
       w.begin_array().begin_array().begin_array().end_array().end_array().begin_array()
           .value(1).end_array().end_array();
     },
     "[[[]],[1]]"},
    {"a string literal is a string, not a bool",
     [](JsonWriter& w) { w.begin_object().key("k").value("v").end_object(); },
     R"({"k":"v"})"},
    {"top-level scalar", [](JsonWriter& w) { w.value(42); }, "42"},
    {"top-level null", [](JsonWriter& w) { w.null(); }, "null"},
};

TEST_CASE("JsonWriter: objects, arrays and nesting") {
  for (const ShapeCase& c : kShapeCases) {
    CAPTURE(c.name);
    JsonWriter w;
    c.build(w);
    CHECK(w.str() == c.expected);
    CHECK(parse(w.str()) == nlohmann::json::parse(c.expected));
  }
}

struct IntCase {
  std::string_view name;
  void (*write)(JsonWriter& w);
  std::string_view expected;
};

const IntCase kIntCases[] = {
    {"int 0", [](JsonWriter& w) { w.value(0); }, "0"},
    {"int -1", [](JsonWriter& w) { w.value(-1); }, "-1"},
    {"unsigned", [](JsonWriter& w) { w.value(7u); }, "7"},
    {"int64 min", [](JsonWriter& w) { w.value(std::numeric_limits<int64_t>::min()); },
     "-9223372036854775808"},
    {"int64 max", [](JsonWriter& w) { w.value(std::numeric_limits<int64_t>::max()); },
     "9223372036854775807"},
    {"uint64 max", [](JsonWriter& w) { w.value(std::numeric_limits<uint64_t>::max()); },
     "18446744073709551615"},
    {"true", [](JsonWriter& w) { w.value(true); }, "true"},
    {"false", [](JsonWriter& w) { w.value(false); }, "false"},
};

TEST_CASE("JsonWriter: integers and booleans are exact") {
  for (const IntCase& c : kIntCases) {
    CAPTURE(c.name);
    JsonWriter w;
    c.write(w);
    CHECK(w.str() == c.expected);
    CHECK(parse(w.str()).dump() == c.expected);
  }
}

const double kDoubles[] = {
    0.0, 1.0, -2.5, 0.1, 1.0 / 3.0, 123456.789, 1e300, -1e-300, 5e-324,
    std::numeric_limits<double>::max(), 9007199254740993.0,
};

TEST_CASE("JsonWriter: doubles read back exactly") {
  for (double d : kDoubles) {
    CAPTURE(d);
    JsonWriter w;
    w.begin_array().value(d).end_array();
    const nlohmann::json j = parse(w.str());
    REQUIRE(j.is_array());
    REQUIRE(j[0].is_number());
    CHECK(j[0].get<double>() == d);
  }
}

const double kNonFinite[] = {
    std::numeric_limits<double>::infinity(),
    -std::numeric_limits<double>::infinity(),
    std::numeric_limits<double>::quiet_NaN(),
};

TEST_CASE("JsonWriter: non-finite doubles still give valid JSON") {
  for (double d : kNonFinite) {
    CAPTURE(d);
    JsonWriter w;
    w.begin_object().key("score").value(d).end_object();
    const nlohmann::json j = parse(w.str());
    REQUIRE(j.is_object());
    CHECK(j["score"].is_null());
  }
}

TEST_CASE("base64: RFC 4648 test vectors and every byte") {
  struct Case {
    std::string_view in, out;
  };
  const Case cases[] = {{"", ""},
                        {"f", "Zg=="},
                        {"fo", "Zm8="},
                        {"foo", "Zm9v"},
                        {"foob", "Zm9vYg=="},
                        {"fooba", "Zm9vYmE="},
                        {"foobar", "Zm9vYmFy"},
                        {std::string_view("\xff\x00\xe9", 3), "/wDp"}};
  for (const Case& c : cases) {
    CAPTURE(c.out);
    CHECK(base64(c.in) == c.out);
  }
}

TEST_CASE("JsonWriter::path: valid UTF-8 as text alone, anything else with its bytes") {
  struct Case {
    std::string_view path, json;
  };
  const Case cases[] = {
      {"notes/a.txt", R"({"path":"notes/a.txt"})"},
      {"caf\xc3\xa9.txt", "{\"path\":\"caf\xc3\xa9.txt\"}"},
      {"caf\xe9.txt", "{\"path\":\"caf\xef\xbf\xbd.txt\",\"path_bytes\":\"Y2Fm6S50eHQ=\"}"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.json);
    JsonWriter w;
    w.begin_object().path("path", c.path).end_object();
    CHECK(w.str() == c.json);
  }
}

}  // namespace
}  // namespace trawl
