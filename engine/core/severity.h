// The rule severities (`severity:` in a rule, `--fail-on`), lowest first, and the Chinese name an auditor reads —
// one table for the loader's schema check, the gate, the CLI and the renderers. Rules and results hold the enum;
// names are parsed at the edge (loader, CLI) and printed through this table.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

enum class Severity { kInfo, kLow, kMedium, kHigh, kCritical };

// "info", "low", "medium", "high", "critical" (indexed by Severity).
const std::vector<std::string>& SeverityNames();
const char* SeverityName(Severity s);
// The severity of a name; nullopt when it is not one.
std::optional<Severity> ParseSeverity(std::string_view name);
// The rank of a severity (info 0 … critical 4); of a name, -1 when it is not one.
inline int SeverityRank(Severity s) { return static_cast<int>(s); }
int SeverityRank(std::string_view severity);
// 提示 / 低 / 中 / 高 / 严重; 未定级 for a name that is not a severity.
const char* SeverityLabelZh(Severity s);
const char* SeverityLabelZh(std::string_view severity);
// The severity a rule author typed, English or Chinese ("medium" or 中; 严重 = critical, 提示 = info), as its
// English name; "" when it is neither.
std::string SeverityNameOf(std::string_view typed);
// "info, low, medium, high, critical" for messages that list them.
std::string SeverityList();

}  // namespace fazhi
