// Markdown: CommonMark parsing with cmark; the text without markup, the
// first heading as the title, YAML front matter's title if present.
#include <cmark.h>

#include <memory>
#include <string>

#include "format.h"

namespace trawl::indexer {
namespace {

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterFree {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

bool is_block(cmark_node_type t) {
  return t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || t == CMARK_NODE_ITEM ||
         t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_BLOCK_QUOTE ||
         t == CMARK_NODE_THEMATIC_BREAK || t == CMARK_NODE_HTML_BLOCK;
}

// Removes a leading "---" ... "---" block and returns its title: value.
std::string strip_front_matter(std::string* text) {
  if (text->compare(0, 4, "---\n") != 0) return std::string();
  size_t end = text->find("\n---", 3);
  if (end == std::string::npos) return std::string();
  size_t after = text->find('\n', end + 4);
  std::string yaml = text->substr(4, end - 4);
  text->erase(0, after == std::string::npos ? text->size() : after + 1);
  size_t pos = 0;
  while (pos < yaml.size()) {
    size_t eol = yaml.find('\n', pos);
    if (eol == std::string::npos) eol = yaml.size();
    std::string line = yaml.substr(pos, eol - pos);
    if (line.compare(0, 6, "title:") == 0) {
      std::string v = line.substr(6);
      size_t b = v.find_first_not_of(" \t\"'");
      size_t e = v.find_last_not_of(" \t\"'");
      return b == std::string::npos ? std::string() : v.substr(b, e - b + 1);
    }
    pos = eol + 1;
  }
  return std::string();
}

// Appends the text of inline node `n` to *out.
void append_inline(cmark_node* n, std::string* out) {
  switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_CODE_BLOCK:
      if (const char* lit = cmark_node_get_literal(n)) out->append(lit);
      break;
    case CMARK_NODE_SOFTBREAK:
      out->push_back(' ');
      break;
    case CMARK_NODE_LINEBREAK:
      out->push_back('\n');
      break;
    default:
      break;
  }
}

}  // namespace

Status extract_markdown(std::string_view bytes, Extraction* out) {
  std::string text;
  if (Status s = decode_text(bytes, &text); !s.ok()) return s;
  std::string title = strip_front_matter(&text);
  std::unique_ptr<cmark_node, NodeFree> root(
      cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT));
  if (!root) return Status::Failed("cannot parse Markdown");
  std::string body;
  std::string heading;
  bool in_title = false;
  bool have_title = !title.empty();
  std::unique_ptr<cmark_iter, IterFree> it(cmark_iter_new(root.get()));
  for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it.get());
    cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_HEADING && !have_title) {
      in_title = ev == CMARK_EVENT_ENTER;
      if (ev == CMARK_EVENT_EXIT) have_title = true, title = heading;
      continue;
    }
    if (ev == CMARK_EVENT_EXIT) {
      if (is_block(type) && !body.empty() && body.back() != '\n') body.push_back('\n');
      continue;
    }
    append_inline(n, in_title ? &heading : &body);
    if (type == CMARK_NODE_CODE_BLOCK && !body.empty() && body.back() != '\n') {
      body.push_back('\n');
    }
  }
  out->docs.push_back(ExtractedDoc{"", "", std::move(title), std::move(body)});
  return Status::Ok();
}

}  // namespace trawl::indexer
