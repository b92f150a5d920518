#include "analyzer.h"

#include <array>

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <xapian.h>

#include "error.h"
#include "fold.h"
#include "utf8.h"

namespace trawl {
namespace {

// Xapian::Unicode::is_wordchar of each ASCII character, looked up without
// decoding or a library call (most text is ASCII).
const std::array<bool, 128> kAsciiWordChar = [] {
  std::array<bool, 128> t{};
  for (unsigned c = 0; c < 128; ++c) t[c] = Xapian::Unicode::is_wordchar(c);
  return t;
}();

// Whether the character at s[i] is a word character; *n = its length in
// bytes (an invalid byte counts as one U+FFFD).
bool wordchar_at(std::string_view s, size_t i, size_t* n) {
  const auto u = static_cast<unsigned char>(s[i]);
  if (u < 0x80) {
    *n = 1;
    return kAsciiWordChar[u];
  }
  char32_t cp;
  *n = utf8::decode(s, i, &cp);
  if (*n == 0) *n = 1, cp = 0xFFFD;
  return Xapian::Unicode::is_wordchar(cp);
}

// `word` lower-cased into *out if it is all ASCII word characters (most
// words are), which is what fold() and the split in Emitter::part make of
// it; else false.
bool ascii_word(std::string_view word, std::string* out) {
  out->resize(word.size());
  for (size_t i = 0; i < word.size(); ++i) {
    const auto u = static_cast<unsigned char>(word[i]);
    if (u >= 0x80 || !kAsciiWordChar[u]) return false;
    (*out)[i] = static_cast<char>(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u);
  }
  return true;
}

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
  void term(std::string term, uint32_t begin, uint32_t end, std::string accented = {});

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
    size_t n;
    if (!wordchar_at(text, i, &n)) {
      if (i > part_begin) part(text.substr(part_begin, i - part_begin), part_begin, i);
      part_begin = static_cast<uint32_t>(i + n);
    }
    i += static_cast<uint32_t>(n);
  }
  if (end > part_begin) part(text.substr(part_begin, end - part_begin), part_begin, end);
}

void Emitter::part(std::string_view original, uint32_t begin, uint32_t end) {
  if (original.size() > 4 * kMaxTermBytes) return flush();  // not a word: skip cheaply
  std::string folded;
  if (ascii_word(original, &folded)) return term(std::move(folded), begin, end);
  std::string marked;
  folded = fold(original, &marked);
  // Folding can produce non-word characters ("½" -> "1⁄2"): split again.
  size_t start = 0;
  size_t i = 0;
  while (i < folded.size()) {
    size_t n;
    if (!wordchar_at(folded, i, &n)) {
      if (i > start) term(folded.substr(start, i - start), begin, end);
      start = i + n;
    }
    i += n;
  }
  if (start == 0) {
    // The marked form keeps the folded one's word characters: a split part
    // ("½") has none to keep.
    term(std::move(folded), begin, end, std::move(marked));
  } else if (folded.size() > start) {
    term(folded.substr(start), begin, end);
  }
}

void Emitter::term(std::string t, uint32_t begin, uint32_t end, std::string accented) {
  // A dropped part ends the compound: the parts around it do not join into
  // an alias ("harb" + 200 bytes + "our" is not "harbour").
  if (t.empty() || t.size() > kMaxTermBytes) return flush();
  if (parts_ == 0) group_begin_ = begin;
  group_end_ = end;
  if (parts_ < kMaxCompoundParts) concat_ += t;
  ++parts_;
  if (accented.size() > kMaxTermBytes) accented.clear();
  out_->push_back(Token{std::move(t), pos_++, begin, end, false, std::move(accented)});
}

void Emitter::flush() {
  if (parts_ >= 2 && parts_ <= kMaxCompoundParts && concat_.size() <= kMaxTermBytes) {
    out_->push_back(Token{concat_, pos_ - 1, group_begin_, group_end_, true, {}});
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

namespace {

// Character classes of UAX #29 word breaking, for the ASCII the fast path
// takes; anything else (non-ASCII, '@' and '_', which ICU's rules treat
// specially, control characters) goes to ICU.
enum class Ascii : uint8_t { kOther, kLetter, kDigit, kMidNumLet, kMidNum, kIcu };

constexpr std::array<Ascii, 128> kAsciiClass = [] {
  std::array<Ascii, 128> t{};
  for (int c = 0; c < 128; ++c) {
    Ascii k = Ascii::kOther;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k = Ascii::kLetter;
    else if (c >= '0' && c <= '9') k = Ascii::kDigit;
    else if (c == '.' || c == '\'') k = Ascii::kMidNumLet;  // full stop, apostrophe
    else if (c == ',' || c == ';') k = Ascii::kMidNum;
    else if (c == '@' || c == '_' || c < 0x20 || c == 0x7F) k = Ascii::kIcu;
    t[c] = k;
  }
  return t;
}();

Ascii ascii_class(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 128 ? kAsciiClass[u] : Ascii::kIcu;
}

// True if ICU's root word rules keep text[i] (a mid character) inside a word:
// letter (. ') letter, digit (. ' , ;) digit.
bool joins(std::string_view text, size_t i, size_t end) {
  if (i == 0 || i + 1 >= end) return false;
  const Ascii before = ascii_class(text[i - 1]), after = ascii_class(text[i + 1]);
  const Ascii mid = ascii_class(text[i]);
  if (before == Ascii::kLetter && after == Ascii::kLetter) return mid == Ascii::kMidNumLet;
  return before == Ascii::kDigit && after == Ascii::kDigit;
}

// Calls on_word(start, end) for each word ICU would find in the ASCII chunk
// text[begin, end) (no spaces, no kIcu characters): runs of letters and
// digits, joined across single mid characters as joins() says.
template <class F>
void ascii_words(std::string_view text, size_t begin, size_t end, F&& on_word) {
  size_t i = begin;
  while (i < end) {
    const Ascii c = ascii_class(text[i]);
    if (c != Ascii::kLetter && c != Ascii::kDigit) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < end) {
      const Ascii k = ascii_class(text[j]);
      if (k == Ascii::kLetter || k == Ascii::kDigit) {
        ++j;
      } else if ((k == Ascii::kMidNumLet || k == Ascii::kMidNum) && joins(text, j, end)) {
        j += 2;
      } else {
        break;
      }
    }
    on_word(i, j);
    i = j;
  }
}

}  // namespace

template <class F>
void Analyzer::icu_words(std::string_view text, size_t begin, size_t end, F&& on_word) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data() + begin, static_cast<int64_t>(end - begin),
                             &status);
  words_->setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    throw Error(std::string("ICU cannot segment text: ") + u_errorName(status));
  }
  int32_t start = words_->first();
  for (int32_t stop = words_->next(); stop != icu::BreakIterator::DONE;
       start = stop, stop = words_->next()) {
    if (words_->getRuleStatus() != UBRK_WORD_NONE) on_word(begin + start, begin + stop);
  }
  // Detach the iterator from the text before the UText goes away.
  words_->setText(icu::UnicodeString());
  utext_close(ut);
}

uint32_t Analyzer::analyze(std::string_view text, std::vector<Token>* out,
                           uint32_t first_pos) {
  Emitter emit(out, first_pos);
  size_t prev_word_end = std::string_view::npos;
  auto on_word = [&](size_t start, size_t end) {
    const bool joined = prev_word_end != std::string_view::npos &&
                        is_hyphen(text.substr(prev_word_end, start - prev_word_end));
    if (!joined) emit.flush();
    emit.word(text, static_cast<uint32_t>(start), static_cast<uint32_t>(end));
    prev_word_end = end;
  };
  // White space always separates words: chunks between spaces made of
  // plain ASCII are segmented here (ICU costs ~100 instructions a byte);
  // runs of other chunks go to ICU together.
  const size_t n = text.size();
  size_t icu_begin = std::string_view::npos;  // start of a pending ICU run
  size_t i = 0;
  while (i < n) {
    if (utf8::is_space(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    bool plain = true;
    for (; j < n && !utf8::is_space(text[j]); ++j) plain = plain && ascii_class(text[j]) != Ascii::kIcu;
    if (!plain || !fast_) {
      if (icu_begin == std::string_view::npos) icu_begin = i;
    } else {
      if (icu_begin != std::string_view::npos) icu_words(text, icu_begin, i, on_word);
      icu_begin = std::string_view::npos;
      ascii_words(text, i, j, on_word);
    }
    i = j;
  }
  if (icu_begin != std::string_view::npos) icu_words(text, icu_begin, n, on_word);
  emit.flush();
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
