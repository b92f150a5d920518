// Worker: one file -> the documents to write (or why there are none). Reads
// the file, hashes it, extracts it and builds the Xapian documents. Runs on
// any thread; each thread needs its own Worker (it owns a DocumentBuilder).
#pragma once

#include <xapian.h>

#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "crawl.h"
#include "document_builder.h"
#include "extract_file.h"
#include "file_system.h"
#include "growth.h"
#include "options.h"
#include "text_parts.h"

namespace trawl::indexer {

struct FileResult {
  FileRef ref;
  bool update = false;  // the file's old documents must go first
  // The file grew (growth.h): these are the documents of its new records;
  // its old documents stay and take the file's new stamp and `hash`.
  bool appended = false;
  std::string hash;
  // A part of a file with many documents (an archive, mbox or JSON Lines
  // file): its documents so far; more results of the file follow, and the
  // last (not partial) one carries the file's counts, fields and words.
  bool partial = false;
  bool parts_before = false;  // earlier parts went first (and deleted the old documents)
  std::vector<std::pair<std::string, Xapian::Document>> docs;  // (id term, document)
  std::vector<std::pair<std::string, std::string>> texts;  // long texts' pieces (metadata)
  size_t documents = 0;     // how many were built (docs may be handed on)
  std::vector<std::string> field_names;
  std::vector<std::pair<std::string, std::string>> stems;  // new (stem, term) pairs
  std::unordered_map<std::string, unsigned> spelling;       // word -> documents
  std::string format;
  std::string encoding;
  std::string skip_reason;  // nothing to index: "binary", "too large", ...
  std::string skip_detail;
  bool vanished = false;    // gone before it could be read
  std::string failure;      // the whole file failed: why
  std::vector<std::string> problems;  // records that failed
  bool content_failed = false;  // read, but nothing could be indexed (failures.h)
  size_t text_bytes = 0;    // extracted text of `docs` (a part's own), for batching
  bool truncated = false;   // a document (or text part) held --memory / 2560 distinct
                            // terms: the rest of its text was left out
};

class Worker {
 public:
  // `track_vocabulary`: report new stems and spelling words with each file
  // (false for a fresh build, which makes those tables after the merge).
  Worker(const IndexOptions& options, const FileSystem& fs, const std::string& language,
         bool track_vocabulary = true);

  // Receives the parts of a file whose documents hold more text than a
  // part may (--memory / 256: 1 MiB by default), so that memory stays
  // bounded however many documents one file gives.
  using PartSink = std::function<void(FileResult&& part)>;

  // Reads, extracts and builds the file. With `parts`, documents are handed
  // on in parts as they are built; without, they all come in the result.
  // With `growth` (growth.from > 0), only the records after growth.from are
  // read (a grown JSON Lines or mbox file).
  FileResult process(const FileRef& ref, bool update, const PartSink& parts = nullptr,
                     const Growth& growth = {});

 private:
  // The parts of the text being indexed in parts so far (a text read in
  // windows goes on over several add_doc calls).
  struct PartsSoFar {
    TextPart next;         // the number and first line of the next part
    std::string language;  // guessed from the first part, for all
    // A grown text's new parts take the title and date its start gives.
    bool from_head = false;
    FoundTitle head;
  };

  // Builds `doc` of the file into *result (handing a part on when due): a
  // text longer than part_limit(), or with more distinct words than a
  // document may hold, as documents of its parts (text_parts.h).
  void add_doc(const FileRef& ref, const FileExtraction& fx, const std::string& hash,
               ExtractedDoc& doc, FileResult* result, const PartSink& parts);
  void add_parts(const FileRef& ref, const FileExtraction& fx, const std::string& hash,
                 ExtractedDoc& doc, FileResult* result, const PartSink& parts);
  // Builds one document of the file from `record` into *result.
  void build_one(const FileRef& ref, schema::DocRecord record, FileResult* result);
  void hand_on_when_due(FileResult* result, const PartSink& parts);
  // The most text a document takes: --memory / 128.
  size_t part_limit() const;
  // The format in which ref's file is read in pieces, or "" (pieces_format;
  // a large or `grown` file whose name tells no format is sniffed first).
  std::string_view pieces_of(const FileRef& ref, bool grown);
  // Reads ref's file, in pieces if `pieces` names a format (from
  // growth.from on, if set), and extracts it
  // into *fx (documents of files of many documents go to `stream`); the
  // hash of a file read in pieces is made on the way, into *hash. Returns
  // false with *result saying why (vanished, unreadable, unusable content)
  // if there is nothing to build.
  bool read_and_extract(const FileRef& ref, std::string_view pieces, const Growth& growth,
                        FileExtraction* fx, std::string* hash, const DocSink& stream,
                        FileResult* result);
  // The parts a text in ref's file starts from: part 1, or for a grown
  // long text (growth.parts > 0) the one after its old parts, with the
  // title and date of the file's start.
  PartsSoFar first_parts(const FileRef& ref, const Growth& growth) const;
  // Hands the documents built so far to `parts` as a part.
  void hand_on(FileResult* result, const PartSink& parts);

  const IndexOptions& options_;
  const FileSystem& fs_;
  DocumentBuilder builder_;
  std::string bytes_;
  PartsSoFar parts_;  // (a text read in windows goes on over several add_doc calls)
  PartsSoFar first_parts_;  // where this file's text starts (a grown file's: later)
};

}  // namespace trawl::indexer
