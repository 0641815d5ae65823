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
    const std::string& name = r->category.str();
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

// What rescoring a shared run needs (core/report.h RuleResults::Run): each result's category (an index into the
// run's PackScore categories), each category's results, and each category's sums as the run was built (a built
// run has no waivers, so they serve both the waived and the unwaived score).
struct RunScoring {
  bool flat = false;
  double partial = 0.5;
  std::vector<std::uint32_t> category_of;
  std::vector<std::vector<std::uint32_t>> members;
  std::vector<Acc> sums;
  std::vector<double> weights;
};

namespace {

const Pack* FindPack(const RuleSet& rules, const std::string& id) {
  const Pack* pack = nullptr;
  for (const auto& p : rules.packs())
    if (p->id == id) pack = p.get();
  return pack;
}

// The pack score of a segment's results summed again, one by one (as for results that are not shared).
PackScore ScoreWhole(const RuleResults& results, const RuleResults::Segment& seg, const RuleSet& rules) {
  std::vector<const RuleResult*> rs;
  for (std::size_t i = 0; i < seg.run->results.size(); ++i) rs.push_back(&results[seg.first + i]);
  const std::string& id = rs.front()->pack;
  return ScorePack(id, rs, FindPack(rules, id));
}

// Pack score of a run some of whose results this report replaced (`changed`: result indexes in the run): the
// categories holding a changed result are summed again over their results, in order, exactly as PackValue sums
// them; the others keep the sums the run was built with. A flat-model pack is summed again whole.
PackScore Rescore(const RuleResults& results, const RuleResults::Segment& seg,
                  const std::vector<std::size_t>& changed, const RuleSet& rules) {
  const RunScoring& sc = *seg.run->scoring;
  const std::size_t n = seg.run->results.size();
  if (sc.flat || sc.category_of.size() != n || sc.members.size() != seg.run->score->categories.size()) {
    return ScoreWhole(results, seg, rules);
  }
  // A replaced result keeps its rule's pack and category (core/report.h); if one did not, sum the pack again whole.
  for (std::size_t k : changed) {
    const RuleResult& now = results[seg.first + k];
    const RuleResult& built = seg.run->results[k];
    if (!(now.category == built.category) || now.pack != built.pack) {
      return ScoreWhole(results, seg, rules);
    }
  }
  PackScore ps = *seg.run->score;
  std::vector<char> dirty(sc.members.size(), 0);
  for (std::size_t k : changed) dirty[sc.category_of[k]] = 1;
  ps.counts = {};
  Acc total, total_unwaived;
  for (std::size_t c = 0; c < sc.members.size(); ++c) {
    Acc waived = sc.sums[c], unwaived = sc.sums[c];
    if (dirty[c]) {
      waived = unwaived = {};
      VerdictCounts counts;
      for (std::uint32_t k : sc.members[c]) {
        const RuleResult& r = results[seg.first + k];
        counts.Add(r.verdict);
        if (auto credit = Credit(r.verdict, sc.partial)) waived.Add(*credit, r.weight);
        if (auto credit = Credit(r.unwaived, sc.partial)) unwaived.Add(*credit, r.weight);
      }
      ps.categories[c].counts = counts;
      ps.categories[c].score = waived.Value();
    }
    ps.counts += ps.categories[c].counts;
    if (auto v = waived.Value()) total.Add(*v / 100.0, sc.weights[c]);
    if (auto v = unwaived.Value()) total_unwaived.Add(*v / 100.0, sc.weights[c]);
  }
  ps.score = total.Value();
  ps.score_unwaived = total_unwaived.Value();
  return ps;
}

}  // namespace

void ScoreRun(RuleResults::Run& run, const Pack& pack) {
  if (run.results.empty()) return;
  std::vector<const RuleResult*> rs;
  rs.reserve(run.results.size());
  for (const auto& r : run.results) rs.push_back(&r);
  run.score = ScorePack(pack.id, rs, &pack);
  auto sc = std::make_shared<RunScoring>();
  sc->flat = pack.scoring_model == "flat";
  sc->partial = pack.partial_credit;
  const auto& cats = run.score->categories;
  sc->members.resize(cats.size());
  sc->sums.resize(cats.size());
  for (const auto& c : cats) sc->weights.push_back(CategoryWeight(&pack, c.name));
  for (std::uint32_t k = 0; k < run.results.size(); ++k) {
    const RuleResult& r = run.results[k];
    auto it = std::find_if(cats.begin(), cats.end(), [&](const CategoryScore& c) { return c.name == r.category.str(); });
    std::uint32_t c = static_cast<std::uint32_t>(it - cats.begin());
    if (it == cats.end()) return;  // cannot happen (every result's category is listed); rescoring then sums all
    sc->category_of.push_back(c);
    sc->members[c].push_back(k);
    if (auto credit = Credit(r.verdict, sc->partial)) sc->sums[c].Add(*credit, r.weight);
  }
  run.scoring = std::move(sc);
}

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

// Whether the results are exactly their shared runs (one pack each, evaluate/evaluator.cc), end to end.
bool AllInRuns(const RuleResults& results) {
  std::size_t next = 0;
  for (const auto& seg : results.segments()) {
    if (seg.first != next) return false;
    next += seg.run->results.size();
  }
  return next == results.size() && next > 0;
}

}  // namespace

ScoreSummary ScoreResults(const RuleResults& results, const RuleSet& rules) {
  ScoreSummary s;
  Acc total, total_unwaived;
  if (AllInRuns(results)) {
    // A report evaluated against a rule set: a pack none of whose results changed takes the score its shared run
    // was built with, so the work here follows the rules evaluated, not the rules loaded.
    std::vector<std::size_t> own = results.OwnSlots(), changed;
    auto next = own.begin();
    for (const auto& seg : results.segments()) {
      const std::size_t end = seg.first + seg.run->results.size();
      changed.clear();
      for (; next != own.end() && *next < end; ++next) changed.push_back(*next - seg.first);
      if (!seg.run->score || (!changed.empty() && !seg.run->scoring)) {
        AddPack(s, ScoreWhole(results, seg, rules), total, total_unwaived);
      } else if (changed.empty()) {
        AddPack(s, *seg.run->score, total, total_unwaived);
      } else {
        AddPack(s, Rescore(results, seg, changed, rules), total, total_unwaived);
      }
    }
  } else {
    // Packs in first-seen order (results come grouped by pack, so the current one is almost always the match).
    std::vector<std::pair<const std::string*, std::vector<const RuleResult*>>> by_pack;
    std::size_t cur = 0;
    for (const auto& r : results) {
      if (by_pack.empty() || *by_pack[cur].first != r.pack) {
        auto it = std::find_if(by_pack.begin(), by_pack.end(), [&](const auto& e) { return *e.first == r.pack; });
        if (it == by_pack.end()) it = by_pack.emplace(by_pack.end(), &r.pack, std::vector<const RuleResult*>{});
        cur = static_cast<std::size_t>(it - by_pack.begin());
      }
      by_pack[cur].second.push_back(&r);
    }
    for (const auto& [id, rs] : by_pack) AddPack(s, ScorePack(*id, rs, FindPack(rules, *id)), total, total_unwaived);
  }
  s.total = total.Value();
  s.total_unwaived = total_unwaived.Value();
  return s;
}

}  // namespace fazhi
