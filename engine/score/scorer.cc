// Scoring models (docs/scoring.md): `default` = XCCDF-style hierarchical weighted (rules → categories → pack),
// `flat` = one weighted mean over the pack's rules. The total is the mean of the pack scores.
#include "score/scorer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>

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

}  // namespace

namespace {

// The texts a pack score names its pack by (PackScore::pack, title, model) and, for a compiled set's pack, where
// each rule's category stands among the pack's categories in first-seen order (the order and the places depend on
// the rules only, not on their verdicts: every result is counted), so a report looks no category up.
struct PackTexts {
  SharedText id, title, model;
  std::vector<const SharedText*> categories;  // the first rule's text of each category, in first-seen order
  std::vector<std::uint32_t> category_of;     // per rule of the pack: its index in `categories`
  // For a compiled set's pack (TextsOfSet): the category names borrowed from the rules (the set outlives its
  // reports, like RuleResult::rule) and their weights, and whether its sums are exact (KeptSums).
  std::vector<SharedText> category_texts;
  std::vector<double> category_weights;
  bool exact = false;
  std::vector<const RuleInfo*> rules;  // the pack's rules, in order: what its results must point at
};

PackTexts TextsOf(const std::string& id, const Pack* pack) {
  return {id, pack ? SharedText(pack->title) : SharedText(id), pack ? pack->scoring_model : "default", {}, {}, {}, {},
          false, {}};
}

// A verdict's count per category in an array (Verdict's order), turned into VerdictCounts once per category.
using Counts = std::array<int, static_cast<std::size_t>(Verdict::kError) + 1>;
VerdictCounts CountsOf(const Counts& n) {
  static_assert(static_cast<int>(Verdict::kPass) == 0 && static_cast<int>(Verdict::kPartial) == 1 &&
                static_cast<int>(Verdict::kFail) == 2 && static_cast<int>(Verdict::kNotApplicable) == 3 &&
                static_cast<int>(Verdict::kNotCheckable) == 4 && static_cast<int>(Verdict::kWaived) == 5 &&
                static_cast<int>(Verdict::kError) == 6);
  VerdictCounts c;
  c.pass = n[0], c.partial = n[1], c.fail = n[2], c.not_applicable = n[3], c.not_checkable = n[4];
  c.waived = n[5], c.error = n[6];
  return c;
}

// `texts.category_of`, when filled, has one entry per result of `rs` (a compiled set's pack, all its rules).
PackScore ScorePackAs(const PackTexts& texts, const std::vector<const RuleResult*>& rs, const Pack* pack) {
  PackScore ps;
  ps.pack = texts.id;
  ps.title = texts.title;
  ps.model = texts.model;
  const double partial = pack ? pack->partial_credit : 0.5;
  // Credit(v, partial) by verdict, looked up instead of switched on twice per result (the same values).
  std::array<std::optional<double>, static_cast<std::size_t>(Verdict::kError) + 1> credit;
  for (std::size_t v = 0; v < credit.size(); ++v) credit[v] = Credit(static_cast<Verdict>(v), partial);
  // One pass for the score with waivers and the one without: each sum still adds its results in rule order.
  // Categories in first-seen order; a pack has a handful, so a linear search beats a map (this runs per report
  // for every rule: docs/performance.md).
  struct Cat {
    const std::string* name;
    const SharedText* text;  // the name as the rule holds it: copied into the score without copying bytes
    Acc acc, acc_unwaived;
    Counts counts{};
  };
  std::vector<Cat> order;
  const bool placed = !texts.category_of.empty();
  if (placed) {
    order.reserve(texts.categories.size());
    for (const SharedText* t : texts.categories) order.push_back(Cat{&t->str(), t, {}, {}, {}});
  }
  Acc flat, flat_unwaived;
  Cat* last = nullptr;  // reset after every emplace_back, so never dangling
  for (std::size_t k = 0; k < rs.size(); ++k) {
    const RuleResult* r = rs[k];
    Cat* cat = nullptr;
    if (placed) {
      cat = &order[texts.category_of[k]];
    } else {
      const SharedText& text = r->rule->category;
      const std::string& name = text.str();
      // Categories are interned at load (RuleSet), so the same name is the same object: look for it by address
      // first, by text only when that fails (names hand-built apart; `order` holds each text once).
      cat = last && last->name == &name ? last : nullptr;
      for (std::size_t i = 0; !cat && i < order.size(); ++i)
        if (order[i].name == &name) cat = &order[i];
      for (std::size_t i = 0; !cat && i < order.size(); ++i)
        if (*order[i].name == name) cat = &order[i];
      if (!cat) cat = &order.emplace_back(Cat{&name, &text, {}, {}, {}});
      last = cat;
    }
    ++cat->counts[static_cast<std::size_t>(r->verdict)];
    if (const auto& c = credit[static_cast<std::size_t>(r->verdict)]) {
      cat->acc.Add(*c, r->weight);
      flat.Add(*c, r->weight);
    }
    if (const auto& c = credit[static_cast<std::size_t>(r->unwaived)]) {
      cat->acc_unwaived.Add(*c, r->weight);
      flat_unwaived.Add(*c, r->weight);
    }
  }
  ps.categories.reserve(order.size());
  for (const auto& c : order) {
    const VerdictCounts counts = CountsOf(c.counts);
    ps.categories.push_back({*c.text, c.acc.Value(), counts});
    ps.counts += counts;
  }
  if (ps.model == "flat") {
    ps.score = flat.Value();
    ps.score_unwaived = flat_unwaived.Value();
    return ps;
  }
  Acc total, total_unwaived;
  for (const auto& cat : order) {
    const double w = CategoryWeight(pack, *cat.name);
    if (auto v = cat.acc.Value()) total.Add(*v / 100.0, w);
    if (auto v = cat.acc_unwaived.Value()) total_unwaived.Add(*v / 100.0, w);
  }
  ps.score = total.Value();
  ps.score_unwaived = total_unwaived.Value();
  return ps;
}

}  // namespace

namespace {

// Whether `x` is k/1024 for an integer 0 ≤ k < 2^26 (x < 65,536). With every weight and the partial credit such a
// number (partial credit ≤ 1) and fewer than 65,536 rules in a pack, every product credit × weight is a whole number
// of 2^-20 below 2^36 of them and every sum of them stays below 2^52: a double holds each exactly, so sums come out
// the same whatever order their terms are added or taken away in. The shipped weights (1, 1.5, 2…) and partial
// credits (0.5) are such numbers.
bool Dyadic(double x) {
  const double k = x * 1024;
  return x >= 0 && k < 0x1p26 && k == static_cast<double>(static_cast<std::int64_t>(k));
}

// A compiled set's pack as the last report this thread scored of it left it: each rule's verdict, unwaived verdict
// and weight, and the sums and counts they make per category and for the pack. A report's pack score takes away
// and adds only the results that differ from the last report's (most rules of most packs have the same settled
// result in every report: with bench/run's 16× packs 3,056 results a report, a few dozen of them differ), instead
// of adding every result again. Only for packs whose sums are exact (Dyadic): the same sums as ScorePackAs's.
struct KeptSums {
  struct Key {
    const RuleInfo* rule;
    Verdict verdict, unwaived;
    double weight;
    bool operator==(const Key&) const = default;
  };
  struct Cat {
    Acc acc, acc_unwaived;
    Counts counts{};
  };
  std::vector<Key> last;  // per rule; empty: nothing counted yet
  std::vector<Cat> cats;  // per category of the pack's PackTexts
  Acc flat, flat_unwaived;
};

void Take(Acc& a, double credit, double w) {
  a.num -= credit * w;
  a.den -= w;
}

// ScorePackAs for the `n` results at `rs`, from `kept`; nullopt when a result's weight is not Dyadic (the caller
// scores the pack the general way and `kept` starts again from nothing) or a result is not of the pack's rule in its
// place (then `foreign`: the results are not the set's, in its order). A result that is the same as the kept one
// is of the rule checked when it was kept: one pass over the results checks them and finds what changed.
std::optional<PackScore> ScoreKept(const PackTexts& texts, KeptSums& kept, const RuleResult* rs, std::size_t n,
                                   const Pack& pack, bool& foreign) {
  std::array<std::optional<double>, static_cast<std::size_t>(Verdict::kError) + 1> credit;
  for (std::size_t v = 0; v < credit.size(); ++v) credit[v] = Credit(static_cast<Verdict>(v), pack.partial_credit);
  auto add = [&](KeptSums::Cat& cat, const KeptSums::Key& k, bool take) {
    const auto count = static_cast<std::size_t>(k.verdict);
    cat.counts[count] += take ? -1 : 1;
    if (const auto& c = credit[count]) {
      if (take) Take(cat.acc, *c, k.weight), Take(kept.flat, *c, k.weight);
      else cat.acc.Add(*c, k.weight), kept.flat.Add(*c, k.weight);
    }
    if (const auto& c = credit[static_cast<std::size_t>(k.unwaived)]) {
      if (take) Take(cat.acc_unwaived, *c, k.weight), Take(kept.flat_unwaived, *c, k.weight);
      else cat.acc_unwaived.Add(*c, k.weight), kept.flat_unwaived.Add(*c, k.weight);
    }
  };
  const bool fresh = kept.last.size() != n;
  if (fresh) {
    kept.last.assign(n, KeptSums::Key{});
    kept.cats.assign(texts.categories.size(), KeptSums::Cat{});
    kept.flat = kept.flat_unwaived = Acc{};
  }
  for (std::size_t k = 0; k < n; ++k) {
    const KeptSums::Key now{rs[k].rule, rs[k].verdict, rs[k].unwaived, rs[k].weight};
    KeptSums::Key& was = kept.last[k];
    if (!fresh && now == was) continue;
    foreign = now.rule != texts.rules[k];
    if (foreign || !Dyadic(now.weight)) {
      kept.last.clear();
      return std::nullopt;
    }
    KeptSums::Cat& cat = kept.cats[texts.category_of[k]];
    if (!fresh) add(cat, was, true);
    add(cat, now, false);
    was = now;
  }
  PackScore ps;
  ps.pack = texts.id;
  ps.title = texts.title;
  ps.model = texts.model;
  ps.categories.reserve(kept.cats.size());
  for (std::size_t i = 0; i < kept.cats.size(); ++i) {
    const VerdictCounts counts = CountsOf(kept.cats[i].counts);
    ps.categories.push_back({texts.category_texts[i], kept.cats[i].acc.Value(), counts});
    ps.counts += counts;
  }
  if (ps.model == "flat") {
    ps.score = kept.flat.Value();
    ps.score_unwaived = kept.flat_unwaived.Value();
    return ps;
  }
  Acc total, total_unwaived;  // over the categories, in order, as ScorePackAs
  for (std::size_t i = 0; i < kept.cats.size(); ++i) {
    const double w = texts.category_weights[i];
    if (auto v = kept.cats[i].acc.Value()) total.Add(*v / 100.0, w);
    if (auto v = kept.cats[i].acc_unwaived.Value()) total_unwaived.Add(*v / 100.0, w);
  }
  ps.score = total.Value();
  ps.score_unwaived = total_unwaived.Value();
  return ps;
}

}  // namespace

PackScore ScorePack(const std::string& id, const std::vector<const RuleResult*>& rs, const Pack* pack) {
  return ScorePackAs(TextsOf(id, pack), rs, pack);
}

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

void AddPack(ScoreSummary& s, PackScore ps, Acc& total, Acc& total_unwaived) {
  if (ps.score) total.Add(*ps.score / 100.0, 1.0);
  if (ps.score_unwaived) total_unwaived.Add(*ps.score_unwaived / 100.0, 1.0);
  s.counts += ps.counts;
  s.packs.push_back(std::move(ps));
}

// What scoring keeps of the last compiled rule set this thread scored a report of: whether every rule names its own
// pack (`Rule::pack` = the pack's id, ids distinct) and each pack's texts, built once, so a report's pack scores
// copy three pointers instead of building three strings per pack (240 allocations a report with 16× the packs).
// The set is told by its shared results (RuleSet::settled, made by the compile step, after which the set never
// changes): the weak pointer keeps the control block, so a later set can never be taken for it.
struct SetTexts {
  std::weak_ptr<const SettledRuns> set;
  bool by_packs = false;
  std::vector<PackTexts> packs;
  // Per pack, one KeptSums for each verdict its first result can have: the last report in which the pack's first
  // result had that verdict. A pack that does not apply to a report has every result not_applicable, and reports of
  // other years or levels alternate with those it applies to (bench/run's corpus: about half the results changed
  // from one report to the next); picked this way, the sums kept are those of a report like this one.
  std::vector<std::array<KeptSums, static_cast<std::size_t>(Verdict::kError) + 1>> sums;
  std::size_t rules = 0;  // in all packs
};

SetTexts& TextsOfSet(const RuleSet& rules) {
  thread_local SetTexts kept;
  const auto& current = rules.settled();
  if (!kept.set.expired() && !kept.set.owner_before(current) && !current.owner_before(kept.set)) return kept;
  kept = SetTexts{rules.settled(), true, {}, {}, 0};
  std::vector<const std::string*> ids;
  kept.sums.resize(rules.packs().size());
  for (const auto& pack : rules.packs()) {
    // Borrowed: the set outlives the reports it scores (core/report.h), and copying a borrowed text counts nothing.
    PackTexts& texts = kept.packs.emplace_back(PackTexts{SharedText::Borrow(pack->id), SharedText::Borrow(pack->title),
                                                         SharedText::Borrow(pack->scoring_model), {}, {}, {}, {}, false,
                                                         {}});
    kept.rules += pack->rules.size();
    for (const auto& rule : pack->rules) texts.rules.push_back(rule.get());
    for (const auto& rule : pack->rules) {  // ScorePackAs's lookup, once per set: by address, then by text
      const SharedText& text = rule->category;
      std::size_t i = 0;
      while (i < texts.categories.size() && &texts.categories[i]->str() != &text.str()) ++i;
      if (i == texts.categories.size())
        for (i = 0; i < texts.categories.size() && texts.categories[i]->str() != text.str();) ++i;
      if (i == texts.categories.size()) texts.categories.push_back(&text);
      texts.category_of.push_back(static_cast<std::uint32_t>(i));
    }
    for (const SharedText* t : texts.categories) {
      texts.category_texts.push_back(SharedText::Borrow(t->str()));
      texts.category_weights.push_back(CategoryWeight(pack.get(), t->str()));
    }
    texts.exact = Dyadic(pack->partial_credit) && pack->partial_credit <= 1 && pack->rules.size() < 65536;
    for (const auto* other : ids) kept.by_packs = kept.by_packs && *other != pack->id;
    ids.push_back(&pack->id);
    for (const auto& rule : pack->rules) kept.by_packs = kept.by_packs && rule->pack == pack->id;
  }
  return kept;
}

// The set's texts, for results that may be the compiled rule set's rules in its order, as EvaluateRules gives them:
// as many as it has rules (ScoreResults checks each result's rule as it scores it). Null otherwise.
SetTexts* SetOf(const std::vector<RuleResult>& results, const RuleSet& rules) {
  if (!rules.settled()) return nullptr;  // built by hand: it may still change
  SetTexts& texts = TextsOfSet(rules);
  return texts.by_packs && texts.rules == results.size() ? &texts : nullptr;
}

}  // namespace

ScoreSummary ScoreResults(const std::vector<RuleResult>& results, const RuleSet& rules) {
  ScoreSummary s;
  Acc total, total_unwaived;
  if (SetTexts* texts = SetOf(results, rules)) {
    // The same packs, runs and order as the general path below (a pack without rules has no run: no score), as
    // long as every result is of the set's rule in its place; else the general path.
    std::vector<const RuleResult*> rs;
    std::size_t i = 0;
    bool foreign = false;
    s.packs.reserve(rules.packs().size());
    for (std::size_t p = 0; p < rules.packs().size() && !foreign; ++p) {
      const Pack& pack = *rules.packs()[p];
      const PackTexts& pack_texts = texts->packs[p];
      const std::size_t n = pack.rules.size();
      if (n == 0) continue;
      std::optional<PackScore> kept;
      if (pack_texts.exact)
        kept = ScoreKept(pack_texts, texts->sums[p][static_cast<std::size_t>(results[i].verdict)], &results[i], n, pack,
                         foreign);
      if (!kept && !foreign) {
        rs.clear();
        for (std::size_t k = 0; k < n && !foreign; ++k) {
          foreign = results[i + k].rule != pack_texts.rules[k];
          rs.push_back(&results[i + k]);
        }
        if (!foreign) kept = ScorePackAs(pack_texts, rs, &pack);
      }
      if (foreign) break;
      i += n;
      AddPack(s, std::move(*kept), total, total_unwaived);
    }
    if (!foreign) {
      s.total = total.Value();
      s.total_unwaived = total_unwaived.Value();
      return s;
    }
    s = ScoreSummary{};
    total = total_unwaived = Acc{};
  }
  // Packs in first-seen order (results come grouped by pack, so the current one is almost always the match).
  std::vector<std::pair<const std::string*, std::vector<const RuleResult*>>> by_pack;
  for (std::size_t i = 0, j; i < results.size(); i = j) {
    const std::string& pack = results[i].rule->pack;
    for (j = i + 1; j < results.size() && results[j].rule->pack == pack;) ++j;  // the pack's run of results
    auto it = std::find_if(by_pack.begin(), by_pack.end(), [&](const auto& e) { return *e.first == pack; });
    if (it == by_pack.end()) it = by_pack.emplace(by_pack.end(), &pack, std::vector<const RuleResult*>{});
    it->second.reserve(it->second.size() + (j - i));
    for (std::size_t k = i; k < j; ++k) it->second.push_back(&results[k]);
  }
  std::size_t hint = 0;
  for (const auto& [id, rs] : by_pack)
    AddPack(s, ScorePack(*id, rs, FindPack(rules, *id, hint)), total, total_unwaived);
  s.total = total.Value();
  s.total_unwaived = total_unwaived.Value();
  return s;
}

}  // namespace fazhi
