#include "core/levels.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace fazhi {

namespace {
struct LevelName {
  const char* level;
  const char* zh;
};
constexpr LevelName kLevels[] = {{"province", "省级"}, {"city", "市级"},     {"district", "区级"}, {"county", "县级"},
                                 {"township", "乡镇级"}, {"department", "部门"}, {"other", "其他（开发区、管委会等）"}};
}  // namespace

const std::vector<std::string>& IssuerLevels() {
  static const std::vector<std::string> levels = [] {
    std::vector<std::string> v;
    for (const auto& l : kLevels) v.emplace_back(l.level);
    return v;
  }();
  return levels;
}

const char* IssuerLevelName(IssuerLevel level) { return kLevels[static_cast<std::size_t>(level)].level; }

std::optional<IssuerLevel> ParseIssuerLevel(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kLevels); ++i)
    if (name == kLevels[i].level) return static_cast<IssuerLevel>(i);
  return std::nullopt;
}

std::string LevelNameZh(IssuerLevel level) { return kLevels[static_cast<std::size_t>(level)].zh; }

bool IsIssuerLevel(std::string_view level) {
  return std::any_of(std::begin(kLevels), std::end(kLevels), [&](const LevelName& l) { return level == l.level; });
}

std::string LevelNameZh(std::string_view level) {
  for (const auto& l : kLevels)
    if (level == l.level) return l.zh;
  return std::string(level);
}

std::string IssuerLevelOf(std::string_view typed) {
  if (IsIssuerLevel(typed)) return std::string(typed);
  // What an author types for each level: the label itself and its short forms.
  static constexpr std::pair<const char*, const char*> kTyped[] = {
      {"省", "province"}, {"省级", "province"}, {"市", "city"},         {"市级", "city"},
      {"区", "district"}, {"区级", "district"}, {"县", "county"},       {"县级", "county"},
      {"乡", "township"}, {"镇", "township"},   {"乡镇", "township"},   {"街道", "township"},
      {"乡镇级", "township"}, {"部门", "department"}, {"其他", "other"}};
  for (const auto& [zh, level] : kTyped)
    if (typed == zh) return level;
  return "";
}

std::string IssuerLevelChoices() {
  static constexpr const char* kShort[] = {"省", "市", "区", "县", "乡镇、街道", "部门", "其他"};  // by IssuerLevel
  static_assert(std::size(kShort) == std::size(kLevels));
  std::string out;
  for (std::size_t i = 0; i < std::size(kLevels); ++i)
    out += std::string(out.empty() ? "" : ", ") + kLevels[i].level + "（" + kShort[i] + "）";
  return out;
}

std::string IssuerLevelList() {
  std::string out;
  for (const auto& l : kLevels) out += std::string(out.empty() ? "" : ", ") + l.level;
  return out;
}

}  // namespace fazhi
