// Where the shipped rules/ folder is: $FAZHI_RULES, next to the binary, or the install prefix.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace fazhi {

std::optional<std::string> FindShippedRules(const char* argv0);

// The running binary (/proc/self/exe; argv[0] when that cannot be read): what is installed with it is found from it.
std::filesystem::path ExecutablePath(const char* argv0);

}  // namespace fazhi
