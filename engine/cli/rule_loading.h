// Loading the rule set for a command: shipped folder first, then --rules folders; diagnostics to the log.
#pragma once

#include <memory>

#include "cli/command.h"
#include "rules/rule_set.h"

namespace fazhi {

// Returns nullptr (after logging why) when the rules cannot be used: a missing folder or errors in rule files.
std::shared_ptr<const RuleSet> LoadRulesForCommand(const RulesOptions& opts, Diagnostics& diags);
// The folders a command loads: the shipped one (unless --no-shipped-rules), then every --rules folder.
std::vector<std::string> ResolveRuleDirs(const RulesOptions& opts);
void LogDiagnostics(const Diagnostics& diags);

}  // namespace fazhi
