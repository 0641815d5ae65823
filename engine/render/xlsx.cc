// XLSX renderer (libxlsxwriter): sheet 1 封面 (report, issuer, year, packs and versions, profile, date, scores),
// sheet 2 整改台账 (one row per requirement with a gap; 状态 and 复核结论 as dropdowns), sheet 3 已体现 (the
// requirements met), sheet 4 全部结果 (every result). Frozen header rows, filters, wrapped text, A4 landscape
// printing. Every cell is written as a string or a number — never a formula — and text cells go through
// SpreadsheetSafe (leading apostrophe). docs/ledgers.md lists the columns.
#include <xlsxwriter.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "render/ledger.h"
#include "render/render_support.h"
#include "render/renderer.h"
#include "render/track.h"
#include "render/xlsx_workbook.h"
#include "score/waivers.h"

namespace fazhi {

namespace {

struct Formats {
  lxw_format* header;
  lxw_format* text;
  lxw_format* number;
  lxw_format* key;
};

void Cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view text, lxw_format* f) {
  std::string safe = XlsxCellText(text);
  if (safe.empty()) {
    worksheet_write_blank(ws, row, col, f);
    return;
  }
  worksheet_write_string(ws, row, col, safe.c_str(), f);
}

template <std::size_t N>
void Header(lxw_worksheet* ws, const std::array<LedgerColumn, N>& cols, const Formats& f) {
  for (std::size_t c = 0; c < N; ++c) {
    Cell(ws, 0, static_cast<lxw_col_t>(c), cols[c].name, f.header);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), cols[c].width, f.text);
  }
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_repeat_rows(ws, 0, 0);
  worksheet_fit_to_pages(ws, 1, 0);
}

// A table sheet: the header row, then one row per entry; column `number_col` holds a number (N: none), the others
// text. Returns the sheet (for the ledger's dropdowns).
template <std::size_t N>
lxw_worksheet* TableSheet(lxw_workbook* wb, const char* name, const std::array<LedgerColumn, N>& cols,
                          const std::vector<std::array<std::string, N>>& rows, std::size_t number_col,
                          const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name);
  Header(ws, cols, f);
  lxw_row_t r = 1;
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < N; ++c) {
      if (c == number_col)
        worksheet_write_number(ws, r, static_cast<lxw_col_t>(c), std::atof(row[c].c_str()), f.number);
      else
        Cell(ws, r, static_cast<lxw_col_t>(c), row[c], f.text);
    }
    ++r;
  }
  worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows.size()), N - 1);
  return ws;
}

// Extra rows below the last gap that keep the dropdowns, for rows the auditor adds by hand.
constexpr lxw_row_t kSpareRows = 50;

// A dropdown of `choices` on column `col` of the data rows (Excel/WPS: 数据有效性, a list; other text refused).
void Dropdown(lxw_worksheet* ws, lxw_col_t col, lxw_row_t rows, const std::vector<std::string>& choices,
              const char* title) {
  std::vector<std::string> copies(choices);  // libxlsxwriter takes char** (it does not write through it)
  std::vector<char*> list;
  for (auto& c : copies) list.push_back(c.data());
  list.push_back(nullptr);
  lxw_data_validation dv{};
  dv.validate = LXW_VALIDATION_TYPE_LIST;
  dv.value_list = list.data();
  dv.error_title = const_cast<char*>(title);
  std::string message = "请从下拉列表中选择：";
  for (std::size_t i = 0; i < choices.size(); ++i) message += (i ? "、" : "") + choices[i];
  dv.error_message = message.data();
  worksheet_data_validation_range(ws, 1, col, rows + kSpareRows, col, &dv);
}

// The date of the check as the cover shows it: SOURCE_DATE_EPOCH when set (reproducible output), else today.
std::string CheckDate() { return SourceDateEpochDay().value_or(Today()).ToString(); }

void CoverSheet(lxw_workbook* wb, const Report& report, const TrackReport* track, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "封面");
  worksheet_set_column(ws, 0, 0, 20, f.key);
  worksheet_set_column(ws, 1, 1, 70, f.text);
  const auto& d = report.document;
  lxw_row_t r = 0;
  auto row = [&](std::string_view key, std::string_view value) {
    Cell(ws, r, 0, key, f.key);
    Cell(ws, r, 1, value, f.text);
    ++r;
  };
  row("报告", OrUnknown(d.title));
  row("发布主体", OrUnknown(d.issuer));
  row("层级", LevelLabelZh(d.level));
  row("年度", OrUnknown(d.year));
  row("发布/落款", DatesZh(d));
  row("文件", DisplayPath(d.path));
  row("SHA-256", d.sha256);
  if (d.not_checkable) row("无法核查", d.not_checkable_reason);
  for (const auto& rs : report.rulesets)
    if (ProfileListsPack(report, rs.pack)) row("规则包", RulesetVersion(rs) + "（" + rs.title + "）");
  for (const auto& notice : RulesetNotices(report)) row("注意", notice);
  row("督察口径", report.profile.empty() ? "未使用（逐条列出各规则包的全部条目）" : report.profile);
  row("核查日期", CheckDate());
  std::string total = FormatScore(report.score.total);
  if (WaiversChangedScore(report.score)) total += "（豁免前 " + FormatScore(report.score.total_unwaived) + "）";
  row("总分", total);
  for (const auto& p : report.score.packs) {
    if (!ProfileListsPack(report, p.pack)) continue;
    std::string s = FormatScore(p.score);
    if (WaiversChangedScore(p)) s += "（豁免前 " + FormatScore(p.score_unwaived) + "）";
    row("得分：" + p.title, s + "　" + CountsZh(p.counts));
  }
  row("结论统计", CountsZh(report.score.counts));
  if (track) {
    row("上年台账", DisplayPath(track->ledger));
    row("上年问题整改情况", TrackSummaryZh(*track) + "（整改时限与 " + track->today.ToString() + " 比较）");
    if (!track->forced.empty()) row("注意", "已加 --force：" + track->forced);
  }
  row("工具", "fazhi " + report.tool_version);
}

// The workbook of `fazhi check -f xlsx`; with `track` (fazhi track) also the sheet 上年问题整改情况 after 整改台账
// and two cover rows naming last year's 台账 and the summary.
void WriteWorkbook(const Report& report, const TrackReport* track, std::ostream& out) {
  XlsxWorkbook book("fazhi-xlsx-", "the XLSX output");
  book.SetProperties("整改台账：" + OrUnknown(report.document.title), "法治政府建设年度报告核查", 0);
  lxw_workbook* wb = book.get();

  Formats f{};
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDCE6F1);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  f.text = workbook_add_format(wb);
  format_set_text_wrap(f.text);
  format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
  f.number = workbook_add_format(wb);
  format_set_align(f.number, LXW_ALIGN_VERTICAL_TOP);
  format_set_align(f.number, LXW_ALIGN_CENTER);
  f.key = workbook_add_format(wb);
  format_set_bold(f.key);
  format_set_align(f.key, LXW_ALIGN_VERTICAL_TOP);

  CoverSheet(wb, report, track, f);
  auto rows = LedgerRows(report);
  if (track) CarryOverOwners(*track, rows);
  lxw_worksheet* ledger = TableSheet(wb, "整改台账", LedgerColumns(), rows, 0, f);
  const auto n = static_cast<lxw_row_t>(rows.size());
  Dropdown(ledger, kLedgerStatusColumn, n, LedgerStatusChoices(), "状态");
  Dropdown(ledger, kLedgerReviewColumn, n, LedgerReviewChoices(), "复核结论");
  worksheet_activate(ledger);
  if (track) TableSheet(wb, "上年问题整改情况", TrackColumns(), TrackSheetRows(*track), 0, f);
  TableSheet(wb, "已体现", PassedColumns(), PassedRows(report), kPassedColumns, f);
  TableSheet(wb, "全部结果", ResultColumns(), ResultRows(report), 7, f);
  book.Finish(out);
}

}  // namespace

void RenderXlsx(const Report& report, std::ostream& out, const RenderOptions&) { WriteWorkbook(report, nullptr, out); }

void RenderTrackXlsx(const TrackReport& t, const Report& this_year, std::ostream& out) {
  WriteWorkbook(this_year, &t, out);
}

}  // namespace fazhi
