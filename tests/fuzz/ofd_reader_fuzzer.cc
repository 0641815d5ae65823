// libFuzzer target `ofd_reader`: OFD reader: the bytes as a ZIP (libzip + pugixml, zip-bomb and depth limits, layout), then normalize + segment.
// Built by tests/fuzz/CMakeLists.txt (clang, -DFAZHI_FUZZ=ON); run with scripts/fuzz.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fazhi::fuzz::FuzzOfdReader(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
