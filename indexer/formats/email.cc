// E-mail: .eml and mbox (stub until implemented).
#include "format.h"

namespace trawl::indexer {

Status extract_email(std::string_view, const ExtractOptions&, Extraction*) {
  return Status::Failed("e-mail extraction not available yet");
}
Status extract_mbox(std::string_view, const ExtractOptions&, Extraction*) {
  return Status::Failed("mbox extraction not available yet");
}

}  // namespace trawl::indexer
