// libFuzzer target `pdf_reader`: PDF reader: the bytes to a temp file + pdftotext (slow: one process per input).
// Built by tests/fuzz/CMakeLists.txt (clang, -DFAZHI_FUZZ=ON); run with scripts/fuzz.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fazhi::fuzz::FuzzPdfReader(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
