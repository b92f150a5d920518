#include "cjk.h"

#include "schema.h"
#include "utf8.h"

namespace trawl {
namespace {

// Byte offsets of the characters of `s` (valid UTF-8), and s.size() last.
std::vector<size_t> char_starts(std::string_view s) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < s.size(); ++i) {
    if (utf8::is_lead(s[i])) starts.push_back(i);
  }
  starts.push_back(s.size());
  return starts;
}

// One run of touching CJK tokens: their terms concatenated, and for each
// character the index of the token it came from.
struct Run {
  std::string text;
  std::vector<size_t> owner;
};

}  // namespace

bool is_cjk_char(char32_t c) {
  return (c >= 0x1100 && c <= 0x11FF) ||    // Hangul Jamo
         (c >= 0x3040 && c <= 0x30FF) ||    // Hiragana, Katakana
         (c >= 0x3130 && c <= 0x318F) ||    // Hangul compatibility Jamo
         (c >= 0x31F0 && c <= 0x31FF) ||    // Katakana phonetic extensions
         (c >= 0x3400 && c <= 0x4DBF) ||    // CJK extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||    // CJK unified ideographs
         (c >= 0xAC00 && c <= 0xD7AF) ||    // Hangul syllables
         (c >= 0xF900 && c <= 0xFAFF) ||    // CJK compatibility ideographs
         (c >= 0x20000 && c <= 0x3FFFF);    // CJK extensions B-H
}

bool is_cjk_word(std::string_view term) {
  if (term.empty()) return false;
  for (size_t i = 0; i < term.size();) {
    char32_t c;
    const size_t n = utf8::decode(term, i, &c);
    if (n == 0 || !is_cjk_char(c)) return false;
    i += n;
  }
  return true;
}

bool is_bigram_term(std::string_view term) {
  return term.substr(0, schema::kBigramPrefix.size()) == schema::kBigramPrefix;
}

std::vector<std::string> cjk_bigrams(std::string_view run) {
  std::vector<std::string> out;
  const std::vector<size_t> at = char_starts(run);
  for (size_t c = 0; c + 2 < at.size(); ++c) {
    out.push_back(std::string(schema::kBigramPrefix).append(run.substr(at[c], at[c + 2] - at[c])));
  }
  return out;
}

// Appends the pairs of `run`, whose characters came from `words`.
void emit_run(const Run& run, const std::vector<const Token*>& words, std::vector<Token>* out) {
  std::vector<std::string> terms = cjk_bigrams(run.text);
  for (size_t c = 0; c < terms.size(); ++c) {
    const Token& first = *words[run.owner[c]];
    const Token& second = *words[run.owner[c + 1]];
    out->push_back(Token{std::move(terms[c]), first.pos, first.begin, second.end, false, {}});
  }
}

void add_bigram_tokens(const std::vector<Token>& tokens, std::vector<Token>* out) {
  std::vector<const Token*> words;  // the current run's tokens
  Run run;
  auto end_run = [&] {
    if (run.owner.size() >= 2) emit_run(run, words, out);
    words.clear();
    run.text.clear();
    run.owner.clear();
  };
  for (const Token& t : tokens) {
    if (t.alias) continue;
    if (!is_cjk_word(t.term)) {
      end_run();
      continue;
    }
    if (!words.empty() && words.back()->end != t.begin) end_run();
    words.push_back(&t);
    for (size_t i = 0; i < t.term.size(); ++i) {
      if (utf8::is_lead(t.term[i])) run.owner.push_back(words.size() - 1);
    }
    run.text += t.term;
  }
  end_run();
}

}  // namespace trawl
