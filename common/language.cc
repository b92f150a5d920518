#include "language.h"

#include <xapian.h>

#include "diag.h"
#include "error.h"

namespace trawl {

Xapian::Stem make_stemmer(std::string_view name) {
  if (name == kNoStemming) return Xapian::Stem();
  try {
    return Xapian::Stem(std::string(name));
  } catch (const Xapian::InvalidArgumentError&) {
    throw Error("unknown language " + quote(name) + " (choose one of: none " +
                available_languages() + ")");
  }
}

std::string available_languages() {
  return Xapian::Stem::get_available_languages();
}

}  // namespace trawl
