// Dates as people and documents write them, normalised to ISO 8601.
//
//   normalize_date("Fri, 03 May 2024 10:00:00 +0200") == "2024-05-03T08:00:00Z"
//   normalize_date("May 3, 2024") == "2024-05-03"
//   normalize_date("D:20240503")  == "2024-05-03"      (PDF)
//   normalize_date("2024")        == "2024"
//
// Used by the extractors (document dates) and by the searcher (date: ranges,
// --after, --before). Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace trawl {

// ISO 8601 ("2024-05-03" or "2024-05-03T08:00:00Z", or "2024" for a bare
// year); "" if `date` cannot be read.
std::string normalize_date(std::string_view date);

// A date bound for queries as "YYYYMMDD": "2024" -> "20240101" (or
// "20241231" when `end`), "2024-05" -> "20240501" (or "20240531"),
// "2024-05-03" -> "20240503". "" if `text` is not a date.
std::string date_bound(std::string_view text, bool end);

}  // namespace trawl
