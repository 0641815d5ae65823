// libFuzzer target `xlsx_table`: the XLSX ledger table reader (`ledger import`, `review import`): a workbook, or a
// sheet [+ shared strings [+ workbook.xml]] in a ZIP made in memory; then header, items and the pack's YAML.
// Built by tests/fuzz/CMakeLists.txt (clang, -DFAZHI_FUZZ=ON); run with scripts/fuzz.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fazhi::fuzz::FuzzXlsxTable(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
