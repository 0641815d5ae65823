// libFuzzer target `yaml_loader`: YAML rule pack loader (in memory), then the loaded rules over a small report.
// Built by tests/fuzz/CMakeLists.txt (clang, -DFAZHI_FUZZ=ON); run with scripts/fuzz.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fazhi::fuzz::FuzzYamlLoader(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
