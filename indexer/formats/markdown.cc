// Markdown: CommonMark parsing with cmark; the text without markup, the
// first heading as the title; YAML front matter (yaml-cpp) gives title,
// date, author, tags, language, description and keywords.
#include <cmark.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
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

// A YAML scalar or sequence as one string ("a, b" for a sequence).
std::string yaml_text(const YAML::Node& node) {
  if (node.IsScalar()) return node.as<std::string>();
  std::string out;
  if (node.IsSequence()) {
    for (const YAML::Node& item : node) {
      if (!item.IsScalar()) continue;
      if (!out.empty()) out += ", ";
      out += item.as<std::string>();
    }
  }
  return out;
}

// Removes a leading "---" ... "---" block and reads its fields into *doc.
// Malformed YAML is reported as a problem; the rest of the file is kept.
// Returns the number of lines removed.
int take_front_matter(std::string* text, ExtractedDoc* doc, std::vector<std::string>* problems) {
  if (text->compare(0, 4, "---\n") != 0) return 0;
  size_t end = text->find("\n---", 3);
  if (end == std::string::npos) return 0;
  size_t after = text->find('\n', end + 4);
  std::string yaml = text->substr(4, end - 4);
  const size_t removed = after == std::string::npos ? text->size() : after + 1;
  const int lines = static_cast<int>(std::count(text->begin(), text->begin() + removed, '\n'));
  text->erase(0, removed);
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    problems->push_back("front matter: invalid YAML: " + e.msg);
    return lines;
  }
  if (!root.IsMap()) return lines;
  for (const auto& kv : root) {
    if (!kv.first.IsScalar()) continue;
    const std::string key = kv.first.as<std::string>();
    const std::string value = yaml_text(kv.second);
    if (value.empty()) continue;
    if (key == "title") {
      doc->title = value;
    } else if (key == "author" || key == "authors") {
      doc->author = value;
    } else if (key == "date") {
      doc->date = normalize_date(value);
    } else if (key == "lang" || key == "language") {
      doc->language = value;
    } else if (key == "tags" || key == "keywords" || key == "description" ||
               key == "categories" || key == "summary") {
      doc->fields.emplace_back(key, value);
    }
  }
  return lines;
}

// Appends the text of inline node `n` to *out.
void append_inline(cmark_node* n, std::string* out) {
  switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_CODE_BLOCK:
      if (const char* lit = cmark_node_get_literal(n)) out->append(lit);
      break;
    case CMARK_NODE_SOFTBREAK:  // keeps the lines of the source
      out->push_back('\n');
      break;
    case CMARK_NODE_LINEBREAK:
      out->push_back('\n');
      break;
    default:
      break;
  }
}

// Keeps the body's line numbers equal to the file's (for --passages and
// --vimgrep): before each leaf block, empty lines are added until the body
// has as many lines as the source before that block.
class LineKeeper {
 public:
  LineKeeper(std::string_view source, int offset) : source_(source), offset_(offset) {}

  void before(cmark_node* n, std::string* body) {
    const cmark_node_type t = cmark_node_get_type(n);
    if (t != CMARK_NODE_PARAGRAPH && t != CMARK_NODE_HEADING && t != CMARK_NODE_CODE_BLOCK &&
        t != CMARK_NODE_HTML_BLOCK) {
      return;
    }
    int line = cmark_node_get_start_line(n);
    if (t == CMARK_NODE_CODE_BLOCK && fenced(line)) ++line;  // the code starts below the fence
    lines_ += static_cast<int>(std::count(body->begin() + static_cast<long>(counted_), body->end(), '\n'));
    while (lines_ < line + offset_) body->push_back('\n'), ++lines_;
    counted_ = body->size();
  }

 private:
  bool fenced(int line) const {
    size_t pos = 0;
    for (int i = 1; i < line && pos != std::string_view::npos; ++i) {
      pos = source_.find('\n', pos);
      if (pos != std::string_view::npos) ++pos;
    }
    if (pos == std::string_view::npos) return false;
    std::string_view rest = source_.substr(pos);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    return rest.rfind("```", 0) == 0 || rest.rfind("~~~", 0) == 0;
  }

  std::string_view source_;
  int offset_;
  int lines_ = 1;
  size_t counted_ = 0;
};

}  // namespace

Status extract_markdown(std::string_view bytes, const ExtractOptions& options, Extraction* out) {
  std::string text;
  if (Status s = decode_text(bytes, options, &text, &out->encoding); !s.ok()) return s;
  ExtractedDoc doc;
  const int front_lines = take_front_matter(&text, &doc, &out->problems);
  LineKeeper keeper(text, front_lines);
  std::string title = doc.title;
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
    // The first heading is the title, and stays in the body as well.
    if (type == CMARK_NODE_HEADING && !have_title) {
      in_title = ev == CMARK_EVENT_ENTER;
      if (ev == CMARK_EVENT_EXIT) have_title = true, title = heading;
    }
    if (ev == CMARK_EVENT_ENTER) keeper.before(n, &body);
    if (ev == CMARK_EVENT_EXIT) {
      if (is_block(type) && !body.empty() && body.back() != '\n') body.push_back('\n');
      continue;
    }
    append_inline(n, &body);
    if (in_title) append_inline(n, &heading);
    if (type == CMARK_NODE_CODE_BLOCK && !body.empty() && body.back() != '\n') {
      body.push_back('\n');
    }
  }
  doc.title = std::move(title);
  doc.body = std::move(body);
  out->docs.push_back(std::move(doc));
  return Status::Ok();
}

}  // namespace trawl::indexer
