// jemalloc's settings for trawl-index, linked in only when jemalloc is
// (TRAWL_JEMALLOC): jemalloc reads this symbol when it starts, and the
// MALLOC_CONF environment variable still overrides it.
//
// Freed pages go back to the system after about a second, not jemalloc's
// ten: each batch's postings are freed at its commit, and kept for ten
// seconds they raised an update's peak (20news-train added as one 23 MB
// JSON Lines file: 159 MB with glibc's malloc, 199-207 MB with jemalloc's
// defaults, 146 MB with these). Measured in docs/benchmarks.md.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "dirty_decay_ms:1000,muzzy_decay_ms:0";
}
