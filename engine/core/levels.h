// The issuer levels fazhi knows (metadata, `applies_to.levels`, an example's `level`, `--level`) and the Chinese name
// an auditor reads. Rules and options hold the enum; names are parsed at the edge (loader, CLI) and printed through
// this table.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

// province 省级, city 市级, district 区级, county 县级, township 乡镇级 (乡、镇、街道), department 部门 (局、委、办…),
// other 其他 (开发区、管委会…), in that order.
enum class IssuerLevel { kProvince, kCity, kDistrict, kCounty, kTownship, kDepartment, kOther };

// The names, indexed by IssuerLevel.
const std::vector<std::string>& IssuerLevels();
const char* IssuerLevelName(IssuerLevel level);
// The level of a name; nullopt when it is not one.
std::optional<IssuerLevel> ParseIssuerLevel(std::string_view name);
bool IsIssuerLevel(std::string_view level);
// The Chinese name of a level ("部门"); of a name that is not a level, the name itself.
std::string LevelNameZh(IssuerLevel level);
std::string LevelNameZh(std::string_view level);
// The level a rule author typed, English or Chinese (省/省级, 市/市级, 区/区级, 县/县级, 乡/镇/乡镇/街道/乡镇级,
// 部门, 其他), as its English name; "" when it is neither.
std::string IssuerLevelOf(std::string_view typed);
// "province, city, …" for messages that list them.
std::string IssuerLevelList();
// The same with the Chinese an author may type instead: "province（省）, city（市）, …, township（乡镇、街道）".
std::string IssuerLevelChoices();

}  // namespace fazhi
