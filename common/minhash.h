// MinHash: a document's signature for near-duplicate detection.
//
// Two texts that tell the same story share many content words even when
// their sentences differ; two stories on one topic share fewer. The
// signature keeps, for each of kMinHashes hash functions, the smallest hash
// of the document's content words (stems of words of three or more
// characters, minus common function words); the fraction of equal positions
// between two signatures estimates the Jaccard similarity of the word sets.
// Measured on labelled pairs (docs/near-duplicates.md): same-story pairs
// score >= 0.45, same-topic different stories <= 0.25.
//
// Pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace trawl {

inline constexpr size_t kMinHashes = 64;
// Signatures at least this similar are near-duplicates.
inline constexpr double kNearDuplicate = 0.30;
// Documents with fewer distinct content words get no signature (and never
// fold): two short notes on one subject share too large a part of a few
// words. 20 is about two sentences.
inline constexpr size_t kMinHashWords = 20;
// Nor do documents with more: the vocabularies of two unrelated books
// overlap by a third or more (measured on the Gutenberg books, where most
// books folded under a few), so a signature of all their words says
// nothing. 2,000 is far above a news article's few hundred.
inline constexpr size_t kMaxHashWords = 2000;

// True for a term that counts as a content word.
bool content_word(std::string_view term);

// The signature of a set of content words (already folded and stemmed), as
// kMinHashes little-endian uint32s. Empty input gives an empty signature.
std::string minhash(const std::vector<std::string>& words);

// Estimated Jaccard similarity of two signatures (0 if either is empty or
// they differ in size).
double similarity(std::string_view a, std::string_view b);

}  // namespace trawl
