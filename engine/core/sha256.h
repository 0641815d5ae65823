// SHA-256 of a byte string (documents and rule packs are identified by it in the JSON output).
#pragma once

#include <string>
#include <string_view>

namespace fazhi {

std::string Sha256Hex(std::string_view data);

}  // namespace fazhi
