// Scoring models (docs/scoring.md): `default` = XCCDF-style hierarchical weighted (rules → categories → pack),
// `flat` = one weighted mean over the pack's rules. The total is the mean of the pack scores.
#include "score/scorer.h"

#include <algorithm>

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

double CategoryWeight(const Pack* pack, const std::string& name) {
  if (!pack) return 1.0;
  auto it = pack->category_weights.find(name);
  return it != pack->category_weights.end() ? it->second : 1.0;
}

// One pack's score; `use_unwaived` scores as if no waiver existed.
std::optional<double> PackValue(const std::vector<const RuleResult*>& rs, const Pack* pack, bool use_unwaived,
                                std::vector<CategoryScore>* cats) {
  double partial = pack ? pack->partial_credit : 0.5;
  std::string model = pack ? pack->scoring_model : "default";
  // Categories in first-seen order; a pack has a handful, so a linear search beats a map (this runs per report
  // for every rule: docs/performance.md).
  struct Cat {
    const std::string* name;
    Acc acc;
    VerdictCounts counts;
  };
  std::vector<Cat> order;
  Acc flat;
  Cat* last = nullptr;  // reset after every emplace_back, so never dangling
  for (const RuleResult* r : rs) {
    Verdict v = use_unwaived ? r->unwaived : r->verdict;
    const std::string& name = r->rule->category.str();
    // Categories are interned at load (RuleSet), so the same name is usually the same object.
    Cat* cat = last && (last->name == &name || *last->name == name) ? last : nullptr;
    if (!cat) {
      for (auto& c : order)
        if (c.name == &name || *c.name == name) cat = &c;
      if (!cat) cat = &order.emplace_back(Cat{&name, {}, {}});
    }
    last = cat;
    cat->counts.Add(v);
    auto c = Credit(v, partial);
    if (!c) continue;
    cat->acc.Add(*c, r->weight);
    flat.Add(*c, r->weight);
  }
  if (cats) {
    for (const auto& c : order) cats->push_back({*c.name, c.acc.Value(), c.counts});
  }
  if (model == "flat") return flat.Value();
  Acc total;
  for (const auto& cat : order) {
    auto v = cat.acc.Value();
    if (!v) continue;
    total.Add(*v / 100.0, CategoryWeight(pack, *cat.name));
  }
  return total.Value();
}

}  // namespace

namespace {

// The pack `id` of the rule set (null when none has it; ids are unique: the loader merges a pack of the same id);
// `hint` is where the last one was found (results come grouped by pack, in the rule set's order).
const Pack* FindPack(const RuleSet& rules, const std::string& id, std::size_t& hint) {
  const auto& packs = rules.packs();
  if (hint < packs.size() && packs[hint]->id == id) return packs[hint].get();
  const Pack* pack = nullptr;
  for (std::size_t i = 0; i < packs.size(); ++i)
    if (packs[i]->id == id) pack = packs[i].get(), hint = i;
  return pack;
}

}  // namespace

PackScore ScorePack(const std::string& id, const std::vector<const RuleResult*>& rs, const Pack* pack) {
  PackScore ps;
  ps.pack = id;
  ps.title = pack ? pack->title : id;
  ps.model = pack ? pack->scoring_model : "default";
  for (const RuleResult* r : rs) ps.counts.Add(r->verdict);
  ps.score = PackValue(rs, pack, false, &ps.categories);
  ps.score_unwaived = PackValue(rs, pack, true, nullptr);
  return ps;
}

namespace {

void AddPack(ScoreSummary& s, PackScore ps, Acc& total, Acc& total_unwaived) {
  if (ps.score) total.Add(*ps.score / 100.0, 1.0);
  if (ps.score_unwaived) total_unwaived.Add(*ps.score_unwaived / 100.0, 1.0);
  s.counts += ps.counts;
  s.packs.push_back(std::move(ps));
}

}  // namespace

ScoreSummary ScoreResults(const std::vector<RuleResult>& results, const RuleSet& rules) {
  ScoreSummary s;
  Acc total, total_unwaived;
  // Packs in first-seen order (results come grouped by pack, so the current one is almost always the match).
  std::vector<std::pair<const std::string*, std::vector<const RuleResult*>>> by_pack;
  std::size_t cur = 0;
  for (const auto& r : results) {
    const std::string& pack = r.rule->pack;
    if (by_pack.empty() || (by_pack[cur].first != &pack && *by_pack[cur].first != pack)) {
      auto it = std::find_if(by_pack.begin(), by_pack.end(), [&](const auto& e) { return *e.first == pack; });
      if (it == by_pack.end()) it = by_pack.emplace(by_pack.end(), &pack, std::vector<const RuleResult*>{});
      cur = static_cast<std::size_t>(it - by_pack.begin());
    }
    by_pack[cur].second.push_back(&r);
  }
  std::size_t hint = 0;
  for (const auto& [id, rs] : by_pack) AddPack(s, ScorePack(*id, rs, FindPack(rules, *id, hint)), total, total_unwaived);
  s.total = total.Value();
  s.total_unwaived = total_unwaived.Value();
  return s;
}

}  // namespace fazhi
