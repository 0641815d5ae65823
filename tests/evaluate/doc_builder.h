// Builds small Documents by hand (sections with roles, one paragraph per line, sentences on 。；) so check tests do
// not depend on the segmenter, plus a helper to compile a one-pack rule set from YAML text.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "rules/rule_set.h"

namespace fazhi::test {

// Each part: (role, lines). Every part becomes a level-1 section whose first line is its heading.
Document BuildDocument(const std::vector<std::pair<SectionRole, std::vector<std::string>>>& parts);

// Writes pack.yaml (with `pack_extra` appended) and rules.yaml into a temp dir and loads it. Diagnostics out.
std::unique_ptr<RuleSet> CompileRules(const std::string& rules_yaml, Diagnostics& diags,
                                      const std::string& pack_extra = "");

// The shipped rules/ folder, loaded (REQUIREs no errors).
std::unique_ptr<RuleSet> LoadShippedRules();

// The anchor terms of rule `id` (RuleSetBuilder::Finish), sorted.
std::vector<std::string> AnchorTerms(const RuleSet& set, const std::string& id);

// CHECKs two results of the same rule agree: verdicts, message, waiver, evidence quotes and offsets.
void CheckSameResult(const RuleResult& got, const RuleResult& want);

// CHECKs that EvaluateRules (anchors, settled results) gives, rule by rule, what evaluating every rule in
// full gives on `doc`. Returns the results for further checks.
std::vector<RuleResult> CheckSettledEqualsFull(const RuleSet& set, const Document& doc);

// Evaluates the rule `id` of `set` on `doc`: returns the verdict name and fills `result` when given.
std::string VerdictOf(const RuleSet& set, const Document& doc, const std::string& id, RuleResult* result = nullptr);

}  // namespace fazhi::test
