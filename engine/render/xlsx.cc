// XLSX renderer (libxlsxwriter): sheet 1 整改台账 (one row per gap), sheet 2 全部结果 (every result), sheet 3 概况
// (document and scores). Frozen header rows, filters, wrapped text, A4 landscape printing. Every cell is written as
// a string or a number — never a formula — and text cells go through SpreadsheetSafe (leading apostrophe).
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "core/utf8.h"
#include "render/ledger.h"
#include "render/render_support.h"
#include "render/renderer.h"

namespace fazhi {

namespace {

constexpr std::size_t kMaxCellChars = 32000;  // Excel's limit is 32767 characters per cell

// A unique temporary path, removed when this goes out of scope (libxlsxwriter only writes to a named file).
class TempPath {
 public:
  TempPath() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "fazhi-xlsx-XXXXXX").string();
    int fd = mkstemp(tmpl.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for the XLSX output");
    close(fd);
    path_ = tmpl;
  }
  ~TempPath() { std::remove(path_.c_str()); }
  TempPath(const TempPath&) = delete;
  TempPath& operator=(const TempPath&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct Formats {
  lxw_format* header;
  lxw_format* text;
  lxw_format* number;
  lxw_format* key;
};

void Cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view text, lxw_format* f) {
  std::string safe = SpreadsheetSafe(TruncateChars(text, kMaxCellChars));
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

void LedgerSheet(lxw_workbook* wb, const Report& report, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "整改台账");
  Header(ws, LedgerColumns(), f);
  auto rows = LedgerRows(report);
  lxw_row_t r = 1;
  for (const auto& row : rows) {
    worksheet_write_number(ws, r, 0, std::atof(row[0].c_str()), f.number);
    for (std::size_t c = 1; c < kLedgerColumns; ++c) Cell(ws, r, static_cast<lxw_col_t>(c), row[c], f.text);
    ++r;
  }
  worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows.size()), kLedgerColumns - 1);
}

void ResultSheet(lxw_workbook* wb, const Report& report, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "全部结果");
  Header(ws, ResultColumns(), f);
  auto rows = ResultRows(report);
  lxw_row_t r = 1;
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < kResultColumns; ++c) {
      if (c == 7)
        worksheet_write_number(ws, r, static_cast<lxw_col_t>(c), std::atof(row[c].c_str()), f.number);
      else
        Cell(ws, r, static_cast<lxw_col_t>(c), row[c], f.text);
    }
    ++r;
  }
  worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows.size()), kResultColumns - 1);
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
  for (const auto& rs : report.rulesets) row("规则包", rs.pack + " " + rs.version + "（" + rs.title + "）");
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
  TempPath tmp;
  lxw_workbook* wb = workbook_new(tmp.path().c_str());
  if (!wb) throw std::runtime_error("libxlsxwriter could not start a workbook");
  lxw_doc_properties props{};
  std::string title = "整改台账：" + OrUnknown(report.document.title);
  props.title = title.data();
  props.subject = const_cast<char*>("法治政府建设年度报告核查");
  props.author = const_cast<char*>("fazhi");
  // Reproducible bytes when SOURCE_DATE_EPOCH is set (reproducible-builds.org); otherwise the current time.
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) props.created = static_cast<time_t>(std::atoll(epoch));
  workbook_set_properties(wb, &props);

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

  LedgerSheet(wb, report, f);
  ResultSheet(wb, report, f);
  SummarySheet(wb, report, f);
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR)
    throw std::runtime_error(std::string("libxlsxwriter could not write the workbook: ") + lxw_strerror(err));
  std::ifstream in(tmp.path(), std::ios::binary);
  out << in.rdbuf();
}

}  // namespace fazhi
