// make_archive: writes an archive in memory with libarchive, for tests of
// the archive reader and of files with many documents.
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <string>
#include <utility>
#include <vector>

namespace trawl::testing {

using Members = std::vector<std::pair<std::string, std::string>>;  // (name, data)

// An archive of `members` in libarchive's `format` (ARCHIVE_FORMAT_ZIP,
// ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ...), gzip-compressed if `gzip`.
inline std::string make_archive(const Members& members, int format, bool gzip = false) {
  std::string out(1 << 22, '\0');
  size_t used = 0;
  archive* a = archive_write_new();
  archive_write_set_format(a, format);
  if (gzip) archive_write_add_filter_gzip(a);
  archive_write_open_memory(a, out.data(), out.size(), &used);
  for (const auto& [name, data] : members) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
    archive_write_header(a, e);
    archive_write_data(a, data.data(), data.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  out.resize(used);
  return out;
}

}  // namespace trawl::testing
