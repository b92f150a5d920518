// Proximity boost: for a query of several words, documents where
// neighbouring query words occur close together rank higher. Each pair of
// neighbouring words becomes an OP_NEAR that only adds weight
// (OP_AND_MAYBE): the matching set does not change.
#pragma once

#include <string>

#include <xapian.h>

namespace trawl::searcher {

struct ProximityOptions {
  Xapian::termcount window = 8;  // positions the two words may span
  double weight = 0.3;           // the pair's share of its words' weight
  size_t forms = 2;              // forms of a word looked for: its most frequent in `db`
};

// `q` with the boost, or `q` itself when it has fewer than two words at its
// top level (phrases, filters and single words are left alone).
Xapian::Query add_proximity(const Xapian::Database& db, const Xapian::Query& q,
                            const ProximityOptions& options);

// `q` plus the same words searched in the title field (`prefix`), scaled by
// `weight`: a BM25F-like second field with its own length normalisation.
// Title terms `db` lacks are left out (most forms of a word are in no
// title, and each term costs the matcher a B-tree descent).
Xapian::Query add_title_field(const Xapian::Database& db, const Xapian::Query& q,
                              const std::string& prefix, double weight);

}  // namespace trawl::searcher
