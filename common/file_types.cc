#include "file_types.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "diag.h"
#include "error.h"
#include "fold.h"

namespace trawl {
namespace {

struct Extension {
  std::string_view ext;  // lower case, with the dot
  std::string_view format;
};

// Plain text and source code are indexed as text.
// clang-format off
constexpr Extension kExtensions[] = {
    {".txt", "text"}, {".text", "text"}, {".log", "text"}, {".csv", "text"},
    {".tsv", "text"}, {".rst", "text"}, {".org", "text"}, {".adoc", "text"},
    {".tex", "text"}, {".bib", "text"}, {".srt", "text"}, {".vtt", "text"},
    {".ini", "text"}, {".cfg", "text"}, {".conf", "text"}, {".toml", "text"},
    {".yaml", "text"}, {".yml", "text"}, {".xml", "text"}, {".svg", "text"},
    {".c", "text"}, {".h", "text"}, {".cc", "text"}, {".cpp", "text"},
    {".cxx", "text"}, {".hh", "text"}, {".hpp", "text"}, {".hxx", "text"},
    {".py", "text"}, {".rb", "text"}, {".pl", "text"}, {".pm", "text"},
    {".php", "text"}, {".js", "text"}, {".mjs", "text"}, {".ts", "text"},
    {".tsx", "text"}, {".jsx", "text"}, {".java", "text"}, {".kt", "text"},
    {".scala", "text"}, {".go", "text"}, {".rs", "text"}, {".swift", "text"},
    {".cs", "text"}, {".fs", "text"}, {".hs", "text"}, {".ml", "text"},
    {".lua", "text"}, {".r", "text"}, {".jl", "text"}, {".sql", "text"},
    {".sh", "text"}, {".bash", "text"}, {".zsh", "text"}, {".fish", "text"},
    {".el", "text"}, {".clj", "text"}, {".erl", "text"}, {".ex", "text"},
    {".css", "text"}, {".scss", "text"}, {".cmake", "text"}, {".mk", "text"},
    {".md", "markdown"}, {".markdown", "markdown"}, {".mdown", "markdown"},
    {".html", "html"}, {".htm", "html"}, {".xhtml", "html"},
    {".pdf", "pdf"},
    {".eml", "email"},
    {".mbox", "mbox"}, {".mbx", "mbox"},
    {".jsonl", "jsonl"}, {".ndjson", "jsonl"},
    {".json", "json"},
    {".docx", "office"}, {".docm", "office"}, {".dotx", "office"}, {".pptx", "office"},
    {".pptm", "office"}, {".ppsx", "office"}, {".xlsx", "office"}, {".xlsm", "office"},
    {".odt", "office"}, {".ott", "office"}, {".ods", "office"}, {".odp", "office"},
    {".odg", "office"},
    {".epub", "epub"},
    {".rtf", "rtf"},
    {".zip", "archive"}, {".tar", "archive"}, {".tgz", "archive"}, {".tbz", "archive"},
    {".tbz2", "archive"}, {".txz", "archive"}, {".tzst", "archive"}, {".7z", "archive"},
    {".cpio", "archive"}, {".iso", "archive"},
};
// clang-format on

// Files without an extension that are text by convention.
constexpr std::string_view kTextNames[] = {"readme",     "license", "copying", "authors",
                                           "changelog",  "news",    "todo",    "makefile",
                                           "dockerfile", "install"};

struct Alias {
  std::string_view alias;
  std::string_view format;
};

constexpr Alias kAliases[] = {{"md", "markdown"}, {"txt", "text"},   {"htm", "html"},
                              {"eml", "email"},   {"mail", "email"}, {"ndjson", "jsonl"},
                              {"docx", "office"}, {"odt", "office"}, {"zip", "archive"}};

constexpr std::string_view kFormats[] = {"text",  "markdown", "html", "pdf",    "email", "mbox",
                                         "jsonl", "json",     "rtf",  "office", "epub",  "archive"};

// Single compressed streams: "notes.txt.gz" is text, "logs.tar.gz" an archive.
constexpr std::string_view kCompressed[] = {".gz", ".bz2", ".xz", ".zst"};

// A Maildir message: a file in "cur/" or "new/" named as Maildir delivers
// ("<seconds>.<unique>.<host>", flags after ":2," kept by mail programs).
// Its host part is no extension: "1700000001.M1P2.mx.example.org" is mail,
// not Org text.
bool is_maildir_message(std::string_view path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string_view::npos || slash < 3) return false;
  const std::string_view parent = path.substr(0, slash);
  const std::string_view folder = parent.substr(parent.size() - 3);
  if ((folder != "cur" && folder != "new") ||
      (parent.size() > 3 && parent[parent.size() - 4] != '/')) {
    return false;
  }
  const std::string_view name = path.substr(slash + 1);
  size_t digits = 0;
  while (digits < name.size() && std::isdigit(static_cast<unsigned char>(name[digits]))) ++digits;
  return digits >= 6 && digits < name.size() && name[digits] == '.' &&
         name.find('.', digits + 1) != std::string_view::npos;
}

}  // namespace

std::string extension_of(std::string_view path) {
  // Maildir's "info" suffix: ":2," and flag letters, at the end of the name.
  const size_t info = path.rfind(":2,");
  if (info != std::string_view::npos &&
      std::all_of(path.begin() + info + 3, path.end(),
                  [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
    path = path.substr(0, info);
  }
  const size_t slash = path.rfind('/');
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash + 2)) {
    return "";
  }
  return ascii_lower(path.substr(dot + 1));
}

std::string_view compression_suffix(std::string_view path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return "";
  const std::string ext = ascii_lower(path.substr(dot));
  for (std::string_view c : kCompressed) {
    if (c == ext) return path.substr(dot);
  }
  return "";
}

std::string_view format_of_path(std::string_view path) {
  if (is_maildir_message(path)) return "email";
  if (const std::string_view c = compression_suffix(path); !c.empty()) {
    const std::string_view inner = path.substr(0, path.size() - c.size());
    if (inner.size() > 4 && ascii_lower(inner.substr(inner.size() - 4)) == ".tar") return "archive";
    return format_of_path(inner);
  }
  const size_t slash = path.rfind('/');
  const std::string name =
      ascii_lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  const size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) {
    const bool known =
        std::find(std::begin(kTextNames), std::end(kTextNames), name) != std::end(kTextNames);
    return known ? "text" : "";
  }
  const std::string_view ext = std::string_view(name).substr(dot);
  for (const Extension& e : kExtensions) {
    if (e.ext == ext) return e.format;
  }
  return "";
}

std::string_view type_format(std::string_view name) {
  const std::string n = ascii_lower(name);
  for (std::string_view f : kFormats) {
    if (f == n) return f;
  }
  for (const Alias& a : kAliases) {
    if (a.alias == n) return a.format;
  }
  return "";
}

std::vector<std::string> type_formats(const std::vector<std::string>& names,
                                      std::string_view flag) {
  std::vector<std::string> out;
  for (const std::string& name : names) {
    const std::string_view format = type_format(name);
    if (format.empty()) {
      throw Error(std::string(flag) + " " + quote(name) + ": unknown file type (see --type-list)");
    }
    if (std::find(out.begin(), out.end(), format) == out.end()) out.emplace_back(format);
  }
  return out;
}

std::string type_list() {
  std::string out;
  for (std::string_view f : kFormats) {
    out.append(f);
    std::string aliases;
    for (const Alias& a : kAliases) {
      if (a.format == f) aliases.append(aliases.empty() ? "" : ", ").append(a.alias);
    }
    if (!aliases.empty()) out.append(" (").append(aliases).append(")");
    out.append(":");
    std::vector<std::string_view> exts;
    for (const Extension& e : kExtensions) {
      if (e.format == f) exts.push_back(e.ext);
    }
    std::sort(exts.begin(), exts.end());
    for (size_t i = 0; i < exts.size(); ++i) out.append(i ? ", *" : " *").append(exts[i]);
    if (f == "text") out.append(", and README, LICENSE, Makefile ... without extension");
    if (f == "email") out.append(", and Maildir messages (cur/* and new/* named as delivered)");
    if (f == "archive") out.append(", *.tar.gz, *.tar.bz2, *.tar.xz, *.tar.zst");
    out.append("\n");
  }
  out.append("(a compressed file, *.gz, *.bz2, *.xz, *.zst, is of the type of its name without "
             "that suffix)\n");
  return out;
}

}  // namespace trawl
