// Traditional → simplified characters with OpenCC (t2s.json), kept behind one small function.
#pragma once

#include <optional>
#include <string>

namespace fazhi {

// The text converted with OpenCC's t2s configuration, or nullopt when OpenCC or its data is unavailable.
std::optional<std::string> TraditionalToSimplified(const std::string& utf8);

}  // namespace fazhi
