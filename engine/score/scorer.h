// Scoring: pass = 1, partial = pack setting (default 0.5), fail = 0; n/a, waived and not_checkable leave the
// denominator (not_checkable is counted and shown). Formulas in docs/scoring.md.
#pragma once

#include <vector>

#include "core/report.h"
#include "rules/rule_set.h"

namespace fazhi {

ScoreSummary ScoreResults(const std::vector<RuleResult>& results, const RuleSet& rules);

// One pack's score from its results (in rule order); `pack` may be null (results of a pack no longer loaded).
PackScore ScorePack(const std::string& id, const std::vector<const RuleResult*>& results, const Pack* pack);

}  // namespace fazhi
