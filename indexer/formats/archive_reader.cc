#include "archive_reader.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <vector>

#include "utf8.h"

namespace trawl::indexer {
namespace {

struct ArchiveFree {
  void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveFree>;

std::string error_of(archive* a) {
  const char* e = archive_error_string(a);
  return e ? utf8::repair(e) : std::string("unreadable data");
}

// A reader that knows every filter (raw: and only the raw format, for a
// single compressed stream; else every archive format), or nullptr.
ArchivePtr new_reader(bool raw) {
  ArchivePtr a(archive_read_new());
  if (!a) return nullptr;
  archive_read_support_filter_all(a.get());
  if (raw) {
    archive_read_support_format_raw(a.get());
  } else {
    archive_read_support_format_all(a.get());
  }
  return a;
}

// A reader over `bytes`, or nullptr with *error set.
ArchivePtr open_reader(std::string_view bytes, bool raw, std::string* error) {
  ArchivePtr a = new_reader(raw);
  if (!a) {
    *error = "out of memory";
    return nullptr;
  }
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
    *error = error_of(a.get());
    return nullptr;
  }
  return a;
}

// libarchive's view of a ByteSource: reads in pieces of kSourcePiece bytes,
// seeks where the format needs it (a ZIP's central directory, 7z headers).
constexpr size_t kSourcePiece = 256 << 10;
struct SourceClient {
  ByteSource* source;
  uint64_t position = 0;
  std::vector<char> buffer = std::vector<char>(kSourcePiece);
};

la_ssize_t read_source(archive* a, void* data, const void** block) {
  auto* client = static_cast<SourceClient*>(data);
  size_t got = 0;
  if (Status s = client->source->read(client->buffer.data(), client->buffer.size(), &got);
      !s.ok()) {
    archive_set_error(a, EIO, "%s", s.message().c_str());
    return -1;
  }
  client->position += got;
  *block = client->buffer.data();
  return static_cast<la_ssize_t>(got);
}

la_int64_t seek_source(archive* a, void* data, la_int64_t offset, int whence) {
  auto* client = static_cast<SourceClient*>(data);
  const auto size = static_cast<la_int64_t>(client->source->size());
  const la_int64_t base = whence == SEEK_SET   ? 0
                          : whence == SEEK_CUR ? static_cast<la_int64_t>(client->position)
                                               : size;
  const la_int64_t target = std::clamp<la_int64_t>(base + offset, 0, size);
  if (Status s = client->source->seek(static_cast<uint64_t>(target)); !s.ok()) {
    archive_set_error(a, EIO, "%s", s.message().c_str());
    return ARCHIVE_FATAL;
  }
  client->position = static_cast<uint64_t>(target);
  return target;
}

// A reader over what `client` reads, or nullptr with *error set.
ArchivePtr open_reader(SourceClient* client, std::string* error) {
  ArchivePtr a = new_reader(false);
  if (!a) {
    *error = "out of memory";
    return nullptr;
  }
  archive_read_set_read_callback(a.get(), read_source);
  archive_read_set_seek_callback(a.get(), seek_source);
  archive_read_set_callback_data(a.get(), client);
  if (archive_read_open1(a.get()) != ARCHIVE_OK) {
    *error = error_of(a.get());
    return nullptr;
  }
  return a;
}

enum class Read { kOk, kTooBig, kDamaged };

// Reads the current entry's data into *out, up to `limit` bytes; on
// kDamaged, *error says why.
Read read_data(archive* a, uint64_t limit, std::string* out, std::string* error) {
  out->clear();
  char buffer[65536];
  for (;;) {
    la_ssize_t n = archive_read_data(a, buffer, sizeof buffer);
    if (n == 0) return Read::kOk;
    if (n < 0) {
      *error = error_of(a);
      return Read::kDamaged;
    }
    if (out->size() + static_cast<uint64_t>(n) > limit) return Read::kTooBig;
    out->append(buffer, static_cast<size_t>(n));
  }
}

enum class Next { kVisit, kSkip, kStop };

// Reads member `name`'s data into *data within the limits (`total`: bytes
// read so far). Says whether to visit it, skip it (too large) or stop (the
// archive is damaged, or all members together would be too large), with the
// problem noted.
Next read_member(archive* a, const std::string& name, const ArchiveLimits& limits, uint64_t total,
                 std::string* data, std::vector<std::string>* problems) {
  const uint64_t room = total < limits.max_total ? limits.max_total - total : 0;
  std::string error;
  switch (read_data(a, std::min(limits.max_member, room), data, &error)) {
    case Read::kOk:
      return Next::kVisit;
    case Read::kDamaged:
      problems->push_back(name + ": damaged: " + error);
      return Next::kStop;
    case Read::kTooBig:
      break;
  }
  if (room < limits.max_member) {
    problems->push_back(name + ": the members expand beyond " + std::to_string(limits.max_total) +
                        " bytes: the rest are not read");
    return Next::kStop;
  }
  problems->push_back(name + ": expands beyond " + std::to_string(limits.max_member) +
                      " bytes (--max-filesize), not read");
  return Next::kSkip;
}

// The members of open archive `a` (see for_each_member).
Status each_member(archive* a, const ArchiveLimits& limits,
                   const std::function<bool(std::string_view name)>& wanted,
                   const MemberVisitor& visit, std::vector<std::string>* problems) {
  uint64_t own = 0;
  uint64_t& total = limits.spent ? *limits.spent : own;
  std::string data;
  archive_entry* entry = nullptr;
  for (size_t count = 0;; ++count) {
    const int r = archive_read_next_header(a, &entry);
    if (r == ARCHIVE_EOF) break;
    if (r < ARCHIVE_WARN) {
      if (count == 0) return Status::Failed("not a readable archive: " + error_of(a));
      problems->push_back("damaged after " + std::to_string(count) + " members: " + error_of(a));
      break;
    }
    if (count == limits.max_members) {
      problems->push_back("more than " + std::to_string(limits.max_members) +
                          " members: the rest are not read");
      break;
    }
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    const char* raw_name = archive_entry_pathname(entry);
    const std::string name = clean_member_name(raw_name ? raw_name : "");
    if (name.empty() || (wanted && !wanted(name))) continue;
    if (archive_entry_is_encrypted(entry)) {
      problems->push_back(name + ": encrypted, not read");
      continue;
    }
    const Next next = read_member(a, name, limits, total, &data, problems);
    if (next == Next::kStop) break;
    if (next == Next::kSkip) continue;
    total += data.size();  // before the visit, which may read an archive inside
    if (!visit(name, std::move(data))) break;
  }
  return Status::Ok();
}

}  // namespace

Status for_each_member(std::string_view bytes, const ArchiveLimits& limits,
                       const std::function<bool(std::string_view name)>& wanted,
                       const MemberVisitor& visit, std::vector<std::string>* problems) {
  std::string error;
  ArchivePtr a = open_reader(bytes, false, &error);
  if (!a) return Status::Failed("not a readable archive: " + error);
  return each_member(a.get(), limits, wanted, visit, problems);
}

Status for_each_member(ByteSource& source, const ArchiveLimits& limits,
                       const std::function<bool(std::string_view name)>& wanted,
                       const MemberVisitor& visit, std::vector<std::string>* problems) {
  SourceClient client{&source};
  std::string error;
  ArchivePtr a = open_reader(&client, &error);  // freed before the client
  if (!a) return Status::Failed("not a readable archive: " + error);
  return each_member(a.get(), limits, wanted, visit, problems);
}

std::string clean_member_name(std::string_view name) {
  std::string out;
  size_t i = 0;
  while (i < name.size()) {
    size_t slash = name.find('/', i);
    if (slash == std::string_view::npos) slash = name.size();
    std::string_view part = name.substr(i, slash - i);
    if (!part.empty() && part != ".") {
      if (!out.empty()) out.push_back('/');
      out.append(part);
    }
    i = slash + 1;
  }
  return utf8::repair(out);
}

Status read_package(std::string_view bytes, uint64_t max_member,
                    const std::function<bool(std::string_view name)>& wanted, PackageParts* parts,
                    std::vector<std::string>* problems) {
  const ArchiveLimits limits{max_member, 2 * max_member};
  Status s = for_each_member(
      bytes, limits, wanted,
      [&](const std::string& name, std::string&& data) {
        parts->emplace(name, std::move(data));
        return true;
      },
      problems);
  if (!s.ok()) return Status::Failed("not a ZIP package (" + s.message() + ")");
  return Status::Ok();
}

Status decompress(std::string_view bytes, uint64_t limit, std::string* out) {
  std::string error;
  ArchivePtr a = open_reader(bytes, true, &error);
  if (!a) return Status::Failed("cannot decompress: " + error);
  archive_entry* entry = nullptr;
  if (archive_read_next_header(a.get(), &entry) != ARCHIVE_OK) {
    return Status::Failed("cannot decompress: " + error_of(a.get()));
  }
  if (archive_filter_code(a.get(), 0) == ARCHIVE_FILTER_NONE) {
    return Status::Failed("not compressed (no gzip, bzip2, xz or zstd header)");
  }
  switch (read_data(a.get(), limit, out, &error)) {
    case Read::kOk:
      return Status::Ok();
    case Read::kTooBig:
      return Status::Failed("expands beyond " + std::to_string(limit) + " bytes (--max-filesize)");
    case Read::kDamaged:
      break;
  }
  return Status::Failed("cannot decompress: " + error);
}

}  // namespace trawl::indexer
