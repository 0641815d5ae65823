// libFuzzer target `ofd_xml`: OFD structure: a page Content.xml [#--- Document.xml [#--- OFD.xml [#--- template page]]] in a well-formed ZIP.
// Built by tests/fuzz/CMakeLists.txt (clang, -DFAZHI_FUZZ=ON); run with scripts/fuzz.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fazhi::fuzz::FuzzOfdXml(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
