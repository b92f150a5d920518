// Archives (ZIP, tar with or without compression, 7z, cpio, ISO images):
// each member trawl can read becomes a document of its own, keyed by the
// archive's path and the member's name ("docs.zip#notes/plan.md"), with the
// member's own format. Members holding several documents (JSON Lines, mbox)
// give one per record ("mail.zip#box.mbox#2"). Binary members and
// archives inside archives are passed over.
// Members expand to at most --max-filesize each and twice that together.
#include <string>

#include "archive_reader.h"
#include "file_types.h"
#include "format.h"

namespace trawl::indexer {
namespace {

// Adds the documents of member `name` to *out.
void add_member(const std::string& name, std::string_view data, const ExtractOptions& options,
                Extraction* out, size_t* count) {
  if (format_of_path(name) == "archive") return;  // not opened, as binary members
  FileExtraction member;
  ExtractOptions inner = options;
  inner.stream = nullptr;  // a member's own records come back whole
  if (Status s = extract_named(name, data, inner, &member); !s.ok()) {
    out->problems.push_back(name + ": " + s.message());
    return;
  }
  for (const std::string& p : member.extraction.problems) out->problems.push_back(name + ": " + p);
  if (!member.skip_reason.empty()) return;
  for (ExtractedDoc& doc : member.extraction.docs) {
    doc.id = doc.id.empty() ? name : name + "#" + doc.id;
    doc.key_suffix = "#" + name + doc.key_suffix;
    doc.format = member.format;
    ++*count;
    emit_doc(std::move(doc), options, out);
  }
}

}  // namespace

Status extract_archive(std::string_view bytes, const ExtractOptions& options, Extraction* out) {
  const ArchiveLimits limits{options.max_expanded, 2 * options.max_expanded};
  out->encoding = "UTF-8";
  size_t count = 0;
  Status s = for_each_member(
      bytes, limits, nullptr,
      [&](const std::string& name, std::string&& data) {
        add_member(name, data, options, out, &count);
        return true;
      },
      &out->problems);
  if (!s.ok()) return s;
  if (count == 0 && out->problems.empty()) out->skip_reason = "no member trawl reads";
  return Status::Ok();
}

}  // namespace trawl::indexer
