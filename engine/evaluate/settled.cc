// Settled results (evaluate/settled.h): what EvaluateRules gives a rule it does not need to evaluate.
#include "evaluate/settled.h"

#include "rules/rule_set.h"

namespace fazhi {

namespace {

bool HasOwnApplicability(const Rule& r) {
  return r.applies.year_from || r.applies.year_to || !r.applies.levels.empty();
}

// What a not_applicable verdict and message depend on besides the document (evaluator.cc, CheckApplicability).
struct Case {
  bool pack, levels, also_when;
  std::optional<int> year_from, year_to;
  bool warn_after;
  std::vector<IssuerLevel> issuer_levels;
  bool operator==(const Case&) const = default;
};

std::uint32_t CaseOf(std::vector<Case>& cases, const Applicability& a, bool pack, bool levels) {
  const Case c{pack, levels, a.also_when != nullptr, a.year_from, a.year_to, a.warn_after.has_value(), a.levels};
  for (std::uint32_t i = 0; i < cases.size(); ++i)
    if (cases[i] == c) return i;
  cases.push_back(c);
  return static_cast<std::uint32_t>(cases.size() - 1);
}

}  // namespace

RuleResult BlankResult(const Rule& rule, Verdict verdict, const SharedText& message) {
  RuleResult r;
  r.rule = &rule;
  r.weight = rule.weight;
  r.verdict = r.unwaived = verdict;
  r.message = message;
  return r;
}

void SettledRuns::AppendSettled(std::size_t p, std::vector<RuleResult>& out) const {
  for (std::uint32_t i = first_[p]; i < first_[p + 1]; ++i) {
    const Entry& s = entries_[i];
    RuleResult& r = out.emplace_back();
    r.rule = s.rule;
    r.verdict = r.unwaived = s.verdict;
    r.weight = s.weight;
    r.message = s.message;
  }
}

void SettledRuns::AppendUniform(std::size_t p, Verdict v, const SharedText& message,
                                std::vector<RuleResult>& out) const {
  for (std::uint32_t i = first_[p]; i < first_[p + 1]; ++i) {
    RuleResult& r = out.emplace_back();
    r.rule = entries_[i].rule;
    r.weight = entries_[i].weight;
    r.verdict = r.unwaived = v;
    r.message = message;
  }
}

SettledRuns::SettledRuns(const RuleSet& rules) {
  std::uint32_t index = 0;
  std::vector<Case> cases;
  for (const auto& pack : rules.packs()) {
    first_.push_back(index);
    pack_cases_.push_back(CaseOf(cases, pack->applies, true, true));
    pack_cases_.push_back(CaseOf(cases, pack->applies, true, false));
    for (const auto& rule : pack->rules) {
      rule_cases_.push_back(CaseOf(cases, rule->applies, false, true));
      flags_.push_back(static_cast<std::uint8_t>((rule->anchored ? kAnchored : 0) |
                                                 (rule->not_checkable.empty() ? 0 : kNotCheckable)));
      // What EvaluateRule gives when the pack and the rule apply and none of the rule's anchor terms occurs. A rule
      // with no anchors (its checks find things without terms) or with applicability of its own is listed in
      // `always_`: the evaluator runs the first and works out the second's applicability for each document.
      if (HasOwnApplicability(*rule) || (rule->not_checkable.empty() && !rule->anchored)) always_.push_back(index);
      if (!rule->not_checkable.empty())
        entries_.push_back({rule.get(), Verdict::kNotCheckable, rule->weight, SharedText::Borrow(rule->not_checkable)});
      else
        entries_.push_back({rule.get(), Verdict::kFail, rule->weight, SharedText::Borrow(rule->nothing_found)});
      ++index;
    }
  }
  first_.push_back(index);
  cases_ = static_cast<std::uint32_t>(cases.size());
  for (const Case& c : cases) case_also_when_.push_back(c.also_when);
}

}  // namespace fazhi
