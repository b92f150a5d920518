#include "synonyms.h"

#include "analyzer.h"

namespace trawl::indexer {

Status parse_synonyms(std::string_view text, std::vector<std::vector<std::string>>* groups) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  size_t pos = 0;
  for (size_t line_no = 1; pos < text.size(); ++line_no) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    std::vector<std::string> group;
    size_t start = 0;
    while (start <= line.size()) {
      size_t comma = line.find(',', start);
      if (comma == std::string_view::npos) comma = line.size();
      tokens.clear();
      analyzer.analyze(line.substr(start, comma - start), &tokens);
      std::string entry;
      for (const Token& t : tokens) {
        if (t.alias) continue;
        if (!entry.empty()) entry += ' ';
        entry += t.term;
      }
      if (!entry.empty()) group.push_back(std::move(entry));
      start = comma + 1;
    }
    if (group.empty()) continue;
    if (group.size() == 1) {
      return Status::Failed("line " + std::to_string(line_no) +
                            ": a group needs at least two entries, separated by commas");
    }
    groups->push_back(std::move(group));
  }
  return Status::Ok();
}

}  // namespace trawl::indexer
