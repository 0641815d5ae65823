// Evaluation: applicability, then each rule's graded condition → a verdict with quoted evidence.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "core/report.h"
#include "rules/rule_set.h"

namespace fazhi {

// Every rule's result, in pack/rule order: the rules the document's terms concern (and those evaluated always) are
// evaluated, every other result is copied from the rule set's settled results (evaluate/settled.h).
// `near_misses` > 0: every fail and partial evaluated gets at most that many near misses (evaluate/near_misses.h).
std::vector<RuleResult> EvaluateRules(const Document& doc, const Hits& hits, const RuleSet& rules, Diagnostics& diags,
                                      std::size_t near_misses = 0);
// One rule in full (rules explain, rules test, tests); `trail`, when given, receives the raw outcome of the pass
// condition. EvaluateRules gives the same result without running the checks of a rule none of whose anchor terms
// occurs (settled results: evaluate/settled.h; tests/evaluate/settled_test.cc).
RuleResult EvaluateRule(const Document& doc, const EvalContext& ctx, const Pack& pack, const Rule& rule,
                        Outcome* trail, std::size_t near_misses = 0);

// Every rule not_checkable with `reason` (a document without a text layer).
std::vector<RuleResult> NotCheckableResults(const RuleSet& rules, const std::string& reason);

DocumentInfo DescribeDocument(const Document& doc);
std::vector<RulesetInfo> DescribeRuleSet(const RuleSet& rules);

// Turns a span into an Evidence (quote trimmed to a readable length, section path, line, page).
// `index` (when given) supplies the section path built once per document.
Evidence MakeEvidence(const Document& doc, const EvidenceRef& ref, const TermMatcher& m, EvalIndex* index = nullptr);

}  // namespace fazhi
