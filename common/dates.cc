// Dates found inside documents, normalised to ISO 8601.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "dates.h"

namespace trawl {
namespace {

struct Parts {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = 0, second = 0;
  int zone_minutes = 0;  // east of UTC
};

int month_number(std::string w) {
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (w.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    if (w.compare(0, 3, kMonths[i]) == 0) return i + 1;
  }
  return 0;
}

bool valid(const Parts& p) {
  return p.year >= 1000 && p.year <= 9999 && p.month >= 1 && p.month <= 12 && p.day >= 1 &&
         p.day <= 31 && p.hour < 24 && p.minute < 60 && p.second < 61;
}

// "+0200", "+02:00", "-05'00'", "Z", "GMT", "UTC".
int parse_zone(std::string_view z) {
  if (z.empty() || z == "Z" || z == "GMT" || z == "UTC" || z == "UT") return 0;
  int sign = z[0] == '-' ? -1 : 1;
  std::string digits;
  for (char c : z.substr(1)) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  }
  if (digits.size() < 2) return 0;
  int h = std::stoi(digits.substr(0, 2));
  int m = digits.size() >= 4 ? std::stoi(digits.substr(2, 2)) : 0;
  return sign * (h * 60 + m);
}

// ISO forms: 2024-05-03, 2024/05/03, 2024-05-03T10:00:00+02:00, and PDF's
// D:20240503100000Z.
bool parse_numeric(std::string_view s, Parts* p) {
  if (s.substr(0, 2) == "D:") {
    s.remove_prefix(2);
    if (s.size() < 8) return false;
    char zone[16] = "";
    int n = std::sscanf(std::string(s).c_str(), "%4d%2d%2d%2d%2d%2d%15s", &p->year, &p->month,
                        &p->day, &p->hour, &p->minute, &p->second, zone);
    if (n < 3) return false;
    if (n < 4) p->hour = -1;
    p->zone_minutes = n == 7 ? parse_zone(zone) : 0;
    return true;
  }
  char sep1, sep2;
  int consumed = 0;
  if (std::sscanf(std::string(s).c_str(), "%4d%c%2d%c%2d%n", &p->year, &sep1, &p->month, &sep2,
                  &p->day, &consumed) != 5 ||
      sep1 != sep2 || (sep1 != '-' && sep1 != '/' && sep1 != '.')) {
    return false;
  }
  std::string_view rest = s.substr(consumed);
  if (rest.empty()) return true;
  if (rest[0] != 'T' && rest[0] != ' ') return false;
  rest.remove_prefix(1);
  int used = 0;
  if (std::sscanf(std::string(rest).c_str(), "%2d:%2d%n", &p->hour, &p->minute, &used) < 2) {
    p->hour = -1;
    return true;
  }
  rest.remove_prefix(std::min<size_t>(static_cast<size_t>(used), rest.size()));
  if (!rest.empty() && rest[0] == ':') {
    // %n is left alone when the seconds do not parse: never reuse `used`
    // (found by fuzz_text: "22:41:" moved past the end).
    int more = 0;
    if (std::sscanf(std::string(rest).c_str(), ":%2d%n", &p->second, &more) == 1 && more > 0) {
      rest.remove_prefix(std::min<size_t>(static_cast<size_t>(more), rest.size()));
    }
  }
  while (!rest.empty() && (rest[0] == '.' || std::isdigit(static_cast<unsigned char>(rest[0])))) {
    rest.remove_prefix(1);  // fractions of a second
  }
  p->zone_minutes = parse_zone(rest);
  return true;
}

// Word forms: "Fri, 03 May 2024 10:00:00 +0200", "May 3, 2024", "3 May 2024".
bool parse_words(std::string_view s, Parts* p) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == ':' || c == '+' || c == '-') {
      cur += c;
    } else if (!cur.empty()) {
      words.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(cur);
  for (const std::string& w : words) {
    if (int m = month_number(w); m && !p->month && !std::isdigit(static_cast<unsigned char>(w[0]))) {
      p->month = m;
    } else if (w.find(':') != std::string::npos) {
      std::sscanf(w.c_str(), "%d:%d:%d", &p->hour, &p->minute, &p->second);
    } else if ((w[0] == '+' || w[0] == '-') && w.size() == 5) {
      p->zone_minutes = parse_zone(w);
    } else if (std::isdigit(static_cast<unsigned char>(w[0]))) {
      int v = std::atoi(w.c_str());
      if (w.size() == 4 && !p->year) {
        p->year = v;
      } else if (w.size() <= 2 && !p->day) {
        p->day = v;
      }
    }
  }
  return p->year && p->month && p->day;
}

}  // namespace

std::string normalize_date(std::string_view date) {
  while (!date.empty() && std::isspace(static_cast<unsigned char>(date.front()))) date.remove_prefix(1);
  while (!date.empty() && std::isspace(static_cast<unsigned char>(date.back()))) date.remove_suffix(1);
  if (date.size() == 4 && std::isdigit(static_cast<unsigned char>(date[0]))) {
    int year = std::atoi(std::string(date).c_str());
    return year >= 1000 && year <= 9999 ? std::string(date) : std::string();
  }
  Parts p;
  if (!parse_numeric(date, &p)) {
    p = Parts();
    if (!parse_words(date, &p)) return std::string();
  }
  if (!valid(p)) return std::string();
  char buf[64];
  if (p.hour < 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.year, p.month, p.day);
    return buf;
  }
  std::tm tm{};
  tm.tm_year = p.year - 1900;
  tm.tm_mon = p.month - 1;
  tm.tm_mday = p.day;
  tm.tm_hour = p.hour;
  tm.tm_min = p.minute - p.zone_minutes;
  tm.tm_sec = p.second;
  std::time_t t = timegm(&tm);
  std::tm utc{};
  gmtime_r(&t, &utc);
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
  return buf;
}

std::string date_bound(std::string_view text, bool end) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  std::string t(text);
  int n = std::sscanf(t.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail);
  if (n < 3) n = std::sscanf(t.c_str(), "%4d%2d%2d%c", &y, &m, &d, &tail) == 3 && t.size() == 8 ? 3 : 0;
  if (n == 0) n = std::sscanf(t.c_str(), "%4d-%2d%c", &y, &m, &tail) == 2 ? 2 : 0;
  if (n == 0 && t.size() == 4 && std::sscanf(t.c_str(), "%4d%c", &y, &tail) == 1) n = 1;
  if (n == 0 || n == 4 || y < 1000 || y > 9999 || (n >= 2 && (m < 1 || m > 12)) ||
      (n == 3 && (d < 1 || d > 31))) {
    return std::string();
  }
  if (n < 2) m = end ? 12 : 1;
  if (n < 3) d = end ? 31 : 1;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
  return buf;
}

}  // namespace trawl
