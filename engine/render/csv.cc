// CSV renderer: the 整改台账 (one row per gap) in UTF-8 with a BOM, so Excel and WPS detect the encoding, quoted per
// RFC 4180 (CRLF records; fields with a comma, quote or line break in double quotes, quotes doubled).
#include "render/ledger.h"
#include "render/renderer.h"

namespace fazhi {

void RenderCsv(const Report& report, std::ostream& out, const RenderOptions&) {
  out << "\xEF\xBB\xBF";  // UTF-8 BOM
  std::array<std::string_view, kLedgerColumns> header;
  for (std::size_t i = 0; i < kLedgerColumns; ++i) header[i] = LedgerColumns()[i].name;
  WriteCsvRecord(out, header);
  for (const auto& row : LedgerRows(report)) WriteCsvRecord(out, row);
}

}  // namespace fazhi
