#include "diag.h"

#include <cstdio>

#include "utf8.h"

namespace trawl {

Diag::Diag(std::string program, std::ostream& err)
    : program_(std::move(program)), err_(err) {}

void Diag::error(std::string_view subject, std::string_view problem) {
  write("error", subject, problem);
}

void Diag::warning(std::string_view subject, std::string_view problem) {
  if (quiet_) {
    std::lock_guard<std::mutex> lock(mu_);
    ++warnings_;
    return;
  }
  write("warning", subject, problem);
}

void Diag::note(std::string_view text) {
  if (quiet_) return;
  std::lock_guard<std::mutex> lock(mu_);
  err_ << program_ << ": " << text << '\n';
  err_.flush();
}

void Diag::relay(std::string_view text, int errors, int warnings) {
  std::lock_guard<std::mutex> lock(mu_);
  errors_ += errors;
  warnings_ += warnings;
  if (text.empty()) return;
  err_ << text;
  err_.flush();
}

void Diag::write(std::string_view level, std::string_view subject,
                 std::string_view problem) {
  std::lock_guard<std::mutex> lock(mu_);
  if (level == "error") ++errors_;
  if (level == "warning") ++warnings_;
  err_ << program_ << ": " << level << ": ";
  if (!subject.empty()) err_ << terminal_safe(subject) << ": ";
  err_ << terminal_safe(problem) << '\n';
  err_.flush();
}

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t printable = i;  // a run of printable ASCII is copied as it is
    while (printable < text.size() && text[printable] >= 0x20 && text[printable] < 0x7F) {
      ++printable;
    }
    if (printable > i) {
      out.append(text.substr(i, printable - i));
      i = printable;
      continue;
    }
    char32_t cp;
    size_t n = utf8::decode(text, i, &cp);
    if (n == 0) {  // invalid byte
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X",
                    static_cast<unsigned char>(text[i]));
      out += buf;
      ++i;
      continue;
    }
    if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
               cp == 0x2028 || cp == 0x2029 ||
               (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      // Controls, line separators and bidirectional overrides (which can
      // make a terminal show text in another order than it is).
      char buf[16];
      std::snprintf(buf, sizeof buf, cp < 0x100 ? "\\x%02X" : "\\u%04X",
                    static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string quote(std::string_view text, size_t max_bytes) {
  std::string_view cut = text;
  bool truncated = false;
  if (cut.size() > max_bytes) {
    cut = utf8::truncate(cut, max_bytes);
    truncated = true;
  }
  std::string out = "'";
  out += terminal_safe(cut);
  if (truncated) out += "…";
  out += "'";
  return out;
}

}  // namespace trawl
