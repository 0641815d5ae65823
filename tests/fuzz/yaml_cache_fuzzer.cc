// libFuzzer target `yaml_cache`: the rule parse cache's decoder (YamlTree::Deserialize) on arbitrary bytes.
// Built by tests/fuzz/CMakeLists.txt (clang, -DFAZHI_FUZZ=ON); run with scripts/fuzz.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fazhi::fuzz::FuzzYamlCache(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
