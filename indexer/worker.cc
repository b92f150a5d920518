#include "worker.h"

#include <algorithm>
#include <memory>

#include "content_hash.h"
#include "extract_file.h"
#include "language.h"
#include "language_guess.h"
#include "schema.h"
#include "stored_text.h"
#include "text_parts.h"

namespace trawl::indexer {
namespace {

// A distinct term of a document being built costs about 1 KB until it is
// written (measured: 400,000 distinct terms in one document, 340 MB); with
// a worker per core building at once, allow --memory / 2560 (100,000 at
// the default 256 MiB).
constexpr size_t kMemoryPerTerm = 2560;
// A file of many documents is handed on in parts of --memory / 256 of text
// (1 MiB by default). Measured on an update adding a 23 MB JSON Lines file
// (2 cores): parts of /128 peaked at 253-275 MB, /256 at 175-187, /512 at
// 166-173, at the same speed.
constexpr size_t kPartDivisor = 256;
// A worker keeps its read buffer between files up to this size.
constexpr size_t kKeptBufferBytes = 4u << 20;
// The first bytes of a file whose name tells no format, read to tell an
// mbox file (read in pieces) from others; only files larger than
// kSniffAbove are looked at first: a smaller one is read whole anyway, and
// extract_file sniffs its bytes (an mbox of one window is read whole too).
constexpr size_t kSniffBytes = 1024;
constexpr uint64_t kSniffAbove = 4u << 20;
// The start of a grown long text read for its title (find_title).
constexpr size_t kTitleHeadBytes = 64u << 10;

// Where the parts of a body that is its file's text (ExtractedDoc::
// file_offset) start in the file: asked in order, it counts the line ends
// of a CRLF text once.
class FileSpan {
 public:
  FileSpan(int64_t offset, bool crlf, std::string_view body) : offset_(offset), crlf_(crlf), body_(body) {}
  // REQUIRES: `part` lies in the body, at or after the one asked before.
  int64_t offset_of(std::string_view part) {
    if (offset_ < 0) return -1;
    const auto at = static_cast<size_t>(part.data() - body_.data());
    if (crlf_) line_ends_ += std::count(body_.begin() + counted_, body_.begin() + at, '\n');
    counted_ = at;
    return offset_ + static_cast<int64_t>(at) + line_ends_;
  }

 private:
  int64_t offset_;
  bool crlf_;
  std::string_view body_;
  size_t counted_ = 0;      // line ends counted before this byte of the body
  int64_t line_ends_ = 0;   // (each a "\r\n" in the file)
};

schema::DocRecord make_record(const FileRef& ref, const FileExtraction& fx, const std::string& hash,
                              ExtractedDoc& doc) {
  schema::DocRecord r;
  r.path = ref.path;
  r.key = ref.path + doc.key_suffix;
  r.id = doc.id.empty() ? ref.path : doc.id;
  r.title = std::move(doc.title);
  r.text = std::move(doc.body);
  r.format = doc.format.empty() ? fx.format : std::move(doc.format);
  r.author = std::move(doc.author);
  r.date = std::move(doc.date);
  // Metadata names the language; otherwise a guess from the text (or "").
  r.language = !doc.language.empty() ? std::move(doc.language)
               : guess_language(r.text.empty() ? r.title : r.text);
  r.encoding = fx.extraction.encoding;
  r.hash = hash;
  r.mtime = ref.mtime;
  r.size = ref.size;
  r.file_offset = doc.file_offset;
  r.file_crlf = doc.file_crlf;
  for (auto& [name, value] : doc.fields) {
    std::string clean = schema::field_name(name);
    if (!clean.empty()) r.fields.emplace_back(std::move(clean), std::move(value));
  }
  return r;
}

}  // namespace

Worker::Worker(const IndexOptions& options, const FileSystem& fs, const std::string& language,
               bool track_vocabulary)
    : options_(options), fs_(fs),
      builder_(make_stemmer(language), options.memory / kMemoryPerTerm) {
  builder_.set_track_vocabulary(track_vocabulary);
}

void Worker::hand_on(FileResult* result, const PartSink& parts) {
  FileResult part;
  part.ref = result->ref;
  part.update = result->update;
  part.partial = true;
  part.parts_before = result->parts_before;
  part.appended = result->appended;
  part.hash = result->hash;
  part.docs = std::move(result->docs);
  part.texts = std::move(result->texts);
  part.documents = part.docs.size();
  part.text_bytes = result->text_bytes;
  // The vocabulary and field names go with each part: a file of many
  // documents would otherwise hold them all until its end.
  part.stems = builder_.take_new_stems();
  part.spelling = builder_.take_spelling();
  part.field_names = std::move(result->field_names);
  result->field_names.clear();
  result->text_bytes = 0;  // each result counts the text of its own documents
  result->docs.clear();
  result->texts.clear();
  result->parts_before = true;
  parts(std::move(part));
}

void Worker::add_doc(const FileRef& ref, const FileExtraction& fx, const std::string& hash,
                     ExtractedDoc& doc, FileResult* result, const PartSink& parts) {
  const bool blank = doc.title.empty() && doc.body.find_first_not_of(" \n\t") == std::string::npos;
  if (doc.window <= 1) parts_ = first_parts_;  // a new text
  if (options_.copy_all_text) doc.file_offset = -1;  // --store-text all
  if (blank && options_.empty_docs != EmptyDocs::kIndex) return;
  if (doc.window > 0 || doc.body.size() > part_limit()) {
    add_parts(ref, fx, hash, doc, result, parts);
    return;
  }
  // A text that may hold more distinct words than a document may take (at
  // most about one a byte) is kept, to be indexed in parts if it does.
  ExtractedDoc spare;
  if (doc.body.size() >= options_.memory / kMemoryPerTerm / 2) spare = doc;
  const size_t docs = result->docs.size(), texts = result->texts.size(), bytes = result->text_bytes;
  build_one(ref, make_record(ref, fx, hash, doc), result);
  doc = ExtractedDoc();  // its text is in the document now
  if (builder_.body_stop() != std::string::npos) {
    if (spare.body.empty()) {
      result->truncated = true;
    } else {  // not this document, but its parts
      result->docs.resize(docs);
      result->texts.resize(texts);
      result->text_bytes = bytes;
      --result->documents;
      add_parts(ref, fx, hash, spare, result, parts);
      return;
    }
  }
  hand_on_when_due(result, parts);
}

void Worker::add_parts(const FileRef& ref, const FileExtraction& fx, const std::string& hash,
                       ExtractedDoc& doc, FileResult* result, const PartSink& parts) {
  const std::string body = std::move(doc.body);
  doc.body.clear();
  const std::string suffix = doc.key_suffix;
  if (doc.window > 0) parts_.next.first_line = doc.first_line;  // (lines passed over before)
  FileSpan span{doc.file_offset, doc.file_crlf, body};
  parts_.next = for_each_part(body, part_limit(), [&](const TextPart& part) -> size_t {
    ExtractedDoc copy = doc;  // the file's metadata
    if (parts_.from_head) {
      copy.title = parts_.head.title;
      copy.date = parts_.head.date;
    }
    copy.body.assign(part.text);
    copy.key_suffix = part_suffix(suffix, part.number);
    if (copy.language.empty()) copy.language = parts_.language;
    schema::DocRecord record = make_record(ref, fx, hash, copy);
    record.file_offset = span.offset_of(part.text);
    record.part = part.number;
    record.first_line = part.first_line;
    parts_.language = record.language;  // one guess for all parts
    build_one(ref, std::move(record), result);
    hand_on_when_due(result, parts);
    // A part that held too many distinct words ends where it stopped.
    const size_t stop = builder_.body_stop();
    if (stop == 0) result->truncated = true;
    return stop == 0 || stop == std::string::npos ? part.text.size() : stop;
  }, parts_.next);
  doc = ExtractedDoc();
}

void Worker::build_one(const FileRef& ref, schema::DocRecord record, FileResult* result) {
  for (const auto& field : record.fields) result->field_names.push_back(field.first);
  result->text_bytes += record.text.size();
  const std::string key = record.key;
  Xapian::Document document = builder_.build(std::move(record), key, &result->texts);
  set_ctime(&document, ref.ctime);
  result->docs.emplace_back(schema::id_term(key), std::move(document));
  result->truncated = result->truncated || builder_.truncated();
  ++result->documents;
}

void Worker::hand_on_when_due(FileResult* result, const PartSink& parts) {
  if (parts && result->text_bytes >= options_.memory / kPartDivisor) hand_on(result, parts);
}

size_t Worker::part_limit() const { return text_part_limit(options_.memory); }

Worker::PartsSoFar Worker::first_parts(const FileRef& ref, const Growth& growth) const {
  PartsSoFar first;
  if (growth.parts == 0) return first;
  first.next.number = static_cast<uint32_t>(growth.parts + 1);
  std::string head, text;
  first.from_head = true;
  if (fs_.read_head(ref.path, kTitleHeadBytes, &head).ok() &&
      decode_text(head, options_.extract, &text).ok()) {
    first.head = find_title(text);
  }
  return first;
}

std::string_view Worker::pieces_of(const FileRef& ref, bool grown) {
  std::string head;
  if ((ref.size > kSniffAbove || grown) && !known_by_name(options_, ref.path)) {
    fs_.read_head(ref.path, kSniffBytes, &head);
  }
  return pieces_format(options_, ref.path, head, ref.size);
}

bool Worker::read_and_extract(const FileRef& ref, std::string_view pieces, const Growth& growth,
                              FileExtraction* fx, std::string* hash, const DocSink& stream,
                              FileResult* result) {
  // An archive, JSON Lines or mbox file is read in pieces, its hash first:
  // it may be far larger than --memory, and only the member or window of
  // records being read is held. Other files are read whole, into a buffer
  // kept for the next file.
  const bool in_pieces = !pieces.empty();
  std::unique_ptr<ByteSource> source;
  Status read = in_pieces ? hash_file(fs_, ref.path, hash)
                          : fs_.read(ref.path, options_.max_filesize, &bytes_);
  if (read.ok() && in_pieces) read = fs_.open(ref.path, &source);
  if (read.ok() && growth.from > 0) {  // (read in pieces: grown_only said so)
    read = in_pieces ? source->seek(growth.from) : Status::Failed("changed while read");
  }
  if (read.ok() && in_pieces) result->hash = *hash;
  if (!read.ok()) {
    if (read.not_found()) {
      result->vanished = true;
    } else {
      result->failure = "cannot read: " + read.message();
    }
    return false;
  }
  Status s = in_pieces ? extract_source(options_, ref.path, pieces, *source, fx, stream,
                                        growth.records + 1, growth.from)
                       : extract_file(options_, ref.path, bytes_, fx, stream);
  if (!s.ok()) {
    result->failure = s.message();
    result->content_failed = true;
    return false;
  }
  return true;
}

FileResult Worker::process(const FileRef& ref, bool update, const PartSink& parts,
                           const Growth& growth) {
  FileResult result;
  result.ref = ref;
  result.update = update;
  result.appended = growth.from > 0;
  const std::string_view pieces = pieces_of(ref, result.appended);
  first_parts_ = first_parts(ref, growth);
  if (const uint64_t limit = size_limit(options_, pieces); ref.size > limit) {
    result.update = update || result.appended;  // its old documents go, as any file's
    result.appended = false;
    result.skip_reason = "too large";
    result.skip_detail = "larger than --max-filesize " + std::to_string(limit) + " bytes";
    return result;
  }
  std::string hash;  // of the content, once a document needs it
  const auto hashed = [&]() -> const std::string& {
    if (hash.empty()) hash = content_hash(bytes_);
    return hash;
  };
  FileExtraction fx;
  // Files of many documents (archives, JSON Lines, mbox) hand each over as
  // it is read: each is built at once, and the file's text is never all in
  // memory twice.
  const DocSink stream = [&](ExtractedDoc&& doc) {
    add_doc(ref, fx, hashed(), doc, &result, parts);
  };
  if (!read_and_extract(ref, pieces, growth, &fx, &hash, stream, &result)) return result;
  result.format = fx.format;
  result.encoding = fx.extraction.encoding;
  result.problems = std::move(fx.extraction.problems);
  if (!fx.skip_reason.empty()) {
    result.skip_reason = fx.skip_reason;
    result.skip_detail = fx.skip_detail;
    return result;
  }
  hashed();
  // A text that is the file's bytes is read back from the file when shown.
  for (ExtractedDoc& doc : fx.extraction.docs) {
    if (pieces.empty() && doc.key_suffix.empty() && doc.body.size() > kInlineTextBytes) {
      note_file_text(bytes_, doc.body, 0, &doc);
    }
  }
  // The buffer is kept for the next file, unless this one was big: its
  // documents are built now, and so is every other worker's.
  if (bytes_.capacity() > kKeptBufferBytes) std::string().swap(bytes_);
  for (ExtractedDoc& doc : fx.extraction.docs) add_doc(ref, fx, hash, doc, &result, parts);
  result.stems = builder_.take_new_stems();
  result.spelling = builder_.take_spelling();
  // (A grown file keeps its old documents, even if nothing new was found.)
  if (result.documents == 0 && result.problems.empty() && !result.appended) {
    result.skip_reason = "empty";
  }
  result.content_failed = result.documents == 0 && !result.problems.empty();  // no good record
  return result;
}

}  // namespace trawl::indexer
