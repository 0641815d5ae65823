// Shared runs of results (evaluate/settled.h): what EvaluateRules gives a rule it does not need to evaluate.
#include "evaluate/settled.h"

#include "rules/rule_set.h"
#include "score/scorer.h"

namespace fazhi {

namespace {

// A handful of messages per pack in practice (the report's year or level goes into them); past this many the
// runs are still built, just not kept.
constexpr std::size_t kMaxUniformRuns = 256;

bool HasOwnApplicability(const Rule& r) {
  return r.applies.year_from || r.applies.year_to || !r.applies.levels.empty();
}

std::shared_ptr<const RuleResults::Run> Scored(const Pack& pack, std::vector<RuleResult> results) {
  auto run = std::make_shared<RuleResults::Run>();
  run->results = std::move(results);
  ScoreRun(*run, pack);
  return run;
}

}  // namespace

RuleResult BlankResult(const Pack& pack, const Rule& rule, Verdict verdict, const SharedText& message) {
  RuleResult r;
  r.rule = rule.id;
  r.pack = pack.id;
  r.title = rule.title;
  r.category = rule.category;
  r.severity = rule.severity;
  r.weight = rule.weight;
  r.cite = rule.cite;
  r.remedy = rule.remedy;
  r.remedy_work = rule.remedy_work;
  r.remedy_report = rule.remedy_report;
  r.owner = rule.owner;
  r.verdict = r.unwaived = verdict;
  r.message = message;
  return r;
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
        results.push_back(BlankResult(*pack, *rule, Verdict::kNotCheckable, rule->not_checkable));
      else
        results.push_back(BlankResult(*pack, *rule, Verdict::kFail, rule->nothing_found));
      ++index;
    }
    settled_.push_back(Scored(*pack, std::move(results)));
  }
  first_.push_back(index);
}

std::shared_ptr<const RuleResults::Run> SettledRuns::Uniform(const RuleSet& rules, std::size_t p, Verdict v,
                                                             const std::string& message, bool keep) const {
  auto key = std::make_tuple(p, static_cast<int>(v), message);
  if (keep) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = uniform_.find(key);
    if (it != uniform_.end()) return it->second;
  }
  const Pack& pack = *rules.packs()[p];
  SharedText text(message);
  std::vector<RuleResult> results;
  results.reserve(pack.rules.size());
  for (const auto& rule : pack.rules) results.push_back(BlankResult(pack, *rule, v, text));
  auto run = Scored(pack, std::move(results));
  if (!keep) return run;
  std::lock_guard<std::mutex> lock(mu_);
  if (uniform_.size() < kMaxUniformRuns) uniform_.emplace(std::move(key), run);
  return run;
}

}  // namespace fazhi
