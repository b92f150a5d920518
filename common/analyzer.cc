#include "analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <xapian.h>

#include "error.h"
#include "fold.h"
#include "utf8.h"

namespace trawl {
namespace {

bool is_hyphen(std::string_view gap) {
  return gap == "-" || gap == "\u2010" || gap == "\u2011";
}

// Accumulates one compound (hyphen-joined words, multi-part words).
class Emitter {
 public:
  Emitter(std::vector<Token>* out, uint32_t pos) : out_(out), pos_(pos) {}

  // Emits the parts of the word at text[begin, end).
  void word(std::string_view text, uint32_t begin, uint32_t end);
  // Ends the current compound, emitting its alias.
  void flush();
  uint32_t pos() const { return pos_; }

 private:
  void part(std::string_view original, uint32_t begin, uint32_t end);
  void term(std::string term, uint32_t begin, uint32_t end);

  std::vector<Token>* out_;
  uint32_t pos_;
  std::string concat_;
  size_t parts_ = 0;
  uint32_t group_begin_ = 0;
  uint32_t group_end_ = 0;
};

void Emitter::word(std::string_view text, uint32_t begin, uint32_t end) {
  uint32_t part_begin = begin;
  uint32_t i = begin;
  while (i < end) {
    char32_t cp;
    size_t n = utf8::decode(text, i, &cp);
    if (n == 0) n = 1, cp = 0xFFFD;
    if (!Xapian::Unicode::is_wordchar(cp)) {
      if (i > part_begin) part(text.substr(part_begin, i - part_begin), part_begin, i);
      part_begin = static_cast<uint32_t>(i + n);
    }
    i += static_cast<uint32_t>(n);
  }
  if (end > part_begin) part(text.substr(part_begin, end - part_begin), part_begin, end);
}

void Emitter::part(std::string_view original, uint32_t begin, uint32_t end) {
  if (original.size() > 4 * kMaxTermBytes) return;  // not a word: skip cheaply
  std::string folded = fold(original);
  // Folding can produce non-word characters ("½" -> "1⁄2"): split again.
  size_t start = 0;
  size_t i = 0;
  while (i < folded.size()) {
    char32_t cp;
    size_t n = utf8::decode(folded, i, &cp);
    if (n == 0) n = 1, cp = 0xFFFD;
    if (!Xapian::Unicode::is_wordchar(cp)) {
      if (i > start) term(folded.substr(start, i - start), begin, end);
      start = i + n;
    }
    i += n;
  }
  if (start == 0) {
    term(std::move(folded), begin, end);
  } else if (folded.size() > start) {
    term(folded.substr(start), begin, end);
  }
}

void Emitter::term(std::string t, uint32_t begin, uint32_t end) {
  if (t.empty() || t.size() > kMaxTermBytes) return;
  if (parts_ == 0) group_begin_ = begin;
  group_end_ = end;
  if (parts_ < kMaxCompoundParts) concat_ += t;
  ++parts_;
  out_->push_back(Token{std::move(t), pos_++, begin, end, false});
}

void Emitter::flush() {
  if (parts_ >= 2 && parts_ <= kMaxCompoundParts && concat_.size() <= kMaxTermBytes) {
    out_->push_back(Token{concat_, pos_ - 1, group_begin_, group_end_, true});
  }
  concat_.clear();
  parts_ = 0;
}

}  // namespace

Analyzer::Analyzer() {
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !words_) {
    throw Error(std::string("ICU word break iterator unavailable: ") +
                u_errorName(status));
  }
}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

uint32_t Analyzer::analyze(std::string_view text, std::vector<Token>* out,
                           uint32_t first_pos) {
  Emitter emit(out, first_pos);
  if (text.empty()) return first_pos;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(),
                             static_cast<int64_t>(text.size()), &status);
  words_->setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    throw Error(std::string("ICU cannot segment text: ") + u_errorName(status));
  }
  int32_t prev_word_end = -1;
  int32_t start = words_->first();
  for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
       start = end, end = words_->next()) {
    if (words_->getRuleStatus() == UBRK_WORD_NONE) continue;
    bool joined = prev_word_end >= 0 &&
                  is_hyphen(text.substr(prev_word_end, start - prev_word_end));
    if (!joined) emit.flush();
    emit.word(text, static_cast<uint32_t>(start), static_cast<uint32_t>(end));
    prev_word_end = end;
  }
  emit.flush();
  // Detach the iterator from the text before the UText goes away.
  words_->setText(icu::UnicodeString());
  utext_close(ut);
  return emit.pos();
}

bool should_stem(std::string_view term) {
  if (term.empty()) return false;
  char32_t cp;
  if (utf8::decode(term, 0, &cp) == 0) return false;
  const unsigned mask = (1u << Xapian::Unicode::LOWERCASE_LETTER) |
                        (1u << Xapian::Unicode::TITLECASE_LETTER) |
                        (1u << Xapian::Unicode::MODIFIER_LETTER) |
                        (1u << Xapian::Unicode::OTHER_LETTER);
  return (mask >> Xapian::Unicode::get_category(cp)) & 1u;
}

}  // namespace trawl
