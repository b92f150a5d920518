#include "ranking.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>

#include "diag.h"
#include "error.h"
#include "extras.h"
#include "proximity.h"
#include "schema.h"

namespace trawl::searcher {
namespace {

// "a:b:c" -> up to three numbers; throws for anything else.
std::vector<double> numbers(const std::string& key, const std::string& value, size_t want) {
  std::vector<double> out;
  for (const std::string& part : CLI::detail::split(value, ':')) {
    char* end = nullptr;
    const double v = std::strtod(part.c_str(), &end);
    if (part.empty() || *end != '\0' || v < 0) break;
    out.push_back(v);
  }
  if (out.size() != want) {
    throw Error("TRAWL_RANKING: " + key + "=" + quote(value) + " wants " + std::to_string(want) +
                " number(s) >= 0 separated by ':'");
  }
  return out;
}

// `q` with `add` applied to its scoring part: below filters (OP_FILTER) and
// NOT branches (OP_AND_NOT), so that what is added never widens the match
// past them nor changes the weight of what they keep.
template <typename Fn>
Xapian::Query on_scoring_part(const Xapian::Query& q, Fn add) {
  const auto op = q.get_type();
  if ((op != Xapian::Query::OP_FILTER && op != Xapian::Query::OP_AND_NOT) ||
      q.get_num_subqueries() < 2) {
    return add(q);
  }
  std::vector<Xapian::Query> subs;
  subs.push_back(on_scoring_part(q.get_subquery(0), add));
  for (size_t i = 1; i < q.get_num_subqueries(); ++i) subs.push_back(q.get_subquery(i));
  return Xapian::Query(op, subs.begin(), subs.end());
}

}  // namespace

RankingOptions ranking_from_env(const char* value) {
  RankingOptions o;
  if (value == nullptr) return o;
  for (const std::string& item : CLI::detail::split(value, ',')) {
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    const std::string key = item.substr(0, eq), v = eq == std::string::npos ? "" : item.substr(eq + 1);
    if (key == "proximity") {
      auto n = numbers(key, v, 2);
      o.proximity_window = static_cast<Xapian::termcount>(n[0]);
      o.proximity_bonus = n[1];
    } else if (key == "title") {
      o.title_weight = numbers(key, v, 1)[0];
    } else if (key == "feedback") {
      auto n = numbers(key, v, 3);
      o.feedback_docs = static_cast<Xapian::doccount>(n[0]);
      o.feedback_terms = static_cast<Xapian::termcount>(n[1]);
      o.feedback_weight = n[2];
    } else if (key == "feedback_min_words") {
      o.feedback_min_words = static_cast<size_t>(numbers(key, v, 1)[0]);
    } else {
      throw Error("TRAWL_RANKING: unknown key " + quote(key) +
                  " (proximity, title, feedback, feedback_min_words)");
    }
  }
  return o;
}

Xapian::Query apply_ranking(const Xapian::Database& db, const Xapian::Query& q,
                            const Xapian::Weight& weight, const Xapian::Stopper* stopper,
                            size_t content_words, bool match_any, Expand expand,
                            const RankingOptions& options, const Xapian::MatchDecider* decider,
                            bool alternatives) {
  Xapian::Query out = q;
  if (options.proximity_bonus > 0) {
    ProximityOptions po;
    po.window = options.proximity_window;
    po.weight = options.proximity_bonus;
    out = on_scoring_part(out, [&](const Xapian::Query& s) {
      if (!alternatives || s.get_type() != Xapian::Query::OP_OR) return add_proximity(db, s, po);
      std::vector<Xapian::Query> each;
      for (size_t i = 0; i < s.get_num_subqueries(); ++i) {
        each.push_back(add_proximity(db, s.get_subquery(i), po));
      }
      return Xapian::Query(Xapian::Query::OP_OR, each.begin(), each.end());
    });
  }
  if (options.title_weight > 0) {
    const std::string prefix(schema::kTitlePrefix);
    out = on_scoring_part(out, [&](const Xapian::Query& s) {
      return add_title_field(db, s, prefix, options.title_weight);
    });
  }
  const bool feedback = expand == Expand::kOn ||
                        (expand == Expand::kAuto && content_words >= options.feedback_min_words);
  if (feedback && options.feedback_weight > 0) {
    FeedbackOptions fb;
    fb.docs = options.feedback_docs;
    fb.terms = options.feedback_terms;
    fb.weight = options.feedback_weight;
    fb.widen = match_any;
    fb.decider = decider;
    // The best hits are those of the whole query, filters included; the
    // words they give are added below the filters.
    const Xapian::Query extra = feedback_terms(db, out, weight, stopper, fb);
    if (!extra.empty()) {
      const auto op = fb.widen ? Xapian::Query::OP_OR : Xapian::Query::OP_AND_MAYBE;
      out = on_scoring_part(out, [&](const Xapian::Query& s) { return Xapian::Query(op, s, extra); });
    }
  }
  return out;
}

}  // namespace trawl::searcher
