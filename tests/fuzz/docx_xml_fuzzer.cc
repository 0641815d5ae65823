// libFuzzer target `docx_xml`: the bytes as word/document.xml (+ styles.xml, core.xml) in a ZIP made in memory,
// so mutations reach the DOCX body writer and style resolution instead of failing the ZIP checks.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fazhi::fuzz::FuzzDocxXml(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
