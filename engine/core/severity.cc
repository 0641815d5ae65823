// The severity table (core/severity.h).
#include "core/severity.h"

#include <array>

namespace fazhi {

namespace {

struct SeverityEntry {
  const char* name;
  const char* label_zh;
};
// Indexed by Severity, lowest first.
constexpr std::array<SeverityEntry, 5> kSeverities = {{
    {"info", "提示"}, {"low", "低"}, {"medium", "中"}, {"high", "高"}, {"critical", "严重"},
}};

}  // namespace

const std::vector<std::string>& SeverityNames() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const auto& s : kSeverities) names.emplace_back(s.name);
    return names;
  }();
  return kNames;
}

const char* SeverityName(Severity s) { return kSeverities[static_cast<std::size_t>(s)].name; }

std::optional<Severity> ParseSeverity(std::string_view name) {
  for (std::size_t i = 0; i < kSeverities.size(); ++i)
    if (name == kSeverities[i].name) return static_cast<Severity>(i);
  return std::nullopt;
}

const char* SeverityLabelZh(Severity s) { return kSeverities[static_cast<std::size_t>(s)].label_zh; }

int SeverityRank(std::string_view severity) {
  for (std::size_t i = 0; i < kSeverities.size(); ++i)
    if (severity == kSeverities[i].name) return static_cast<int>(i);
  return -1;
}

const char* SeverityLabelZh(std::string_view severity) {
  int rank = SeverityRank(severity);
  return rank < 0 ? "未定级" : kSeverities[static_cast<std::size_t>(rank)].label_zh;
}

std::string SeverityNameOf(std::string_view typed) {
  for (const auto& s : kSeverities)
    if (typed == s.name || typed == s.label_zh) return s.name;
  return "";
}

std::string SeverityList() {
  std::string out;
  for (const auto& s : kSeverities) out += std::string(out.empty() ? "" : ", ") + s.name;
  return out;
}

}  // namespace fazhi
