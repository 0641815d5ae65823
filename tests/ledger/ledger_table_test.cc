// Ledger tables: CSV (BOM, GBK, quotes, multi-line cells, TSV), XLSX (shared/inline strings, merged cells),
// header detection (Chinese, English, title rows above, two-row headers) and clear errors for bad input.
#include <catch2/catch.hpp>

#include <chrono>

#include "ledger/import.h"
#include "ledger/table.h"
#include "core/diagnostic_error.h"
#include "core/error.h"
#include "ledger/ledger_fixtures.h"
#include "test_support.h"

using namespace fazhi;
using fazhi::test::TempDir;
using fazhi::test::WriteXlsx;
using fazhi::test::XlsxSpec;

namespace {

int Column(const LedgerHeader& h, LedgerColumn c) {
  auto it = h.columns.find(c);
  return it == h.columns.end() ? -1 : it->second;
}

std::string ErrorCode(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.code();
  }
  return "";
}

}  // namespace

TEST_CASE("ledger csv: BOM, quoted commas and quotes, multi-line cells, CRLF", "[ledger][table]") {
  std::string csv =
      "\xEF\xBB\xBF序号,工作任务,具体要求\r\n"
      "1,行政复议,\"依法办理复议案件，\"\"应收尽收\"\"，纠错率逐年提高\"\r\n"
      "2,三项制度,\"全面推行：\n1.执法公示；\n2.全过程记录\"\r\n"
      "\r\n"
      "3,\"a, b\",普法\r\n";
  LedgerTable t = ParseLedgerCsv("t.csv", csv);
  CHECK(t.encoding == "UTF-8 (BOM)");
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0][0] == "序号");
  CHECK(t.rows[1][2] == "依法办理复议案件，\"应收尽收\"，纠错率逐年提高");
  CHECK(t.rows[2][2] == "全面推行：\n1.执法公示；\n2.全过程记录");
  CHECK(t.rows[3][1] == "a, b");
  CHECK(t.row_numbers[3] == 5);  // the blank record still counts
}

TEST_CASE("ledger csv: GBK bytes are decoded (as GB18030)", "[ledger][table]") {
  // 序号,工作任务,具体要求,责任单位 / 1,双随机监管,"全面推行双随机、一公开监管，联合抽查常态化。",区市场监管局 / 2,…
  std::string gbk =
      "\xD0\xF2\xBA\xC5,\xB9\xA4\xD7\xF7\xC8\xCE\xCE\xF1,\xBE\xDF\xCC\xE5\xD2\xAA\xC7\xF3,\xD4\xF0\xC8\xCE\xB5\xA5\xCE"
      "\xBB\r\n1,\xCB\xAB\xCB\xE6\xBB\xFA\xBC\xE0\xB9\xDC,\"\xC8\xAB\xC3\xE6\xCD\xC6\xD0\xD0\xCB\xAB\xCB\xE6\xBB\xFA"
      "\xA1\xA2\xD2\xBB\xB9\xAB\xBF\xAA\xBC\xE0\xB9\xDC\xA3\xAC\xC1\xAA\xBA\xCF\xB3\xE9\xB2\xE9\xB3\xA3\xCC\xAC\xBB"
      "\xAF\xA1\xA3\",\xC7\xF8\xCA\xD0\xB3\xA1\xBC\xE0\xB9\xDC\xBE\xD6\r\n2,\xD0\xD0\xD5\xFE\xB8\xB4\xD2\xE9,\xD2\xC0"
      "\xB7\xA8\xB0\xEC\xC0\xED\xD0\xD0\xD5\xFE\xB8\xB4\xD2\xE9\xB0\xB8\xBC\xFE\xA3\xAC\xCC\xE1\xB8\xDF\xB8\xB4\xD2"
      "\xE9\xBE\xC0\xB4\xED\xC2\xCA\xA1\xA3,\xC7\xF8\xCB\xBE\xB7\xA8\xBE\xD6\r\n";
  LedgerTable t = ParseLedgerCsv("gbk.csv", gbk);
  CHECK(t.encoding.find("GB") == 0);
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0][2] == "具体要求");
  CHECK(t.rows[1][2] == "全面推行双随机、一公开监管，联合抽查常态化。");
  CHECK(t.rows[2][3] == "区司法局");
  LedgerHeader h = FindLedgerHeader(t);
  CHECK(Column(h, LedgerColumn::kRequirement) == 2);
  CHECK(Column(h, LedgerColumn::kOwner) == 3);
}

TEST_CASE("ledger csv: tab-separated tables are read too", "[ledger][table]") {
  LedgerTable t = ParseLedgerCsv("t.tsv", "No.\tTask\tRequirement\n1\tReview\tAll normative documents reviewed\n");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1][2] == "All normative documents reviewed");
}

TEST_CASE("ledger csv: unbalanced quotes, empty and binary files are errors naming the problem", "[ledger][table]") {
  CHECK(ErrorCode([] { ParseLedgerCsv("q.csv", "序号,具体要求\n1,\"没有结束的引号\n2,下一行\n"); }) == "E-ledger-csv");
  try {
    ParseLedgerCsv("q.csv", "序号,具体要求\n1,\"没有结束的引号\n");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("第 2 行开始的带引号单元格一直没有结束") != std::string::npos);
    CHECK(DiagnosticOf(e).line == 2);  // file:line of the opening quote
    CHECK(e.path() == "q.csv");
  }
  CHECK(ErrorCode([] { ParseLedgerCsv("e.csv", ""); }) == "E-ledger-empty");
  CHECK(ErrorCode([] { ParseLedgerCsv("e.csv", " \r\n\r\n"); }) == "E-ledger-empty");
  CHECK(ErrorCode([] { ParseLedgerCsv("b.csv", std::string("\x00\x01\x02\x03\x00\x00\x05\x06", 8) + std::string(200, '\0')); }) ==
        "E-ledger-format");
}

TEST_CASE("ledger csv: limits on rows and cell size", "[ledger][table]") {
  LedgerTableLimits small;
  small.max_rows = 3;
  CHECK(ErrorCode([&] { ParseLedgerCsv("big.csv", "a\nb\nc\nd\ne\n", small); }) == "E-ledger-limit");
  small.max_cell_bytes = 10;
  small.max_rows = 100;
  CHECK(ErrorCode([&] { ParseLedgerCsv("big.csv", "a," + std::string(50, 'x') + "\n", small); }) == "E-ledger-limit");
}

TEST_CASE("ledger header: Chinese and English names are matched flexibly", "[ledger][table]") {
  struct Case {
    const char* cell;
    LedgerColumn column;
  } cases[] = {
      {"序号", LedgerColumn::kId},           {"编 号", LedgerColumn::kId},
      {"No.", LedgerColumn::kId},            {"指标", LedgerColumn::kTitle},
      {"工作任务", LedgerColumn::kTitle},    {"整改任务", LedgerColumn::kTitle},
      {"Indicator", LedgerColumn::kTitle},   {"TASK", LedgerColumn::kTitle},
      {"具体要求", LedgerColumn::kRequirement}, {"工作要求", LedgerColumn::kRequirement},
      {"三级指标", LedgerColumn::kRequirement}, {"Requirement", LedgerColumn::kRequirement},
      {"整改措施", LedgerColumn::kMeasures}, {"Measures", LedgerColumn::kMeasures},
      {"责任单位", LedgerColumn::kOwner},    {"牵头单位", LedgerColumn::kOwner},
      {"Owner", LedgerColumn::kOwner},       {"完成时限", LedgerColumn::kDeadline},
      {"时限", LedgerColumn::kDeadline},     {"Deadline", LedgerColumn::kDeadline},
      {"时间要求", LedgerColumn::kDeadline}, {"依据", LedgerColumn::kBasis},
      {"任务来源", LedgerColumn::kBasis},    {"Basis", LedgerColumn::kBasis},
      {"一级指标", LedgerColumn::kCategory}, {"类别", LedgerColumn::kCategory},
      {"存在问题", LedgerColumn::kProblem},  {"＊具体要求：", LedgerColumn::kRequirement},
  };
  for (const auto& c : cases) {
    LedgerColumn got;
    INFO(c.cell);
    REQUIRE(ClassifyLedgerHeader(c.cell, got));
    CHECK(got == c.column);
  }
  LedgerColumn got;
  CHECK_FALSE(ClassifyLedgerHeader("备注", got));
  CHECK_FALSE(ClassifyLedgerHeader("配合单位", got));
}

TEST_CASE("ledger header: found on row 3 under a title and a subtitle row", "[ledger][table]") {
  TempDir tmp;
  XlsxSpec spec;
  spec.rows = {{"某区2021年法治政府建设整改台账"},
               {"填报单位：区司法局", "", "", "填报日期：2021年3月1日"},
               {"序号", "整改任务", "整改措施", "责任单位", "完成时限"},
               {"1", "行政复议", "集中行使复议职责，开展复议听证。", "区司法局", "44561"},
               {"2", "出庭应诉", "负责人出庭应诉率达到80%以上。", "区司法局", "长期坚持"}};
  spec.merges = {"A1:E1"};
  spec.numbers_in_first_column = true;
  WriteXlsx(tmp.path() / "t.xlsx", spec);
  LedgerTable t = ReadLedgerTable((tmp.path() / "t.xlsx").string());
  CHECK(t.format == "xlsx");
  CHECK(t.sheet == "台账");
  REQUIRE(t.rows.size() == 5);
  CHECK(t.rows[0][4] == "某区2021年法治政府建设整改台账");  // merged range filled
  CHECK(t.rows[3][0] == "1");                              // a number cell
  LedgerHeader h = FindLedgerHeader(t);
  CHECK(t.row_numbers[h.row] == 3);
  CHECK(h.title_above == "某区2021年法治政府建设整改台账");
  CHECK(Column(h, LedgerColumn::kMeasures) == 2);
  CHECK(Column(h, LedgerColumn::kRequirement) == -1);
  std::vector<std::string> notes;
  auto items = BuildLedgerItems(t, h, notes);
  REQUIRE(items.size() == 2);
  CHECK(items[0].id == "001");
  CHECK(items[0].requirement == "集中行使复议职责，开展复议听证。");
  CHECK(items[0].remedy == items[0].requirement);
  CHECK(items[0].deadline == "2021-12-31");  // an Excel date serial
  CHECK(items[1].deadline == "长期坚持");
}

TEST_CASE("ledger header: a two-row header with a merged parent cell", "[ledger][table]") {
  TempDir tmp;
  XlsxSpec spec;
  spec.shared_strings = false;
  spec.rows = {{"序号", "一级指标", "工作任务", "具体要求", "责任单位", ""},
               {"", "", "", "", "牵头单位", "配合单位"},
               {"1", "依法行政制度体系", "合法性审核", "规范性文件全部经过合法性审核。", "区司法局", "各部门"},
               {"2", "", "备案审查", "规范性文件公布后30日内报送备案。", "区司法局", ""},
               {"二、行政执法"},
               {"3", "", "三项制度", "全面推行行政执法公示制度。", "区司法局", ""}};
  spec.merges = {"E1:F1", "B3:B4"};
  WriteXlsx(tmp.path() / "two.xlsx", spec);
  LedgerTable t = ReadLedgerTable((tmp.path() / "two.xlsx").string());
  LedgerHeader h = FindLedgerHeader(t);
  CHECK(h.row == 0);
  CHECK(h.data_from == 2);
  CHECK(Column(h, LedgerColumn::kOwner) == 4);
  CHECK(Column(h, LedgerColumn::kCategory) == 1);
  std::vector<std::string> notes;
  auto items = BuildLedgerItems(t, h, notes);
  REQUIRE(items.size() == 3);
  CHECK(items[1].category == "依法行政制度体系");  // the merged cell reaches row 4
  CHECK(items[2].id == "003");
  CHECK(items[2].owner == "区司法局");
  CHECK(items[2].category == "行政执法");  // a section row under a category column starts a new category
}

TEST_CASE("ledger header: English headers", "[ledger][table]") {
  LedgerTable t = ParseLedgerCsv(
      "en.csv",
      "No.,Area,Task,Requirement,Owner,Deadline,Basis\n"
      "A-1,Enforcement,Publicity,全面推行行政执法公示制度,区司法局,2021-12,纲要（十四）\n"
      "A-2,Enforcement,Records,推行执法全过程记录制度,区司法局,2021-12,\n");
  LedgerHeader h = FindLedgerHeader(t);
  for (auto c : {LedgerColumn::kId, LedgerColumn::kCategory, LedgerColumn::kTitle, LedgerColumn::kRequirement,
                 LedgerColumn::kOwner, LedgerColumn::kDeadline, LedgerColumn::kBasis})
    CHECK(Column(h, c) >= 0);
  std::vector<std::string> notes;
  auto items = BuildLedgerItems(t, h, notes);
  REQUIRE(items.size() == 2);
  CHECK(items[0].id == "A-1");
  CHECK(items[0].basis == "纲要（十四）");
  CHECK(items[0].category == "Enforcement");
}

TEST_CASE("ledger header: no requirement column is an error that says what was found", "[ledger][table]") {
  LedgerTable t = ParseLedgerCsv("noreq.csv", "序号,工作任务,责任单位\n1,行政复议,区司法局\n");
  try {
    FindLedgerHeader(t);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == "E-ledger-header");
    CHECK(e.path() == "noreq.csv");
    std::string what = e.what();
    CHECK(DiagnosticOf(e).hint.find("具体要求") != std::string::npos);
    CHECK(what.find("第 1 行认出了：序号, 工作任务, 责任单位") != std::string::npos);
    CHECK(DiagnosticOf(e).hint.find("在第 1 行加一列") == 0);  // where the auditor adds the column
  }
}

TEST_CASE("ledger ids: 序号 cells become stable zero-padded ids", "[ledger][table]") {
  CHECK(LedgerIdFromCell("7") == "007");
  CHECK(LedgerIdFromCell("007") == "007");
  CHECK(LedgerIdFromCell("１２") == "012");
  CHECK(LedgerIdFromCell("12、") == "012");
  CHECK(LedgerIdFromCell("七") == "007");
  CHECK(LedgerIdFromCell("（十二）") == "012");
  CHECK(LedgerIdFromCell("第3项") == "003");
  CHECK(LedgerIdFromCell("2.1") == "2.1");
  CHECK(LedgerIdFromCell("A-3") == "A-3");
  CHECK(LedgerIdFromCell("甲") == "");
  CHECK(LedgerIdFromCell("") == "");
}

TEST_CASE("ledger items: section rows set the category, duplicates and blanks are handled", "[ledger][table]") {
  LedgerTable t = ParseLedgerCsv("s.csv",
                                 "序号,指标,具体要求\n"
                                 "一、依法行政制度体系,,\n"
                                 "1,合法性审核,规范性文件全部经过合法性审核。\n"
                                 "1,备案审查,规范性文件按时报送备案审查。\n"
                                 ",规范性文件清理,\n"
                                 "3,,\n"
                                 "注：本表由区司法局汇总。,,\n");
  LedgerHeader h = FindLedgerHeader(t);
  std::vector<std::string> notes;
  auto items = BuildLedgerItems(t, h, notes);
  REQUIRE(items.size() == 3);
  CHECK(items[0].category == "依法行政制度体系");
  CHECK(items[1].id == "001-2");
  CHECK(items[2].id == "row-005");          // no 序号: the sheet row
  CHECK(items[2].requirement == "规范性文件清理");  // the title stands in for a missing requirement
  std::string all;
  for (const auto& n : notes) all += n + "\n";
  INFO(all);
  CHECK(all.find("第 4 行：编号 `001` 已被前面的行使用，改用 `001-2`") != std::string::npos);
  CHECK(all.find("第 6 行：没有要求或标题文字，跳过") != std::string::npos);
}

TEST_CASE("ledger xlsx: damaged or foreign files are errors, never crashes", "[ledger][table]") {
  TempDir tmp;
  auto write = [&](const std::string& name, const std::string& bytes) {
    fazhi::test::WriteFile(tmp.path() / name, bytes);
    return (tmp.path() / name).string();
  };
  CHECK(ErrorCode([&] { ReadLedgerTable(write("junk.xlsx", "PK\x03\x04 this is not a zip at all")); }) == "E-ledger-xlsx");
  CHECK(ErrorCode([&] { ReadLedgerTable(write("empty.xlsx", "")); }) == "E-ledger-empty");
  CHECK(ErrorCode([&] { ReadLedgerTable(write("old.xls", "\xD0\xCF\x11\xE0 old")); }) == "E-ledger-format");
  CHECK(ErrorCode([&] { ReadLedgerTable((tmp.path() / "missing.csv").string()); }) == "E-ledger-read");
  // a real workbook cut in half
  XlsxSpec spec;
  spec.rows = {{"序号", "具体要求"}, {"1", "规范性文件全部经过合法性审核。"}};
  WriteXlsx(tmp.path() / "whole.xlsx", spec);
  std::string whole = fazhi::test::ReadFile(tmp.path() / "whole.xlsx");
  CHECK(ErrorCode([&] { ReadLedgerTable(write("half.xlsx", whole.substr(0, whole.size() / 2))); }) == "E-ledger-xlsx");
  // a zip without a workbook, and a workbook whose sheet is not XML
  XlsxSpec bad = spec;
  WriteXlsx(tmp.path() / "bad.xlsx", bad);
  {
    int err = 0;
    zip_t* z = zip_open((tmp.path() / "bad.xlsx").c_str(), 0, &err);
    REQUIRE(z);
    const char broken[] = "<worksheet><sheetData><row";
    zip_source_t* src = zip_source_buffer(z, broken, sizeof broken - 1, 0);
    zip_file_add(z, "xl/worksheets/data.xml", src, ZIP_FL_OVERWRITE);
    zip_close(z);
  }
  CHECK(ErrorCode([&] { ReadLedgerTable((tmp.path() / "bad.xlsx").string()); }) == "E-ledger-xlsx");
  {
    int err = 0;
    zip_t* z = zip_open((tmp.path() / "nowb.xlsx").c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    REQUIRE(z);
    const char text[] = "hello";
    zip_file_add(z, "readme.txt", zip_source_buffer(z, text, sizeof text - 1, 0), 0);
    zip_close(z);
  }
  CHECK(ErrorCode([&] { ReadLedgerTable((tmp.path() / "nowb.xlsx").string()); }) == "E-ledger-xlsx");
}

namespace fazhi::test {

// Issue #17 item 4: a 40–48 KB XLSX of merged ranges over the whole table took 103 s or asked for ~60 GB (each merge
// walked every row × 200 columns and copied its value into each cell).
TEST_CASE("ledger xlsx: merged-range bombs stop at the merged-cell budget, quickly", "[ledger][table][hostile]") {
  TempDir tmp;
  XlsxSpec spec;
  spec.shared_strings = true;
  spec.rows.push_back({"序号", "工作任务", "具体要求"});
  for (int r = 0; r < 4000; ++r)
    spec.rows.push_back({std::to_string(r + 1), "任务" + std::to_string(r), "规范性文件全部经过合法性审核。"});
  for (int m = 0; m < 5000; ++m) spec.merges.push_back("B2:GR4001");  // each over 4 000 rows × 199 columns
  WriteXlsx(tmp.path() / "bomb.xlsx", spec);
  auto start = std::chrono::steady_clock::now();
  try {
    ReadLedgerTable((tmp.path() / "bomb.xlsx").string());
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == "E-ledger-limit");
    CHECK_THAT(e.what(), Catch::Contains("max_merged_cells") && Catch::Contains("B2:GR4001"));
  }
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 30);  // ASan build

  // Many small merges within the budget are applied as before; a merge starting on an empty cell costs nothing.
  XlsxSpec ok;
  ok.rows = {{"序号", "一级指标", "具体要求"}};
  for (int r = 0; r < 2000; ++r) ok.rows.push_back({std::to_string(r + 1), r % 2 ? "" : "类别", "要求"});
  for (int r = 2; r <= 2000; r += 2) ok.merges.push_back("B" + std::to_string(r) + ":B" + std::to_string(r + 1));
  for (int m = 0; m < 20000; ++m) ok.merges.push_back("D1:GR5000");  // top-left empty: skipped
  WriteXlsx(tmp.path() / "ok.xlsx", ok);
  LedgerTable t = ReadLedgerTable((tmp.path() / "ok.xlsx").string());
  REQUIRE(t.rows.size() == 2001);
  CHECK(t.rows[2].at(1) == "类别");  // row 3 got row 2's merged value
}

}  // namespace fazhi::test

// Found while seeding the xlsx_table fuzz target (issue #17): a row number near INT_MAX overflowed `r + 1` (UBSan),
// and bytes that are not UTF-8 in a sheet's XML, or a lone surrogate written as _xD800_, reached the cells as they
// were (pugixml does not check UTF-8), though the reader promises UTF-8 cells.
TEST_CASE("ledger xlsx: out-of-range row numbers and invalid UTF-8 in cells", "[ledger][table][hostile]") {
  TempDir tmp;
  XlsxSpec spec;
  spec.shared_strings = false;
  spec.rows = {{"序号"}};
  const auto path = tmp.path() / "rows.xlsx";
  WriteXlsx(path, spec);
  {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), 0, &err);
    REQUIRE(z);
    const char sheet[] =
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        "<row r=\"2147483647\"><c t=\"inlineStr\"><is><t>序号</t></is></c><c t=\"inlineStr\"><is><t>具体要求</t></is>"
        "</c></row><row><c t=\"inlineStr\"><is><t>1</t></is></c><c t=\"inlineStr\"><is><t>规范\xff性文件_xD800_审核"
        "</t></is></c></row><row r=\"99999999999\"><c><v>2</v></c></row></sheetData></worksheet>";
    zip_file_add(z, "xl/worksheets/data.xml", zip_source_buffer(z, sheet, sizeof sheet - 1, 0), ZIP_FL_OVERWRITE);
    REQUIRE(zip_close(z) == 0);
  }
  LedgerTable t = ReadLedgerTable(path.string());
  REQUIRE(t.rows.size() == 3);
  CHECK(t.row_numbers == std::vector<int>{1, 2, 3});  // out-of-range numbers count as missing: the next row
  CHECK(t.rows[1].at(1) == "规范\uFFFD性文件\uFFFD审核");
}
