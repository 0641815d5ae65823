// Scoring models (docs/scoring.md): `default` = XCCDF-style hierarchical weighted (rules → categories → pack),
// `flat` = one weighted mean over the pack's rules. The total is the mean of the pack scores.
#include "score/scorer.h"

#include <algorithm>
#include <map>

namespace fazhi {

namespace {

// The rule's credit in [0, 1], or nullopt when it leaves the denominator.
std::optional<double> Credit(Verdict v, double partial) {
  switch (v) {
    case Verdict::kPass: return 1.0;
    case Verdict::kPartial: return partial;
    case Verdict::kFail: return 0.0;
    case Verdict::kError: return 0.0;
    default: return std::nullopt;  // not_applicable, not_checkable, waived
  }
}

struct Acc {
  double num = 0, den = 0;
  void Add(double credit, double w) {
    num += credit * w;
    den += w;
  }
  std::optional<double> Value() const { return den > 0 ? std::optional<double>(100.0 * num / den) : std::nullopt; }
};

// One pack's score; `use_unwaived` scores as if no waiver existed.
std::optional<double> PackValue(const std::vector<const RuleResult*>& rs, const Pack* pack, bool use_unwaived,
                                std::vector<CategoryScore>* cats) {
  double partial = pack ? pack->partial_credit : 0.5;
  std::string model = pack ? pack->scoring_model : "default";
  std::vector<std::string> order;
  std::map<std::string, Acc> by_cat;
  std::map<std::string, VerdictCounts> counts;
  Acc flat;
  for (const RuleResult* r : rs) {
    Verdict v = use_unwaived ? r->unwaived : r->verdict;
    if (!by_cat.count(r->category)) order.push_back(r->category);
    counts[r->category].Add(v);
    auto c = Credit(v, partial);
    by_cat[r->category];
    if (!c) continue;
    by_cat[r->category].Add(*c, r->weight);
    flat.Add(*c, r->weight);
  }
  if (cats) {
    for (const auto& name : order) cats->push_back({name, by_cat[name].Value(), counts[name]});
  }
  if (model == "flat") return flat.Value();
  Acc total;
  for (const auto& name : order) {
    auto v = by_cat[name].Value();
    if (!v) continue;
    double w = 1.0;
    if (pack) {
      auto it = pack->category_weights.find(name);
      if (it != pack->category_weights.end()) w = it->second;
    }
    total.Add(*v / 100.0, w);
  }
  return total.Value();
}

}  // namespace

ScoreSummary ScoreResults(const std::vector<RuleResult>& results, const RuleSet& rules) {
  ScoreSummary s;
  std::vector<std::string> order;
  std::map<std::string, std::vector<const RuleResult*>> by_pack;
  for (const auto& r : results) {
    if (!by_pack.count(r.pack)) order.push_back(r.pack);
    by_pack[r.pack].push_back(&r);
    s.counts.Add(r.verdict);
  }
  Acc total, total_unwaived;
  for (const auto& id : order) {
    const Pack* pack = nullptr;
    for (const auto& p : rules.packs)
      if (p->id == id) pack = p.get();
    PackScore ps;
    ps.pack = id;
    ps.title = pack ? pack->title : id;
    ps.model = pack ? pack->scoring_model : "default";
    for (const RuleResult* r : by_pack[id]) ps.counts.Add(r->verdict);
    ps.score = PackValue(by_pack[id], pack, false, &ps.categories);
    ps.score_unwaived = PackValue(by_pack[id], pack, true, nullptr);
    if (ps.score) total.Add(*ps.score / 100.0, 1.0);
    if (ps.score_unwaived) total_unwaived.Add(*ps.score_unwaived / 100.0, 1.0);
    s.packs.push_back(std::move(ps));
  }
  s.total = total.Value();
  s.total_unwaived = total_unwaived.Value();
  return s;
}

}  // namespace fazhi
