#include "format.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "encoding.h"
#include "utf8.h"

namespace trawl::indexer {
namespace {

constexpr Format kText{"text", extract_text, false};
constexpr Format kMarkdown{"markdown", extract_markdown, false};
constexpr Format kHtml{"html", extract_html, false};
constexpr Format kPdf{"pdf", extract_pdf, false};
constexpr Format kEmail{"email", extract_email, false};
constexpr Format kMbox{"mbox", extract_mbox, true};
constexpr Format kJsonl{"jsonl", extract_jsonl, true};
constexpr Format kJson{"json", extract_json, true};

struct Extension {
  std::string_view ext;  // lower case, with the dot
  const Format* format;
};

// Plain text and source code are indexed as text.
constexpr Extension kExtensions[] = {
    {".txt", &kText}, {".text", &kText}, {".log", &kText}, {".csv", &kText},
    {".tsv", &kText}, {".rst", &kText}, {".org", &kText}, {".adoc", &kText},
    {".tex", &kText}, {".bib", &kText}, {".srt", &kText}, {".vtt", &kText},
    {".ini", &kText}, {".cfg", &kText}, {".conf", &kText}, {".toml", &kText},
    {".yaml", &kText}, {".yml", &kText}, {".xml", &kText}, {".svg", &kText},
    {".c", &kText}, {".h", &kText}, {".cc", &kText}, {".cpp", &kText},
    {".cxx", &kText}, {".hh", &kText}, {".hpp", &kText}, {".hxx", &kText},
    {".py", &kText}, {".rb", &kText}, {".pl", &kText}, {".pm", &kText},
    {".php", &kText}, {".js", &kText}, {".mjs", &kText}, {".ts", &kText},
    {".tsx", &kText}, {".jsx", &kText}, {".java", &kText}, {".kt", &kText},
    {".scala", &kText}, {".go", &kText}, {".rs", &kText}, {".swift", &kText},
    {".cs", &kText}, {".fs", &kText}, {".hs", &kText}, {".ml", &kText},
    {".lua", &kText}, {".r", &kText}, {".jl", &kText}, {".sql", &kText},
    {".sh", &kText}, {".bash", &kText}, {".zsh", &kText}, {".fish", &kText},
    {".el", &kText}, {".clj", &kText}, {".erl", &kText}, {".ex", &kText},
    {".css", &kText}, {".scss", &kText}, {".cmake", &kText}, {".mk", &kText},
    {".md", &kMarkdown}, {".markdown", &kMarkdown}, {".mdown", &kMarkdown},
    {".html", &kHtml}, {".htm", &kHtml}, {".xhtml", &kHtml},
    {".pdf", &kPdf},
    {".eml", &kEmail},
    {".mbox", &kMbox}, {".mbx", &kMbox},
    {".jsonl", &kJsonl}, {".ndjson", &kJsonl},
    {".json", &kJson},
};

// Files without an extension that are text by convention.
constexpr std::string_view kTextNames[] = {
    "readme", "license", "copying", "authors", "changelog", "news", "todo", "makefile",
    "dockerfile", "install"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

const Format* find_format(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string name = lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) {
    if (std::find(std::begin(kTextNames), std::end(kTextNames), name) != std::end(kTextNames)) {
      return &kText;
    }
    return nullptr;
  }
  std::string_view ext = std::string_view(name).substr(dot);
  for (const Extension& e : kExtensions) {
    if (e.ext == ext) return e.format;
  }
  return nullptr;
}

const Format* sniff_format(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 1024);
  if (head.substr(0, 5) == "%PDF-") return &kPdf;
  // Signatures of common binary formats, which may lack NUL bytes early on.
  static const std::string_view kBinary[] = {
      "\x89PNG", "\xFF\xD8\xFF", "GIF87a", "GIF89a", "PK\x03\x04", "\x1F\x8B", "\x7F" "ELF",
      "BZh", "\xFD" "7zXZ", "7z\xBC\xAF", "Rar!", "OggS", "ID3", "fLaC", "RIFF",
      std::string_view("\x00\x00\x01\x00", 4)};
  for (std::string_view magic : kBinary) {
    if (head.substr(0, magic.size()) == magic) return nullptr;
  }
  if (looks_binary(bytes)) return nullptr;
  std::string start = lower(head.substr(0, 512));
  size_t first = start.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string::npos) {
    std::string_view s = std::string_view(start).substr(first);
    if (s.rfind("<!doctype html", 0) == 0 || s.rfind("<html", 0) == 0) return &kHtml;
    if (s.rfind("from ", 0) == 0 && start.find("\nfrom:") != std::string::npos) return &kMbox;
  }
  return &kText;
}

const Format* format_named(std::string_view name) {
  for (const Format* f : {&kText, &kMarkdown, &kHtml, &kPdf, &kEmail, &kMbox, &kJsonl, &kJson}) {
    if (f->name == name) return f;
  }
  return nullptr;
}

Status decode_text(std::string_view bytes, const ExtractOptions& options, std::string* text,
                   std::string* encoding, std::string_view hint) {
  if (looks_binary(bytes)) return Status::Failed("binary file (contains NUL or control bytes)");
  Decoded decoded;
  if (Status s = to_utf8(bytes, options.encoding, hint, &decoded); !s.ok()) return s;
  if (encoding) *encoding = decoded.encoding;
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
