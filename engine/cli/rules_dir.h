// Where the shipped rules/ folder is: $FAZHI_RULES, next to the binary, or the install prefix.
#pragma once

#include <optional>
#include <string>

namespace fazhi {

std::optional<std::string> FindShippedRules(const char* argv0);

}  // namespace fazhi
