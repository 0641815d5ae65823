// libFuzzer target `check`: the whole check: pipeline Check() on the bytes (shipped rules) -> a renderer.
// Built by tests/fuzz/CMakeLists.txt (clang, -DFAZHI_FUZZ=ON); run with scripts/fuzz.
#include "fuzz_targets.h"

// The shipped rules are loaded once, before the first input: loading them inside it counted against libFuzzer's
// per-input timeout and, on a loaded machine, made the first seed a false "timeout" finding (scripts/fuzz-ci at
// load 19: 12 s in TermMatcher::Build).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fazhi::fuzz::Quiet();
  (void)fazhi::fuzz::ShippedRules();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fazhi::fuzz::FuzzCheck(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
