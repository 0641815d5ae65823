// libFuzzer target `html_reader`: HTML reader: charset, gumbo parse, article extraction, then normalize + segment.
// Built by tests/fuzz/CMakeLists.txt (clang, -DFAZHI_FUZZ=ON); run with scripts/fuzz.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fazhi::fuzz::FuzzHtmlReader(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
