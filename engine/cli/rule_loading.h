// Loading the rule set for a command: shipped folder first, then --rules folders; diagnostics to the log.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli/command.h"
#include "rules/rule_set.h"
#include "score/profile.h"

namespace fazhi {

// Returns nullptr (after logging why) when the rules cannot be used: a missing folder or errors in rule files.
std::shared_ptr<const RuleSet> LoadRulesForCommand(const RulesOptions& opts, Diagnostics& diags);
// The folders a command loads: the shipped one (unless --no-shipped-rules), then every --rules folder.
std::vector<std::string> ResolveRuleDirs(const RulesOptions& opts);
// One diagnostic to the log at its own level, which the log's prefix names ("fazhi: 警告：file:6:27: [W-…] …"), so
// the line says the level once.
void LogDiagnostic(const Diagnostic& d);
void LogDiagnostics(const Diagnostics& diags);
// The audit profile of a command (docs/scoring.md): `flag` is --profile FILE, `none`, or "" for the shipped rules'
// profile.yaml when it exists. An explicit profile whose packs or same_as rules are not loaded is refused, unless
// --pack chose fewer packs (then a warning). False after logging the reason.
bool LoadCommandProfile(const RulesOptions& rules_opts, const std::string& flag, const RuleSet& rules,
                        std::optional<Profile>& out);

}  // namespace fazhi
