#include "weighting.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <map>
#include <set>

#include "error.h"
#include "diag.h"

namespace trawl::searcher {
namespace {

// BM25 defaults: k1 and b as measured best (docs/relevance.md); k2, k3 and
// min_normlen are Xapian's.
constexpr double kK1 = 1.6, kB = 0.75;

using Params = std::map<std::string, std::string>;

// "k1=1.2,b=0.75" -> {k1: 1.2, b: 0.75}, accepting only `known` names.
Params parse_params(const std::string& spec, const std::string& list,
                    const std::set<std::string>& known) {
  Params out;
  for (const std::string& item : CLI::detail::split(list, ',')) {
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    const std::string name = item.substr(0, eq);
    if (eq == std::string::npos || !known.count(name)) {
      std::string names;
      for (const std::string& k : known) names += (names.empty() ? "" : ", ") + k;
      throw Error("--weighting " + quote(spec) + ": unknown parameter " + quote(item) +
                  (names.empty() ? " (this scheme takes none)" : " (known: " + names + ")"));
    }
    out[name] = item.substr(eq + 1);
  }
  return out;
}

double number(const std::string& spec, const Params& p, const std::string& name, double dflt) {
  auto it = p.find(name);
  if (it == p.end()) return dflt;
  char* end = nullptr;
  const double v = std::strtod(it->second.c_str(), &end);
  if (it->second.empty() || *end != '\0' || v < 0) {
    throw Error("--weighting " + quote(spec) + ": " + name + " must be a number >= 0, not " +
                quote(it->second));
  }
  return v;
}

}  // namespace

std::unique_ptr<Xapian::Weight> make_weighting(const std::string& spec) {
  const size_t colon = spec.find(':');
  const std::string name = spec.substr(0, colon);
  const std::string list = colon == std::string::npos ? "" : spec.substr(colon + 1);
  auto params = [&](std::set<std::string> known) { return parse_params(spec, list, known); };
  auto num = [&](const Params& p, const char* key, double dflt) { return number(spec, p, key, dflt); };
  if (name == "bm25" || name == "bm25+") {
    const bool plus = name == "bm25+";
    Params p = plus ? params({"k1", "k2", "k3", "b", "min_normlen", "delta"})
                    : params({"k1", "k2", "k3", "b", "min_normlen"});
    const double k1 = num(p, "k1", kK1), k2 = num(p, "k2", 0), k3 = num(p, "k3", 1);
    const double b = num(p, "b", kB), min_normlen = num(p, "min_normlen", 0.5);
    if (b > 1) throw Error("--weighting " + quote(spec) + ": b must be between 0 and 1");
    if (plus) {
      return std::make_unique<Xapian::BM25PlusWeight>(k1, k2, k3, b, min_normlen,
                                                      num(p, "delta", 1.0));
    }
    return std::make_unique<Xapian::BM25Weight>(k1, k2, k3, b, min_normlen);
  }
  if (name == "pl2") return std::make_unique<Xapian::PL2Weight>(num(params({"c"}), "c", 1));
  if (name == "inl2") return std::make_unique<Xapian::InL2Weight>(num(params({"c"}), "c", 1));
  if (name == "ifb2") return std::make_unique<Xapian::IfB2Weight>(num(params({"c"}), "c", 1));
  if (name == "ineb2") return std::make_unique<Xapian::IneB2Weight>(num(params({"c"}), "c", 1));
  if (name == "bb2") return std::make_unique<Xapian::BB2Weight>(num(params({"c"}), "c", 1));
  if (name == "dph") return params({}), std::make_unique<Xapian::DPHWeight>();
  if (name == "dlh") return params({}), std::make_unique<Xapian::DLHWeight>();
  if (name == "coord") return params({}), std::make_unique<Xapian::CoordWeight>();
  if (name == "tfidf") {
    Params p = params({"normalizations"});
    return std::make_unique<Xapian::TfIdfWeight>(p.count("normalizations") ? p["normalizations"]
                                                                           : "ntn");
  }
  if (name == "lm") {
    Params p = params({"smoothing", "param"});
    const std::string smoothing = p.count("smoothing") ? p["smoothing"] : "dirichlet";
    if (smoothing != "dirichlet" && smoothing != "jelinek-mercer") {
      throw Error("--weighting " + quote(spec) + ": smoothing is dirichlet or jelinek-mercer");
    }
    const bool dirichlet = smoothing == "dirichlet";
    return std::make_unique<Xapian::LMWeight>(
        0.0, dirichlet ? Xapian::Weight::DIRICHLET_SMOOTHING : Xapian::Weight::JELINEK_MERCER_SMOOTHING,
        num(p, "param", dirichlet ? 2000 : 0.7), -1.0);
  }
  throw Error("--weighting " + quote(spec) +
              ": unknown scheme (bm25, bm25+, pl2, dph, dlh, inl2, ifb2, ineb2, bb2, tfidf, lm, "
              "coord)");
}

}  // namespace trawl::searcher
