// Stemming languages: the names users type and the Xapian::Stem they select.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace trawl {

// "none" disables stemming.
inline constexpr std::string_view kNoStemming = "none";
inline constexpr std::string_view kDefaultLanguage = "english";

// Returns the stemmer for `name` (a Snowball language such as "english",
// "french", "russian", or "none"). Throws trawl::Error naming the language and
// listing the available ones if `name` is unknown.
Xapian::Stem make_stemmer(std::string_view name);

// The space-separated list of language names accepted by make_stemmer().
std::string available_languages();

}  // namespace trawl
