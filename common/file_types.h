// File types: the formats trawl reads, the extensions that select them,
// and the names -t/-T/--type-list take in both programs.
//
//   format_of_path("notes/Plan.MD")  == "markdown"
//   format_of_path("src/README")     == "text"      (a conventional name)
//   format_of_path("photo.jpg")      == ""          (not by extension)
//   type_format("md")                == "markdown"  (an alias)
//   format_of_path("app.log.gz")     == "text"      (compressed: the inner name)
//   format_of_path("logs.tar.gz")    == "archive"
//   format_of_path("Mail/cur/1700000001.M1P2.mx.example.org:2,S") == "email"
//
// Types go by name, as ripgrep's do: by extension, a conventional name, or
// Maildir's layout (a "cur/" or "new/" file named as Maildir delivers is
// e-mail); a file the indexer recognises only by its content (an HTML page
// or an mbox without extension, an MH message) has no type here.
// Immutable tables: thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace trawl {

// The format name ("text", "markdown", "html", "pdf", "email", "mbox",
// "jsonl", "json", "office", "epub", "archive") that the extension (or
// conventional name) of `path` selects, or "" if none does. Case does not
// matter. A compressed file (.gz, .bz2, .xz, .zst) has the format of its
// name without that suffix, except that *.tar.* is an archive. A Maildir
// message ("cur/<seconds>.<unique>.<host>[:2,<flags>]", also in "new/")
// is "email" whatever its host name ends in.
std::string_view format_of_path(std::string_view path);

// The extension of the file name in `path`, lower case without the dot;
// "" if it has none ("a/README", "a/.bashrc"): extension_of("a/B.TXT") == "txt".
// A Maildir message's flags are not part of it: mail programs rename
// "cur/1700.M1.host:2,S" to "...:2,RS" when a message is answered, and
// extension_of gives "host" for both.
std::string extension_of(std::string_view path);

// The compression suffix of `path` as written (".gz", ".BZ2", ".xz",
// ".zst"), or "".
std::string_view compression_suffix(std::string_view path);

// The format a -t/-T name stands for: a format name, or an alias ("md",
// "txt", "htm", "eml", "mail", "ndjson"); "" if unknown.
std::string_view type_format(std::string_view name);

// --type-list: one line per format, "markdown (md): *.markdown, *.md, ...",
// then a line on compressed files.
std::string type_list();

// The formats of the names given to `flag` (-t or -T), each once. Throws
// trawl::Error naming the flag and the name for an unknown one.
std::vector<std::string> type_formats(const std::vector<std::string>& names, std::string_view flag);

}  // namespace trawl
