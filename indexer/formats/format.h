// Formats: extractors turn the bytes of a file into documents.
//
// Each extractor takes bytes (never a path) and options, and returns Status
// plus an Extraction: one document for most files, one per record for JSON
// Lines, JSON arrays and mbox files. A problem with one record (a bad JSON
// line) goes into Extraction::problems and the other records are kept; a
// Status failure means the whole file is unusable; Extraction::skip_reason
// says that a readable file has nothing to index (a PDF without a text
// layer). Text is always valid UTF-8 (see encoding.h). All functions are
// pure and thread-safe.
//
// Registry: find_format() maps an extension to a format; sniff_format()
// decides for a file whose extension is unknown (text, PDF, RTF, HTML, or
// nullptr for binary data).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "byte_source.h"
#include "dates.h"
#include "status.h"

namespace trawl::indexer {

struct ExtractedDoc;
// Receives documents one by one (ExtractOptions::stream).
using DocSink = std::function<void(ExtractedDoc&& doc)>;

struct ExtractOptions {
  std::string encoding;            // --encoding: source encoding ("" = detect)
  std::string jsonl_id;            // --jsonl-id: id field ("" = "_id", else "id")
  std::string jsonl_title = "title";  // --jsonl-title
  std::string jsonl_text = "text";    // --jsonl-text
  // --max-filesize: the bytes a compressed file, or one member of an
  // archive or office package, may expand to; all members of one archive
  // together may expand to twice this.
  uint64_t max_expanded = 64ull << 20;
  // The number of the first record read from a ByteSource: 1, or for the
  // new part of a grown file (growth.h) the number after its old records
  // (mbox messages, which key their documents, JSON Lines lines, which
  // name bad ones, and a long text's lines).
  uint64_t first_record = 1;
  // Where a ByteSource is read from (a grown file's old size), so that
  // documents can say where their text starts in the file
  // (ExtractedDoc::file_offset).
  uint64_t first_byte = 0;
  // A long text file read in pieces (extract_text from a ByteSource) is
  // read this many bytes of whole lines at a time: a window per document
  // part (indexer/text_parts.h).
  size_t text_window = 2u << 20;
  // If set, formats of many documents (archives, JSON Lines, JSON arrays,
  // mbox) hand each document here as they read it, instead of keeping them
  // all in Extraction::docs.
  DocSink stream;
};

// A named piece of metadata: "description", "keywords", "tags", "from",
// "to", or a JSON field name. Searchable as a field and printed in --json.
using Field = std::pair<std::string, std::string>;

struct ExtractedDoc {
  std::string key_suffix;  // "" for a whole file; "#" + id for a record
  std::string id;          // user-facing id; "" means the file's path
  std::string title;
  std::string body;
  std::string author;
  std::string date;        // ISO 8601 date or date-time from the document; "" if none
  std::string language;    // language from metadata (BCP 47, e.g. "fr"); "" if none
  std::vector<Field> fields;
  std::string format;  // an archive member's own format ("" = the file's)
  // A window of a long text read in pieces: 1, 2, ... in order (0: a
  // whole document). Windows are parts of one text (indexer/text_parts.h),
  // each starting on line `first_line` of the file.
  uint32_t window = 0;
  uint32_t first_line = 1;
  // The body is the file's own bytes from this offset on, unchanged (plain
  // UTF-8 text read as it is: the searcher can read it back from the
  // file), or with each "\r\n" as "\n" if file_crlf; -1 if not.
  int64_t file_offset = -1;
  bool file_crlf = false;
};

struct Extraction {
  std::vector<ExtractedDoc> docs;
  std::vector<std::string> problems;  // e.g. "line 3: invalid JSON"
  std::string encoding;               // the source encoding found ("UTF-8", "windows-1251", ...)
  std::string skip_reason;            // nothing to index, and why
};

// What a file (or an archive member) gave, and how it was read.
struct FileExtraction {
  Extraction extraction;
  std::string format;       // format name, or "filter:<command>"
  std::string skip_reason;  // nothing to index ("binary", "no text layer", ...)
  std::string skip_detail;
};

using ExtractFn = Status (*)(std::string_view bytes, const ExtractOptions& options,
                             Extraction* out);

struct Format {
  std::string_view name;  // "text", "markdown", "html", "pdf", "email", "mbox", "jsonl", "json",
                          // "office", "epub", "archive", "rtf"
  ExtractFn extract;
  bool binary;            // reads binary data (no check for NUL and control bytes)
};

// Gives `doc` to options.stream if set, else appends it to out->docs.
void emit_doc(ExtractedDoc&& doc, const ExtractOptions& options, Extraction* out);

// A window of whole lines of a file read in pieces (read_line_windows).
struct LineWindow {
  std::string_view bytes;
  uint64_t first_line = 1;    // the line it starts on
  uint64_t offset = 0;        // where it starts in the file
  bool offset_known = true;   // false after a line too long to read was passed over
  bool first = true;          // the file's first window
};
using LineWindowFn = std::function<Status(const LineWindow& window, const ExtractOptions& options)>;

// Reads a file of lines (JSON Lines, a long text) from `source` about
// `window` bytes of whole lines at a time, lined and placed from
// options.first_record and first_byte, and hands each window to `extract`
// with options whose encoding is the one the first window was found in
// (out->encoding, which extract sets). The first window decides for the
// file: binary bytes skip it (out->skip_reason "binary"), a failure fails
// it. A later window that fails is reported in out->problems ("line N on:
// ..., not indexed") and passed over; so is a line longer than
// options.max_expanded, never held whole. A UTF-16 or UTF-32 file (which a
// '\n' byte does not cut) is read whole and given to `whole`.
// With `paragraphs`, windows end after a blank line where they can
// (for_each_window).
Status read_line_windows(ByteSource& source, const ExtractOptions& options, size_t window,
                         Extraction* out, const LineWindowFn& extract,
                         Status (*whole)(std::string_view, const ExtractOptions&, Extraction*),
                         bool paragraphs = false);

// The format for `path`'s extension (case-insensitive), or nullptr if the
// extension is not one trawl knows.
const Format* find_format(std::string_view path);
// The format of data with an unknown extension, from its first bytes:
// PDF, RTF and HTML by their signatures, mbox by a "From " line with a
// time followed by a header field, a mail message (Maildir, MH) by a header block with From
// and Date or Subject, text if it decodes as text, nullptr for binary data.
const Format* sniff_format(std::string_view bytes);
// The format named `name` ("text", "html", ...), or nullptr.
const Format* format_named(std::string_view name);

Status extract_text(std::string_view bytes, const ExtractOptions& options, Extraction* out);
// The same for a long text file read from `source` a window of whole lines
// (options.text_window) at a time, each a document (ExtractedDoc::window)
// with the title found at the start, in the encoding its start is in (a
// UTF-16 or UTF-32 file is read whole). A window that is not text is
// reported and passed over. A window that decodes to its own bytes says
// where it starts (ExtractedDoc::file_offset, from options.first_byte).
Status extract_text(ByteSource& source, const ExtractOptions& options, Extraction* out);
Status extract_markdown(std::string_view bytes, const ExtractOptions& options, Extraction* out);
Status extract_html(std::string_view bytes, const ExtractOptions& options, Extraction* out);
Status extract_pdf(std::string_view bytes, const ExtractOptions& options, Extraction* out);
Status extract_email(std::string_view bytes, const ExtractOptions& options, Extraction* out);
Status extract_mbox(std::string_view bytes, const ExtractOptions& options, Extraction* out);
// The same for a file read from `source` a window of whole messages (4
// MiB) at a time.
Status extract_mbox(ByteSource& source, const ExtractOptions& options, Extraction* out);
Status extract_jsonl(std::string_view bytes, const ExtractOptions& options, Extraction* out);
// The same for a file read from `source` a window of lines at a time, in
// the encoding its start is in (a UTF-16 or UTF-32 file is read whole).
Status extract_jsonl(ByteSource& source, const ExtractOptions& options, Extraction* out);
Status extract_json(std::string_view bytes, const ExtractOptions& options, Extraction* out);
// Word, PowerPoint and Excel (Office Open XML) and OpenDocument files.
Status extract_office(std::string_view bytes, const ExtractOptions& options, Extraction* out);
Status extract_epub(std::string_view bytes, const ExtractOptions& options, Extraction* out);
Status extract_rtf(std::string_view bytes, const ExtractOptions& options, Extraction* out);
// ZIP, tar and other archives: one document per member that trawl reads.
Status extract_archive(std::string_view bytes, const ExtractOptions& options, Extraction* out);
// The same for an archive read from `source` in pieces: only the member
// being read is in memory, however large the archive.
Status extract_archive(ByteSource& source, const ExtractOptions& options, Extraction* out);

// Extracts data named `name` (a path, or a member's name in an archive): a
// compressed stream (.gz, .bz2, .xz, .zst) is expanded first, up to
// options.max_expanded bytes; the format comes from the name, else from the
// bytes (sniff_format); binary data is skipped (out->skip_reason). Fails if
// the data cannot be expanded or the format's extractor fails.
Status extract_named(std::string_view name, std::string_view bytes, const ExtractOptions& options,
                     FileExtraction* out);
// FileExtraction::skip_detail for a file of a text format named `name`
// that holds binary data.
std::string binary_detail(std::string_view name);

// Decodes file bytes into clean text (see encoding.h for the detection
// order; `hint` is a charset declared by the document itself, such as an
// HTML meta tag): normalises CRLF/CR to LF. Fails for binary data.
// *encoding receives the source encoding.
Status decode_text(std::string_view bytes, const ExtractOptions& options, std::string* text,
                   std::string* encoding = nullptr, std::string_view hint = {});

// As decode_text, but without a copy when the bytes are already clean
// UTF-8 (no byte order mark, CR or NUL, no --encoding): *text views `bytes`
// then, else `*storage`, which receives the decoded text.
Status decode_text_view(std::string_view bytes, const ExtractOptions& options, std::string* storage,
                        std::string_view* text, std::string* encoding);

// The title of plain text: the first non-empty line that looks like a
// headline. Bare date lines ("Friday, May 3, 2024"), breadcrumbs ("Home >
// World", "HomeRegional UpdateCanada"), site navigation ("...
// Uncategorized") and lines without letters are passed over; a
// paragraph-length line yields its first sentence, shortened. The title
// line stays in the body (callers keep the whole text as the body), so -C
// shows it as written, a phrase may run on from it, and line numbers are
// the file's (--passages, --vimgrep).
struct FoundTitle {
  std::string title;  // "" if no line looks like a headline
  std::string date;   // ISO 8601, from a bare date line above the title ("" if none)
};
FoundTitle find_title(std::string_view text);
// Where `text`, decoded from `bytes` (which start at byte `at` of their
// file), starts in the file if it is those bytes unchanged, or unchanged
// but for each "\r\n" read as "\n" (a UTF-8 byte order mark passed
// over): sets doc->file_offset and file_crlf; leaves them if decoding
// changed anything else.
void note_file_text(std::string_view bytes, std::string_view text, uint64_t at, ExtractedDoc* doc);

bool looks_like_date(std::string_view line);
bool looks_like_breadcrumb(std::string_view line);

// Appends `text` to *out with each run of white space (space, tab, CR, LF,
// FF) made one space, and none at the start of a line: for markup whose
// white space is not significant (HTML outside <pre>, XML parts).
void append_collapsed(std::string_view text, std::string* out);
// Ends the line *out is on: trailing spaces dropped, then one "\n" (none
// on an empty text or after a line end).
void end_line(std::string* out);

// Shortens `s` to at most `max_chars` characters at a word boundary, adding
// "…" when it cuts.
std::string shorten(std::string_view s, size_t max_chars);

using trawl::normalize_date;  // common/dates.h

}  // namespace trawl::indexer
