// PDF (stub until implemented).
#include "format.h"

namespace trawl::indexer {

Status extract_pdf(std::string_view, const ExtractOptions&, Extraction*) {
  return Status::Failed("PDF extraction not available yet");
}

}  // namespace trawl::indexer
