// libFuzzer target `check`: the whole check: pipeline Check() on the bytes (shipped rules) -> a renderer.
// Built by tests/fuzz/CMakeLists.txt (clang, -DFAZHI_FUZZ=ON); run with scripts/fuzz.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fazhi::fuzz::FuzzCheck(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
