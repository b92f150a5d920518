// --weighting: the ranking formula, by name with optional parameters.
//
//   bm25                 Xapian's BM25 with trawl's defaults (see kDefault)
//   bm25:k1=1.2,b=0.75   BM25 with other parameters (k1, k2, k3, b, min_normlen)
//   bm25+[:...]          BM25+ (also: delta)
//   pl2[:c=1], dph, dlh, inl2[:c=1], ifb2[:c=1],
//   ineb2[:c=1], bb2[:c=1]   divergence-from-randomness models
//   tfidf[:normalizations=ntn]
//   lm[:smoothing=dirichlet,param=2000]   language model (Dirichlet or Jelinek-Mercer)
//   coord                number of matching terms only
//
// docs/relevance.md has what each scores on the judged test collections.
#pragma once

#include <memory>
#include <string>

#include <xapian.h>

namespace trawl::searcher {

// trawl's default, chosen on SciFact and Cranfield (docs/relevance.md).
inline constexpr const char* kDefaultWeighting = "bm25";

// The Xapian weighting scheme named by `spec`. Throws trawl::Error naming
// the spec and what is wrong (unknown scheme or parameter, bad number).
std::unique_ptr<Xapian::Weight> make_weighting(const std::string& spec);

}  // namespace trawl::searcher
