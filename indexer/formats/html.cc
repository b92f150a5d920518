// HTML (stub until implemented).
#include "format.h"

namespace trawl::indexer {

Status extract_html(std::string_view, const ExtractOptions&, Extraction*) {
  return Status::Failed("HTML extraction not available yet");
}

}  // namespace trawl::indexer
