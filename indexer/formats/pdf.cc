// PDF with poppler-cpp: the text of every page in reading order, the
// document's Title, Author and CreationDate. A PDF whose pages carry no text
// (a scan) is reported through Extraction::skip_reason; an encrypted one
// that needs a password, or a damaged one, fails.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <ctime>
#include <memory>
#include <mutex>
#include <string>

#include "format.h"
#include "utf8.h"

namespace trawl::indexer {
namespace {

constexpr size_t kMaxPdfBytes = 1ull << 31;  // poppler takes an int length

// Poppler prints its own complaints on stderr unless told otherwise; the
// indexer reports failures itself. Poppler's global state is not known to be
// safe for concurrent documents, so extraction is serialised.
std::mutex& poppler_mutex() {
  static std::mutex mu;
  static std::once_flag quiet;
  std::call_once(quiet, [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  });
  return mu;
}

std::string to_utf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  std::string out(bytes.begin(), bytes.end());
  while (!out.empty() && out.back() == '\0') out.pop_back();
  return utf8::is_valid(out) ? out : utf8::repair(out);
}

std::string iso_date(time_t t) {
  if (t <= 0) return std::string();
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

// The text of all pages, pages separated by form feeds turned into blank lines.
std::string page_text(const poppler::document& doc) {
  std::string text;
  for (int i = 0; i < doc.pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc.create_page(i));
    if (!page) continue;
    std::string t = to_utf8(page->text(page->page_rect(), poppler::page::physical_layout));
    for (char& c : t) {
      if (c == '\f') c = '\n';
    }
    if (!text.empty()) text += "\n\n";
    text += t;
  }
  return text;
}

}  // namespace

Status extract_pdf(std::string_view bytes, const ExtractOptions&, Extraction* out) {
  if (bytes.size() > kMaxPdfBytes) return Status::Failed("PDF too large for poppler");
  std::lock_guard<std::mutex> lock(poppler_mutex());
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Status::Failed("damaged or not a PDF (poppler cannot open it)");
  if (doc->is_locked()) return Status::Failed("encrypted PDF (needs a password)");
  ExtractedDoc result;
  result.title = to_utf8(doc->get_title());
  result.author = to_utf8(doc->get_author());
  result.date = iso_date(doc->get_creation_date_t());
  result.body = page_text(*doc);
  out->encoding = "UTF-8";
  if (result.body.find_first_not_of(" \n\t\r") == std::string::npos) {
    out->skip_reason = "no text layer";
    return Status::Ok();
  }
  if (result.title.empty()) {
    result.title = find_title(result.body).title;
  }
  out->docs.push_back(std::move(result));
  return Status::Ok();
}

}  // namespace trawl::indexer
