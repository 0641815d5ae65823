// The 整改台账 (rectification ledger) shared by the csv and xlsx renderers: one row per gap, fixed columns, and
// spreadsheet-safe cell text (formula injection neutralised).
#pragma once

#include <ostream>

#include <array>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "core/report.h"

namespace fazhi {

struct LedgerColumn {
  const char* name;
  double width;  // in spreadsheet character units (a CJK character is about 2)
};

constexpr std::size_t kLedgerColumns = 16;
using LedgerRow = std::array<std::string, kLedgerColumns>;

// The columns of the 整改台账, by name (docs/ledgers.md "台账的列"; `review import` reads them back by name):
// 序号, 规则编号, 同一要求的其他条目, 指标/要求, 依据, 核查结论, 严重程度, 问题描述, 证据/位置, 工作整改, 报告补充,
// 责任单位, 整改时限, 状态, 复核意见, 复核结论.
const std::array<LedgerColumn, kLedgerColumns>& LedgerColumns();
// Positions of the columns the district and the auditor fill in (the XLSX gives 状态 and 复核结论 a dropdown).
constexpr std::size_t kLedgerStatusColumn = 13, kLedgerReviewColumn = 15;
// The choices of 状态 and 复核结论 (the first of 状态 is what a new row holds).
const std::vector<std::string>& LedgerStatusChoices();
const std::vector<std::string>& LedgerReviewChoices();
// One row per requirement with a gap, ordered as GapsBySeverity; a result that an audit profile folded into another
// (RuleResult::same_as) is not a row of its own — the row that stands for it cites both. 责任单位 from the rule's
// `owner` (the auditor's own ledger), else empty; 整改时限, 复核意见 and 复核结论 empty; 状态 = 待整改.
std::vector<LedgerRow> LedgerRows(const Report& report);

// The verdict as the 台账 says it: 报告未体现 (fail), 体现不充分 (partial), 已体现 (pass); else VerdictLabelZh.
std::string LedgerVerdictZh(Verdict v);
// 工作整改 and 报告补充 of a result: the rule's `remedy_work` / `remedy_report` when given, otherwise derived from
// its `remedy` (docs/ledgers.md: a remedy that asks to write in the report is 报告补充 and the work is "核实……";
// "…，并在报告中写明…" is split; any other remedy is 工作整改 and the report part asks to write the work down).
std::pair<std::string, std::string> SplitRemedy(const RuleResult& r);

// The sheet 已体现: the requirements the report meets (one row per requirement, as the ledger).
constexpr std::size_t kPassedColumns = 6;
using PassedRow = std::array<std::string, kPassedColumns>;
const std::array<LedgerColumn, kPassedColumns>& PassedColumns();
std::vector<PassedRow> PassedRows(const Report& report);

// The second sheet: every result, whatever its verdict.
constexpr std::size_t kResultColumns = 12;
using ResultRow = std::array<std::string, kResultColumns>;
const std::array<LedgerColumn, kResultColumns>& ResultColumns();
// Under an audit profile, the packs it did not choose for the report are left out (docs/scoring.md §7).
std::vector<ResultRow> ResultRows(const Report& report);
// Whether the report's audit profile chose `pack` (true without a profile).
bool ProfileListsPack(const Report& report, const std::string& pack);

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
