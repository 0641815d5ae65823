// Batch summary as a workbook (libxlsxwriter in constant-memory mode: rows stream to disk, so 20,000 inputs × every
// rule cost no memory): 排名 (ranking, scores, status), 结论矩阵 (inputs × rules verdicts), 规则 (verdict counts per
// rule). Cells are strings or numbers, never formulas; text goes through SpreadsheetSafe. The document date is
// SOURCE_DATE_EPOCH or a fixed day, so the bytes do not depend on when the batch ran.
#include <xlsxwriter.h>

#include "batch/summary.h"
#include "render/render_support.h"
#include "render/xlsx_workbook.h"

namespace fazhi {

namespace {

constexpr time_t kFixedDate = 315532800;  // 1980-01-01, the ZIP epoch: used unless SOURCE_DATE_EPOCH is set

struct Sheet {
  lxw_worksheet* ws;
  lxw_row_t row = 0;
  void Text(lxw_col_t col, std::string_view text, lxw_format* f = nullptr) const {
    std::string safe = XlsxCellText(text);
    if (!safe.empty()) worksheet_write_string(ws, row, col, safe.c_str(), f);
  }
  void Number(lxw_col_t col, double v, lxw_format* f = nullptr) const { worksheet_write_number(ws, row, col, v, f); }
  void Score(lxw_col_t col, const std::optional<double>& s, lxw_format* f) const {
    if (s) Number(col, *s, f);
  }
};

lxw_format* Fill(lxw_workbook* wb, std::uint32_t color) {
  lxw_format* f = workbook_add_format(wb);
  format_set_bg_color(f, color);
  format_set_align(f, LXW_ALIGN_CENTER);
  return f;
}

}  // namespace

void WriteSummaryXlsx(const BatchSummary& s, std::ostream& out) {
  XlsxWorkbook book("fazhi-summary-", "the XLSX summary", /*streaming=*/true);
  book.SetProperties("法治政府建设年度报告批量核查汇总", nullptr, kFixedDate);
  lxw_workbook* wb = book.get();

  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xDCE6F1);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* score = workbook_add_format(wb);
  format_set_num_format(score, "0.0");
  lxw_format* verdict_format[7] = {Fill(wb, 0xC6EFCE), Fill(wb, 0xFFEB9C), Fill(wb, 0xFFC7CE), Fill(wb, 0xEDEDED),
                                   Fill(wb, 0xE4DFEC), Fill(wb, 0xDDEBF7), Fill(wb, 0xFFC7CE)};

  // 排名
  Sheet rank{workbook_add_worksheet(wb, "排名")};
  std::vector<std::string> head = {"排名", "发布主体", "文件", "状态", "原因", "重复", "标题", "层级", "年度", "总分"};
  for (const auto& p : s.packs) head.push_back(PackTitle(p));
  for (const auto& p : s.packs)
    for (const auto& c : p.categories) head.push_back(PackTitle(p) + "：" + c);
  for (const char* h : {"符合", "部分符合", "不符合", "不适用", "无法判断", "已豁免", "警告"}) head.push_back(h);
  worksheet_set_column(rank.ws, 0, 0, 6, nullptr);
  worksheet_set_column(rank.ws, 1, 2, 30, nullptr);
  worksheet_set_column(rank.ws, 3, 3, 10, nullptr);
  worksheet_set_column(rank.ws, 4, 6, 30, nullptr);
  worksheet_freeze_panes(rank.ws, 1, 2);
  for (std::size_t c = 0; c < head.size(); ++c) rank.Text(static_cast<lxw_col_t>(c), head[c], header);
  for (const auto& r : s.rows) {
    ++rank.row;
    lxw_col_t c = 0;
    if (r.rank) rank.Number(c, r.rank);
    rank.Text(++c, r.issuer);
    rank.Text(++c, RowFile(r));
    rank.Text(++c, BatchStatusLabelZh(r.status));
    rank.Text(++c, r.reason);
    rank.Text(++c, r.duplicate_of.empty() ? "" : "与 " + r.duplicate_of + " 内容相同，按一份计");
    rank.Text(++c, r.title);
    rank.Text(++c, r.level.empty() ? "" : LevelLabelZh(r.level));
    if (r.year) rank.Number(c + 1, *r.year);
    ++c;
    rank.Score(++c, r.total, score);
    for (const auto& p : r.pack_scores) rank.Score(++c, p, score);
    for (const auto& x : r.category_scores) rank.Score(++c, x, score);
    bool counted = r.status != BatchStatus::kError;
    for (int n : {r.counts.pass, r.counts.partial, r.counts.fail, r.counts.not_applicable, r.counts.not_checkable,
                  r.counts.waived, static_cast<int>(r.warnings)}) {
      ++c;
      if (counted) rank.Number(c, n);
    }
  }
  worksheet_autofilter(rank.ws, 0, 0, rank.row, static_cast<lxw_col_t>(head.size() - 1));

  // 结论矩阵: inputs down, rules across (a spreadsheet has 16,384 columns but a million rows).
  Sheet matrix{workbook_add_worksheet(wb, "结论矩阵")};
  worksheet_set_column(matrix.ws, 0, 0, 48, nullptr);
  worksheet_set_column(matrix.ws, 1, static_cast<lxw_col_t>(s.rules.size() + 1), 9, nullptr);
  worksheet_freeze_panes(matrix.ws, 2, 2);
  matrix.Text(0, "报告 \\ 规则", header);
  matrix.Text(1, "状态", header);
  for (std::size_t i = 0; i < s.rules.size(); ++i) matrix.Text(static_cast<lxw_col_t>(i + 2), s.rules[i].rule, header);
  ++matrix.row;
  matrix.Text(0, "", header);
  for (std::size_t i = 0; i < s.rules.size(); ++i) matrix.Text(static_cast<lxw_col_t>(i + 2), s.rules[i].title);
  for (const auto& r : s.rows) {
    ++matrix.row;
    matrix.Text(0, r.issuer.empty() ? RowFile(r) : r.issuer + "（" + RowFile(r) + "）");
    matrix.Text(1, BatchStatusLabelZh(r.status));
    for (std::size_t i = 0; i < r.verdicts.size(); ++i) {
      if (r.verdicts[i] == kNoVerdict) continue;
      auto v = static_cast<Verdict>(r.verdicts[i]);
      matrix.Text(static_cast<lxw_col_t>(i + 2), VerdictLabelZh(v), verdict_format[r.verdicts[i] % 7]);
    }
  }

  // 规则: how each rule fared over the batch.
  Sheet rules{workbook_add_worksheet(wb, "规则")};
  worksheet_set_column(rules.ws, 0, 0, 24, nullptr);
  worksheet_set_column(rules.ws, 1, 1, 40, nullptr);
  worksheet_set_column(rules.ws, 2, 3, 16, nullptr);
  worksheet_freeze_panes(rules.ws, 1, 1);
  const char* rule_head[] = {"规则", "要求", "规则包", "类别", "符合", "部分符合", "不符合", "不适用", "无法判断", "已豁免"};
  for (lxw_col_t c = 0; c < 10; ++c) rules.Text(c, rule_head[c], header);
  for (std::size_t i = 0; i < s.rules.size(); ++i) {
    VerdictCounts counts;
    for (const auto& r : s.rows)  // a duplicate input is counted once, as the row it repeats
      if (r.verdicts[i] != kNoVerdict && r.duplicate_of.empty()) counts.Add(static_cast<Verdict>(r.verdicts[i]));
    ++rules.row;
    rules.Text(0, s.rules[i].rule);
    rules.Text(1, s.rules[i].title);
    rules.Text(2, PackTitleOf(s, s.rules[i].pack));
    rules.Text(3, s.rules[i].category);
    lxw_col_t c = 4;
    for (int n : {counts.pass, counts.partial, counts.fail, counts.not_applicable, counts.not_checkable, counts.waived})
      rules.Number(c++, n);
  }
  worksheet_autofilter(rules.ws, 0, 0, rules.row, 9);

  book.Finish(out);
}

}  // namespace fazhi
