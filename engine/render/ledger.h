// The 整改台账 (rectification ledger) shared by the csv and xlsx renderers: one row per gap, fixed columns, and
// spreadsheet-safe cell text (formula injection neutralised).
#pragma once

#include <ostream>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/report.h"

namespace fazhi {

struct LedgerColumn {
  const char* name;
  double width;  // in spreadsheet character units (a CJK character is about 2)
};

constexpr std::size_t kLedgerColumns = 10;
using LedgerRow = std::array<std::string, kLedgerColumns>;

// 序号, 规则编号, 指标/要求, 依据, 问题描述, 证据/位置, 整改建议, 责任单位, 整改时限, 状态.
const std::array<LedgerColumn, kLedgerColumns>& LedgerColumns();
// One row per gap, ordered as GapsBySeverity; 责任单位 and 整改时限 are left empty to be filled in; 状态 = 待整改.
std::vector<LedgerRow> LedgerRows(const Report& report);

// The second sheet: every result, whatever its verdict.
constexpr std::size_t kResultColumns = 12;
using ResultRow = std::array<std::string, kResultColumns>;
const std::array<LedgerColumn, kResultColumns>& ResultColumns();
std::vector<ResultRow> ResultRows(const Report& report);

// The one sanitizer of every CSV and XLSX cell. Formula-injection guard (OWASP "CSV injection"): a cell whose text
// begins with =, +, -, @ or a tab gets a leading apostrophe, so Excel/WPS show it as text and never evaluate it —
// also after a user edits the cell. The text is first made XML-safe (StripControlChars: control characters,
// U+FFFE/U+FFFF and invalid UTF-8 go), and the guard looks at what is left: `\x01=HYPERLINK(…)` is caught.
std::string SpreadsheetSafe(std::string_view cell);

// One CSV field per RFC 4180 (quoted when it holds a comma, quote or line break; quotes doubled), spreadsheet-safe.
void WriteCsvField(std::ostream& out, std::string_view raw);

// One CSV record: the fields through WriteCsvField, separated by commas, ended by CRLF.
template <typename Fields>
void WriteCsvRecord(std::ostream& out, const Fields& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out << ',';
    WriteCsvField(out, fields[i]);
  }
  out << "\r\n";
}

}  // namespace fazhi
