// The issuer levels fazhi knows (metadata, `applies_to.levels`, `--level`) and the Chinese name an auditor reads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

// province 省级, city 市级, district 区级, county 县级, township 乡镇级 (乡、镇、街道), department 部门 (局、委、办…),
// other 其他 (开发区、管委会…), in that order.
const std::vector<std::string>& IssuerLevels();
bool IsIssuerLevel(std::string_view level);
// The Chinese name of a level ("部门"); the level itself when it is not one of IssuerLevels().
std::string LevelNameZh(std::string_view level);
// "province, city, …" for messages that list them.
std::string IssuerLevelList();

}  // namespace fazhi
