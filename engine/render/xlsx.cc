// XLSX renderer (libxlsxwriter): sheet 1 整改台账 (one row per gap), sheet 2 全部结果 (every result), sheet 3 概况
// (document and scores). Frozen header rows, filters, wrapped text, A4 landscape printing. Every cell is written as
// a string or a number — never a formula — and text cells go through SpreadsheetSafe (leading apostrophe).
#include <xlsxwriter.h>

#include <cstdlib>

#include "render/ledger.h"
#include "render/render_support.h"
#include "render/renderer.h"
#include "render/xlsx_workbook.h"

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

// A table sheet: the header row, then one row per entry; column `number_col` holds a number, the others text.
template <std::size_t N>
void TableSheet(lxw_workbook* wb, const char* name, const std::array<LedgerColumn, N>& cols,
                const std::vector<std::array<std::string, N>>& rows, std::size_t number_col, const Formats& f) {
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
}

void SummarySheet(lxw_workbook* wb, const Report& report, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "概况");
  worksheet_set_column(ws, 0, 0, 20, f.key);
  worksheet_set_column(ws, 1, 1, 70, f.text);
  const auto& d = report.document;
  lxw_row_t r = 0;
  auto row = [&](std::string_view key, std::string_view value) {
    Cell(ws, r, 0, key, f.key);
    Cell(ws, r, 1, value, f.text);
    ++r;
  };
  row("标题", OrUnknown(d.title));
  row("发布主体", OrUnknown(d.issuer));
  row("层级", LevelLabelZh(d.level));
  row("年度", OrUnknown(d.year));
  row("发布日期", OrUnknown(d.published));
  row("文件", d.path);
  row("SHA-256", d.sha256);
  if (d.not_checkable) row("无法核查", d.not_checkable_reason);
  for (const auto& rs : report.rulesets) row("规则包", RulesetVersion(rs) + "（" + rs.title + "）");
  for (const auto& notice : RulesetNotices(report)) row("注意", notice);
  std::string total = FormatScore(report.score.total);
  if (WaiversChangedScore(report.score)) total += "（豁免前 " + FormatScore(report.score.total_unwaived) + "）";
  row("总分", total);
  for (const auto& p : report.score.packs) {
    std::string s = FormatScore(p.score);
    if (WaiversChangedScore(p)) s += "（豁免前 " + FormatScore(p.score_unwaived) + "）";
    row("得分：" + p.title, s + "　" + CountsZh(p.counts));
  }
  row("结论统计", CountsZh(report.score.counts));
  row("工具", "fazhi " + report.tool_version);
}

}  // namespace

void RenderXlsx(const Report& report, std::ostream& out, const RenderOptions&) {
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

  TableSheet(wb, "整改台账", LedgerColumns(), LedgerRows(report), 0, f);
  TableSheet(wb, "全部结果", ResultColumns(), ResultRows(report), 7, f);
  SummarySheet(wb, report, f);
  book.Finish(out);
}

}  // namespace fazhi
