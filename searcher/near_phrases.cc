#include "near_phrases.h"

#include <vector>

namespace trawl::searcher {
namespace {

struct Item {
  enum Kind { kWord, kPhrase, kPositional, kOther };
  Kind kind = kOther;
  size_t begin = 0, end = 0;            // in the text
  std::vector<std::string_view> words;  // a word: itself; a phrase: its words
};

bool is_positional(std::string_view w) {
  for (std::string_view op : {"NEAR", "ADJ"}) {
    if (w == op) return true;
    if (w.size() > op.size() + 1 && w.substr(0, op.size() + 1) == std::string(op) + "/" &&
        w.find_first_not_of("0123456789", op.size() + 1) == std::string_view::npos) {
      return true;
    }
  }
  return false;
}

bool is_plain(std::string_view w) { return w.find_first_of("\"():*+-~") == std::string_view::npos; }

std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < s.size();) {
    const size_t j = std::min(s.find(' ', i), s.size());
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// A phrase from the quote at `i`: a chain item only if nothing but a space
// or a bracket is next to its quotes (not +"a b" or title:"a b").
Item phrase_at(std::string_view text, size_t i) {
  size_t close = text.find('"', i + 1);
  if (close == std::string_view::npos) close = text.size() - 1;
  Item item{Item::kOther, i, close + 1, split(text.substr(i + 1, close - i - 1))};
  const bool clean_before = i == 0 || text[i - 1] == ' ' || text[i - 1] == '(';
  const bool clean_after =
      close + 1 >= text.size() || text[close + 1] == ' ' || text[close + 1] == ')';
  if (clean_before && clean_after && !item.words.empty()) item.kind = Item::kPhrase;
  for (std::string_view w : item.words) {
    if (!is_plain(w)) item.kind = Item::kOther;
  }
  return item;
}

// The items of `text`: phrases, words, operators, brackets.
std::vector<Item> items_of(std::string_view text) {
  std::vector<Item> items;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == ' ') {
      ++i;
    } else if (text[i] == '"') {
      items.push_back(phrase_at(text, i));
      i = items.back().end;
    } else if (text[i] == '(' || text[i] == ')') {
      items.push_back(Item{Item::kOther, i, i + 1, {}});
      ++i;
    } else {
      const size_t j = std::min(text.find_first_of(" \"()", i), text.size());
      const std::string_view w = text.substr(i, j - i);
      const Item::Kind kind = is_positional(w) ? Item::kPositional
                              : is_plain(w)    ? Item::kWord
                                               : Item::kOther;
      items.push_back(Item{kind, i, j, {w}});
      i = j;
    }
  }
  return items;
}

bool is_operand(const Item& item) { return item.kind == Item::kWord || item.kind == Item::kPhrase; }

// The rewritten chain items[first], op, items[first + 2], ..., items[last].
std::string chain_text(std::string_view text, const std::vector<Item>& items, size_t first,
                       size_t last) {
  const Item& op = items[first + 1];
  const std::string_view op_text = text.substr(op.begin, op.end - op.begin);
  std::string phrases, words;
  for (size_t k = first; k <= last; k += 2) {
    const Item& item = items[k];
    if (item.kind == Item::kPhrase && item.words.size() > 1) {
      phrases.append(text.substr(item.begin, item.end - item.begin)).append(" AND ");
    }
    for (std::string_view w : item.words) {
      if (!words.empty()) words.append(" ").append(op_text).append(" ");
      words.append(w);
    }
  }
  return phrases.empty() ? words : "(" + phrases + words + ")";
}

}  // namespace

std::string near_phrases(std::string_view text) {
  const std::vector<Item> items = items_of(text);
  std::string out;
  size_t copied = 0;  // text up to here is in `out`
  for (size_t k = 0; k < items.size(); ++k) {
    if (!is_operand(items[k])) continue;
    size_t last = k;
    bool phrase = items[k].kind == Item::kPhrase;
    while (last + 2 < items.size() && items[last + 1].kind == Item::kPositional &&
           is_operand(items[last + 2]) &&
           text.substr(items[last + 1].begin, items[last + 1].end - items[last + 1].begin) ==
               text.substr(items[k + 1].begin, items[k + 1].end - items[k + 1].begin)) {
      last += 2;
      phrase = phrase || items[last].kind == Item::kPhrase;
    }
    if (last > k && phrase) {
      out.append(text.substr(copied, items[k].begin - copied));
      out.append(chain_text(text, items, k, last));
      copied = items[last].end;
    }
    k = last;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace trawl::searcher
