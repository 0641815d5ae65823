// libFuzzer target `ole_file`: OLE compound file parser: header, DIFAT/FAT chains, directory, stream heads (no loops, no reads past the end).
// Built by tests/fuzz/CMakeLists.txt (clang, -DFAZHI_FUZZ=ON); run with scripts/fuzz.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fazhi::fuzz::FuzzOleFile(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
