// Extractors not written yet (issue 3 work in progress): each fails cleanly.
#include "format.h"

namespace trawl::indexer {

Status extract_html(std::string_view, const ExtractOptions&, Extraction*) {
  return Status::Failed("HTML extraction not available yet");
}
Status extract_pdf(std::string_view, const ExtractOptions&, Extraction*) {
  return Status::Failed("PDF extraction not available yet");
}
Status extract_email(std::string_view, const ExtractOptions&, Extraction*) {
  return Status::Failed("e-mail extraction not available yet");
}
Status extract_mbox(std::string_view, const ExtractOptions&, Extraction*) {
  return Status::Failed("mbox extraction not available yet");
}

}  // namespace trawl::indexer
