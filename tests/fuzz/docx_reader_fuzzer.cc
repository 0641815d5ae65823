// libFuzzer target `docx_reader`: DOCX reader: the bytes as a ZIP (libzip + pugixml, zip-bomb limits), then normalize + segment.
// Built by tests/fuzz/CMakeLists.txt (clang, -DFAZHI_FUZZ=ON); run with scripts/fuzz.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fazhi::fuzz::FuzzDocxReader(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
