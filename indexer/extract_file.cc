#include "extract_file.h"

#include "file_types.h"
#include "formats/encoding.h"
#include "text_parts.h"

namespace trawl::indexer {
namespace {

Status run_converter(const IndexOptions& options, const FilterSpec& filter,
                     const std::string& path, FileExtraction* out) {
  std::string text;
  if (Status s = run_filter(filter, path, options.filter_limits, &text); !s.ok()) return s;
  out->format = "filter:" + filter.argv[0];
  if (text.find_first_not_of(" \n\t\r\f") == std::string::npos) {
    out->skip_reason = "filter output empty";
    return Status::Ok();
  }
  return extract_text(text, options.extract, &out->extraction);
}

}  // namespace

const FilterSpec* find_filter(const IndexOptions& options, std::string_view path) {
  if (options.filters.empty()) return nullptr;
  std::string ext = extension_of(path);
  for (const FilterSpec& f : options.filters) {
    if (f.ext == ext) return &f;
  }
  return nullptr;
}

bool known_by_name(const IndexOptions& options, std::string_view path) {
  return find_filter(options, path) != nullptr || find_format(path) != nullptr ||
         !compression_suffix(path).empty();  // decided once expanded
}

Status extract_file(const IndexOptions& options, const std::string& path, std::string_view bytes,
                    FileExtraction* out, const DocSink& stream) {
  if (const FilterSpec* filter = find_filter(options, path)) {
    return run_converter(options, *filter, path, out);
  }
  if (!stream) return extract_named(path, bytes, options.extract, out);
  ExtractOptions with_stream = options.extract;
  with_stream.stream = stream;
  return extract_named(path, bytes, with_stream, out);
}

std::string_view pieces_format(const IndexOptions& options, std::string_view path,
                               std::string_view head, uint64_t size) {
  if (find_filter(options, path) != nullptr) return {};
  const bool compressed = !compression_suffix(path).empty();
  const std::string_view format = format_of_path(path);
  const bool long_text = size > text_part_limit(options.memory);
  if (format == "archive") return format;
  if (format == "jsonl" || format == "mbox") return compressed ? std::string_view() : format;
  if (format == "text") return long_text && !compressed ? format : std::string_view();
  if (!format.empty() || compressed || head.empty()) return {};
  const Format* sniffed = sniff_format(head);
  if (sniffed && sniffed->name == "mbox") return sniffed->name;
  return sniffed && sniffed->name == "text" && long_text ? sniffed->name : std::string_view();
}

uint64_t size_limit(const IndexOptions& options, std::string_view pieces) {
  return pieces == "jsonl" || pieces == "mbox" ? options.max_streamed_filesize
                                               : options.max_filesize;
}

Status extract_source(const IndexOptions& options, std::string_view path, std::string_view format,
                      ByteSource& source, FileExtraction* out, const DocSink& stream,
                      uint64_t first_record, uint64_t first_byte) {
  ExtractOptions with_stream = options.extract;
  with_stream.stream = stream;
  with_stream.first_record = first_record;
  with_stream.first_byte = first_byte;
  with_stream.text_window = text_part_limit(options.memory);
  out->format = std::string(format);
  Status (*extract)(ByteSource&, const ExtractOptions&, Extraction*) = extract_jsonl;
  if (format == "archive") extract = extract_archive;
  if (format == "mbox") extract = extract_mbox;
  if (format == "text") extract = extract_text;
  Status s = extract(source, with_stream, &out->extraction);
  if (!s.ok()) return s;
  out->skip_reason = out->extraction.skip_reason;
  if (out->skip_reason == "binary") out->skip_detail = binary_detail(path);
  return Status::Ok();
}

}  // namespace trawl::indexer
