// SHA-256 of a byte string (documents and rule packs are identified by it in the JSON output).
#pragma once

#include <string>
#include <string_view>

namespace fazhi {

std::string Sha256Hex(std::string_view data);  // with the CPU's SHA extensions when it has them

// The same without them, whatever the CPU (tests compare the two).
std::string Sha256HexPortable(std::string_view data);

}  // namespace fazhi
