// Settled results (evaluate/settled.h): what EvaluateRules gives a rule it does not need to evaluate.
#include "evaluate/settled.h"

#include "rules/rule_set.h"

namespace fazhi {

namespace {

bool HasOwnApplicability(const Rule& r) {
  return r.applies.year_from || r.applies.year_to || !r.applies.levels.empty();
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
  for (const RuleResult& s : settled_[p]) {
    RuleResult& r = out.emplace_back();
    r.rule = s.rule;
    r.verdict = s.verdict;
    r.unwaived = s.unwaived;
    r.weight = s.weight;
    r.message = s.message;
  }
}

SettledRuns::SettledRuns(const RuleSet& rules) {
  std::uint32_t index = 0;
  for (const auto& pack : rules.packs()) {
    first_.push_back(index);
    std::vector<RuleResult> results;
    results.reserve(pack->rules.size());
    for (const auto& rule : pack->rules) {
      // What EvaluateRule gives when the pack and the rule apply and none of the rule's anchor terms occurs. A rule
      // with no anchors (its checks find things without terms) or with applicability of its own is listed in
      // `always_`: the evaluator runs the first and works out the second's applicability for each document.
      if (HasOwnApplicability(*rule) || (rule->not_checkable.empty() && !rule->anchored)) always_.push_back(index);
      if (!rule->not_checkable.empty())
        results.push_back(BlankResult(*rule, Verdict::kNotCheckable, SharedText::Borrow(rule->not_checkable)));
      else
        results.push_back(BlankResult(*rule, Verdict::kFail, SharedText::Borrow(rule->nothing_found)));
      ++index;
    }
    settled_.push_back(std::move(results));
  }
  first_.push_back(index);
}

}  // namespace fazhi
