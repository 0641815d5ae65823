// The 整改台账 in CSV and XLSX: columns, quoting, BOM, formula-injection guard; the XLSX is unzipped with libzip and
// its sheets read back with pugixml (shared strings, cell values on both sheets, frozen header pane).
#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <zip.h>

#include <map>
#include <sstream>

#include "render/ledger.h"
#include "render/renderer.h"
#include "render/sample_report.h"
#include "test_support.h"

namespace fazhi::test {

namespace {

std::string Render(const char* format, const Report& report) {
  std::ostringstream out;
  FindRenderer(format)->render(report, out, RenderOptions{});
  return out.str();
}


// A worksheet as cell reference ("B2") → text, resolving shared strings; also whether the cell holds a formula.
struct Sheet {
  std::map<std::string, std::string> cells;
  bool has_formula = false;
  bool frozen_header = false;
};

Sheet ReadSheet(const std::map<std::string, std::string>& files, const std::string& name) {
  std::vector<std::string> shared;
  pugi::xml_document ss;
  REQUIRE(ss.load_string(files.at("xl/sharedStrings.xml").c_str()));
  for (auto si : ss.child("sst").children("si")) {
    std::string text;
    for (auto t : si.select_nodes(".//t")) text += t.node().text().get();
    shared.push_back(text);
  }
  pugi::xml_document doc;
  REQUIRE(doc.load_string(files.at(name).c_str()));
  Sheet sheet;
  auto ws = doc.child("worksheet");
  auto pane = ws.child("sheetViews").child("sheetView").child("pane");
  sheet.frozen_header = pane && std::string(pane.attribute("state").value()) == "frozen" &&
                        std::string(pane.attribute("ySplit").value()) == "1" &&
                        std::string(pane.attribute("topLeftCell").value()) == "A2";
  for (auto row : ws.child("sheetData").children("row")) {
    for (auto c : row.children("c")) {
      if (c.child("f")) sheet.has_formula = true;
      std::string v = c.child("v").text().get();
      if (std::string(c.attribute("t").value()) == "s") v = shared.at(std::stoul(v));
      if (c.child("v") || c.child("is")) sheet.cells[c.attribute("r").value()] = v;
    }
  }
  return sheet;
}

Report InjectionReport() {
  Report rep = SampleReport();
  RuleResult& r = rep.results[2];  // the critical fail: first ledger row
  RuleInfo& rule = EditRule(r);
  rule.title = "=HYPERLINK(\"http://evil.example\",\"点击\")";
  rule.cite = "+1+1";
  r.message = "-2+3";
  rule.remedy = "@SUM(A1:A9)";
  r.evidence.push_back({EvidenceKind::kSupport, "\t=cmd|' /C calc'!A0", "", 3, 0, 0, 0, {}, "measures", {}});
  return rep;
}

}  // namespace

TEST_CASE("csv ledger is UTF-8 with BOM, CRLF records and RFC 4180 quoting", "[render][csv]") {
  std::string csv = Render("csv", SampleReport());
  REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(csv.find("序号,规则编号,同一要求的其他条目,指标/要求,依据,核查结论,严重程度,问题描述,证据/位置,工作整改,报告补充,"
                 "责任单位,整改时限,状态,复核意见,复核结论\r\n") == 3);
  // Four gaps → header + 4 records; quotes inside a field are doubled, the field quoted.
  CHECK(csv.find("1,report/first-responsible-duty,") != std::string::npos);
  CHECK(csv.find("\"在\"\"存在的不足\"\"部分逐条分析原因") != std::string::npos);
  CHECK(csv.find(",,,待整改,,\r\n") != std::string::npos);
  CHECK(csv.find(",报告未体现,严重,") != std::string::npos);
  CHECK(csv.find(",体现不充分,") != std::string::npos);
  CHECK(csv.find("outline-2015/legal-advisers") == std::string::npos);  // waived: not a gap
  CHECK(csv.find("report/measures-and-results") == std::string::npos);  // pass: not a gap
}

TEST_CASE("csv ledger neutralises formula injection", "[render][csv][security]") {
  std::string csv = Render("csv", InjectionReport());
  CHECK(csv.find(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点击\"\")\",") != std::string::npos);
  CHECK(csv.find(",'+1+1,") != std::string::npos);
  CHECK(csv.find(",'-2+3,") != std::string::npos);
  CHECK(csv.find(",'@SUM(A1:A9),") != std::string::npos);
  CHECK(csv.find(",=") == std::string::npos);
  CHECK(csv.find(",+") == std::string::npos);
  CHECK(csv.find(",@") == std::string::npos);
}

TEST_CASE("SpreadsheetSafe prefixes an apostrophe to formula starts", "[render][security]") {
  CHECK(SpreadsheetSafe("=1+1") == "'=1+1");
  CHECK(SpreadsheetSafe("+1") == "'+1");
  CHECK(SpreadsheetSafe("-1") == "'-1");
  CHECK(SpreadsheetSafe("@x") == "'@x");
  CHECK(SpreadsheetSafe("\t=x") == "'\t=x");
  CHECK(SpreadsheetSafe("\r=x") == "'=x");  // CR is dropped, the apostrophe stays
  CHECK(SpreadsheetSafe("政务公开=1") == "政务公开=1");
  CHECK(SpreadsheetSafe("a\x01" "b\nc") == "ab\nc");
  CHECK(SpreadsheetSafe("") == "");
}

TEST_CASE("xlsx ledger reads back: both sheets, values, frozen header", "[render][xlsx]") {
  std::string bytes = Render("xlsx", SampleReport());
  REQUIRE(bytes.size() > 1000);
  REQUIRE(bytes.rfind("PK", 0) == 0);
  auto files = Unzip(bytes);
  REQUIRE(files.count("xl/worksheets/sheet1.xml"));
  REQUIRE(files.count("xl/worksheets/sheet4.xml"));
  const std::string& workbook = files.at("xl/workbook.xml");
  CHECK(workbook.find("name=\"封面\"") < workbook.find("name=\"整改台账\""));
  CHECK(workbook.find("name=\"整改台账\"") < workbook.find("name=\"已体现\""));
  CHECK(workbook.find("name=\"已体现\"") < workbook.find("name=\"全部结果\""));

  Sheet ledger = ReadSheet(files, "xl/worksheets/sheet2.xml");
  CHECK(ledger.frozen_header);
  CHECK_FALSE(ledger.has_formula);
  CHECK(ledger.cells["A1"] == "序号");
  CHECK(ledger.cells["B1"] == "规则编号");
  CHECK(ledger.cells["C1"] == "同一要求的其他条目");
  CHECK(ledger.cells["D1"] == "指标/要求");
  CHECK(ledger.cells["E1"] == "依据");
  CHECK(ledger.cells["F1"] == "核查结论");
  CHECK(ledger.cells["G1"] == "严重程度");
  CHECK(ledger.cells["H1"] == "问题描述");
  CHECK(ledger.cells["I1"] == "证据/位置");
  CHECK(ledger.cells["J1"] == "工作整改");
  CHECK(ledger.cells["K1"] == "报告补充");
  CHECK(ledger.cells["L1"] == "责任单位");
  CHECK(ledger.cells["M1"] == "整改时限");
  CHECK(ledger.cells["N1"] == "状态");
  CHECK(ledger.cells["O1"] == "复核意见");
  CHECK(ledger.cells["P1"] == "复核结论");
  // Gaps by severity: critical fail, high partial, medium fail; the waived rule is not a gap.
  CHECK(ledger.cells["A2"] == "1");
  CHECK(ledger.cells["B2"] == "report/first-responsible-duty");
  CHECK(ledger.cells["F2"] == "报告未体现");
  CHECK(ledger.cells["G2"] == "严重");
  CHECK(ledger.cells["H2"] == "未找到党政主要负责人履行第一责任人职责的情况");
  CHECK(ledger.cells["I2"] == "报告中未找到相关表述");
  CHECK(ledger.cells["N2"] == "待整改");
  CHECK(ledger.cells.count("L2") == 0);  // 责任单位 left empty to fill in
  CHECK(ledger.cells.count("P2") == 0);  // 复核结论 for the auditor
  CHECK(ledger.cells["B3"] == "report/shortcomings");
  CHECK(ledger.cells["I3"] ==
        "[自述不足] 「法治宣传的针对性、实效性有待加强，基层执法人员素质参差不齐。」（〔二、存在的不足〕第 12 行）");
  CHECK(ledger.cells["B4"] == "outline-2015/administrative-reconsideration");
  CHECK(ledger.cells.count("B5") == 0);

  Sheet all = ReadSheet(files, "xl/worksheets/sheet4.xml");
  CHECK(all.frozen_header);
  CHECK(all.cells["A1"] == "规则编号");
  CHECK(all.cells["E1"] == "结论");
  for (int row = 2; row <= 9; ++row) CHECK(all.cells.count("A" + std::to_string(row)) == 1);  // all 8 results
  CHECK(all.cells.count("A10") == 0);
  CHECK(all.cells["A2"] == "report/measures-and-results");
  CHECK(all.cells["E2"] == "符合");
  CHECK(all.cells["F2"] == "pass");
  CHECK(all.cells["H2"] == "2");  // weight, a number
  CHECK(all.cells["F5"] == "not_checkable");
  CHECK(all.cells["F8"] == "not_applicable");
  CHECK(all.cells["A9"] == "outline-2015/legal-advisers");
  CHECK(all.cells["F9"] == "waived");
  CHECK(all.cells["L9"] == "该项由市司法局统一部署（王某 批准，2021-03-01）（豁免前：不符合）");
}

TEST_CASE("xlsx ledger neutralises formula injection", "[render][xlsx][security]") {
  auto files = Unzip(Render("xlsx", InjectionReport()));
  Sheet ledger = ReadSheet(files, "xl/worksheets/sheet2.xml");
  CHECK_FALSE(ledger.has_formula);
  CHECK(ledger.cells["D2"] == "'=HYPERLINK(\"http://evil.example\",\"点击\")");
  CHECK(ledger.cells["E2"] == "'+1+1");
  CHECK(ledger.cells["H2"] == "'-2+3");
  CHECK(ledger.cells["J2"] == "'@SUM(A1:A9)");
  Sheet all = ReadSheet(files, "xl/worksheets/sheet4.xml");
  CHECK_FALSE(all.has_formula);
  CHECK(all.cells["D4"] == "'=HYPERLINK(\"http://evil.example\",\"点击\")");
}

}  // namespace fazhi::test

namespace fazhi::test {

TEST_CASE("xlsx cuts a cell longer than Excel's limit instead of failing", "[render][xlsx]") {
  Report rep = SampleReport();
  std::string longtext;
  for (int i = 0; i < 40000; ++i) longtext += "法";
  rep.results[2].message = longtext;
  std::string bytes;
  REQUIRE_NOTHROW(bytes = Render("xlsx", rep));
  auto files = Unzip(bytes);
  Sheet ledger = ReadSheet(files, "xl/worksheets/sheet2.xml");
  CHECK(ledger.cells["H2"].size() > 3 * 30000);
  CHECK(ledger.cells["H2"].size() <= 3 * 32767);
}

}  // namespace fazhi::test
