// The engine's default cue words (a pack's `cues:` extends or replaces them; see docs/rules.md).
#pragma once

#include <string>
#include <vector>

namespace fazhi {

struct DefaultCues {
  std::vector<std::string> negation, hedging, ignore, actions;
};
const DefaultCues& GetDefaultCues();

}  // namespace fazhi
