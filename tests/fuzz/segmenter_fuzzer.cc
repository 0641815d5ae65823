// libFuzzer target `segmenter`: segmenter: normalize + Segment + ExtractMetadata on arbitrary UTF-8 with heading hints.
// Built by tests/fuzz/CMakeLists.txt (clang, -DFAZHI_FUZZ=ON); run with scripts/fuzz.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fazhi::fuzz::FuzzSegmenter(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
