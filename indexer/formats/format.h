// Formats: extractors turn the bytes of a file into documents.
//
// Each extractor takes bytes (never a path) and returns Status plus an
// Extraction: one document for a text or Markdown file, one per record for a
// JSON Lines file. A problem with one record (a bad JSON line) goes into
// Extraction::problems and the other records are kept; a Status failure
// means the whole file is unusable. All functions are pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace trawl::indexer {

struct ExtractedDoc {
  std::string key_suffix;  // "" for a whole file; "#" + id for a record
  std::string id;          // user-facing id; "" means the file's path
  std::string title;
  std::string body;
};

struct Extraction {
  std::vector<ExtractedDoc> docs;
  std::vector<std::string> problems;  // e.g. "line 3: invalid JSON: ..."
};

using ExtractFn = Status (*)(std::string_view bytes, Extraction* out);

struct Format {
  std::string_view name;  // "text", "markdown", "jsonl"
  ExtractFn extract;
};

// The format for `path`'s extension (case-insensitive), or nullptr if trawl
// does not index such files.
const Format* find_format(std::string_view path);

Status extract_text(std::string_view bytes, Extraction* out);
Status extract_markdown(std::string_view bytes, Extraction* out);
Status extract_jsonl(std::string_view bytes, Extraction* out);

// Decodes file bytes into clean text: strips a UTF-8 BOM, replaces invalid
// UTF-8 with U+FFFD and CRLF/CR with LF. Fails for binary data (NUL bytes).
Status decode_text(std::string_view bytes, std::string* text);

// Splits plain text into a title and a body. The title is the first
// non-empty line that looks like a headline: bare date lines ("Friday, May
// 3, 2024"), breadcrumbs ("Home > World", "HomeRegional UpdateCanada") and
// lines without letters are passed over; a paragraph-length line yields its
// first sentence, shortened. The body is the text without the title line.
struct TitleSplit {
  std::string title;
  std::string body;
};
TitleSplit split_title(std::string_view text);

bool looks_like_date(std::string_view line);
bool looks_like_breadcrumb(std::string_view line);

// Shortens `s` to at most `max_chars` characters at a word boundary, adding
// "…" when it cuts.
std::string shorten(std::string_view s, size_t max_chars);

}  // namespace trawl::indexer
