// libFuzzer target `doc_reader`: Word 97-2003 / WPS reader: OLE directory, FIB flags, then antiword as a child process (slow).
// Built by tests/fuzz/CMakeLists.txt (clang, -DFAZHI_FUZZ=ON); run with scripts/fuzz.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fazhi::fuzz::FuzzDocReader(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
