// The XLSX 整改台账 of the sample read back with openpyxl (tests/render/read_xlsx_ledger.py), as Excel/WPS users and
// `review import` (issue #19) see it: the sheets, the column names, the dropdowns of 状态 and 复核结论, one row per
// requirement under the shipped audit profile (rules/profile.yaml), the cover and the 已体现 sheet.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "ingest/subprocess.h"
#include "test_support.h"

namespace fazhi::test {
namespace {

namespace fs = std::filesystem;

std::string Python() { return DebianPython(); }

nlohmann::json ReadBack(const fs::path& xlsx) {
  ToolResult r = RunTool({Python(), (SourceDir() / "tests" / "render" / "read_xlsx_ledger.py").string(), xlsx.string()},
                         60, 8 << 20);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("xlsx 台账 read back with openpyxl: sheets, columns, dropdowns, one row per requirement, cover",
          "[render][xlsx][ledger][openpyxl]") {
  TempDir dir;
  const std::string sample = (SourceDir() / "reports" / "samples" / "hongqiao-2020.txt").string();
  RunResult run = RunFazhi({"check", "-q", "-f", "xlsx", "-f", "json", "-o", (dir.path() / "out").string(), sample});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  nlohmann::json book = ReadBack(dir.path() / "out" / "hongqiao-2020.xlsx");

  CHECK(book["sheets"] == nlohmann::json({"封面", "整改台账", "已体现", "全部结果"}));
  CHECK(book["active"] == "整改台账");
  CHECK(book["header"] == nlohmann::json({"序号", "规则编号", "同一要求的其他条目", "指标/要求", "依据", "核查结论",
                                          "严重程度", "问题描述", "证据/位置", "工作整改", "报告补充", "责任单位",
                                          "整改时限", "状态", "复核意见", "复核结论"}));

  // Dropdowns: 状态 (column N) and 复核结论 (column P), from the first data row down.
  std::map<std::string, std::string> lists;  // first column letter → formula1
  for (const auto& v : book["validations"]) {
    CHECK(v["type"] == "list");
    CHECK(v["show_error"] == true);
    lists[v["sqref"].get<std::string>().substr(0, 3)] = v["formula1"];
  }
  CHECK(lists["N2:"] == "\"待整改,整改中,已整改,申请豁免\"");
  CHECK(lists["P2:"] == "\"同意,误判-应为符合,误判-应为部分符合,误判-应为不符合,误判-应为不适用\"");

  const auto& rows = book["rows"];
  REQUIRE(rows.size() > 20);
  std::map<std::string, std::size_t> row_of;  // every rule id named by a row → that row
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    INFO("row " << i + 2 << ": " << row.dump());
    CHECK(row[0] == std::to_string(i + 1));
    CHECK((row[5] == "报告未体现" || row[5] == "体现不充分"));
    CHECK(row[9] != "");   // 工作整改
    CHECK(row[10] != "");  // 报告补充
    CHECK(row[11] == "");  // 责任单位: the shipped packs name none
    CHECK(row[13] == "待整改");
    CHECK(row[14] == "");
    CHECK(row[15] == "");
    std::vector<std::string> ids = {row[1].get<std::string>()};
    std::string also = row[2];
    for (std::size_t p = 0; !also.empty();) {
      std::size_t nl = also.find('\n', p);
      ids.push_back(also.substr(p, nl - p));
      if (nl == std::string::npos) break;
      p = nl + 1;
    }
    for (const auto& id : ids) {
      auto [it, fresh] = row_of.emplace(id, i);
      CHECK(fresh);  // no requirement in two rows
    }
  }
  // The equivalences the issue names are never two rows.
  for (auto [a, b] : std::vector<std::pair<std::string, std::string>>{{"duty/report-on-law", "ledger-100/093"},
                                                                        {"outline-2015/13", "ledger-100/024"},
                                                                        {"outline-2015/15", "ledger-100/030"},
                                                                        {"outline-2015/16", "ledger-100/032"},
                                                                        {"outline-2015/16", "ledger-100/033"},
                                                                        {"outline-2015/35", "ledger-100/075"},
                                                                        {"outline-2015/36", "ledger-100/081"}}) {
    INFO(a << " / " << b);
    if (row_of.count(a) && row_of.count(b)) CHECK(row_of[a] == row_of[b]);
  }
  // A 2020 report under the default profile: no outline-2021 row.
  for (const auto& [id, row] : row_of) CHECK(id.rfind("outline-2021/", 0) != 0);

  const auto& cover = book["cover"];
  CHECK(cover["发布主体"][0].get<std::string>().find("红桥区") != std::string::npos);
  CHECK(cover["年度"][0] == "2020");
  // The file as the working folder sees it, never an absolute local path (the 台账 is forwarded).
  const std::string file = cover["文件"][0].get<std::string>();
  CHECK(file.ends_with("hongqiao-2020.txt"));
  CHECK(file.front() != '/');
  CHECK(cover["督察口径"][0].get<std::string>().find("督察口径（默认）") == 0);
  CHECK(cover["核查日期"][0].get<std::string>().size() == 10);
  CHECK(cover["规则包"].size() == 4);  // outline-2021 is not chosen for a 2020 report
  CHECK(book["all_packs"] == nlohmann::json({"duty", "ledger-100", "outline-2015", "report"}));
  CHECK(book["passed_header"][0] == "规则编号");
  CHECK(book["passed_rows"].get<int>() > 10);
}

TEST_CASE("the audit profile folds equivalent requirements and changes no verdict", "[score][profile][openpyxl]") {
  TempDir dir;
  const std::string sample = (SourceDir() / "reports" / "samples" / "hongqiao-2020.txt").string();
  RunResult with = RunFazhi({"check", "-f", "json", sample});
  RunResult without = RunFazhi({"check", "-f", "json", "--profile", "none", sample});
  REQUIRE(with.exit_code == 0);
  REQUIRE(without.exit_code == 0);
  auto a = nlohmann::json::parse(with.out), b = nlohmann::json::parse(without.out);
  REQUIRE(a["results"].size() == b["results"].size());
  CHECK(a["profile"]["name"].get<std::string>().find("督察口径（默认）") == 0);
  CHECK_FALSE(b.contains("profile"));
  int folded = 0;
  for (std::size_t i = 0; i < a["results"].size(); ++i) {
    const auto& x = a["results"][i];
    const auto& y = b["results"][i];
    INFO(x["rule"]);
    CHECK(x["verdict"] == y["verdict"]);  // the profile decides rows and weights, never a verdict
    CHECK(x["message"] == y["message"]);
    if (x.contains("same_as")) {
      ++folded;
      CHECK(x["weight"] == 0);
    } else {
      CHECK(x["weight"] == y["weight"]);
    }
  }
  CHECK(folded >= 5);
  CHECK(a["score"]["total"] != nullptr);
}

// Issue #15's first silent failure: `fazhi check 报告 -o 结果.xlsx`, the first thing an auditor types, once wrote the
// terminal text into 结果.xlsx. Without --format, the extension chooses the format: openpyxl opens a workbook whose
// 全部结果 sheet has one row per result of the same check as JSON, and 整改台账 one per gap requirement.
TEST_CASE("check -o 结果.xlsx without --format writes a workbook openpyxl reads", "[render][xlsx][openpyxl][outputs]") {
  TempDir dir;
  const std::string sample = (SourceDir() / "reports" / "samples" / "hongqiao-2020.txt").string();
  const fs::path xlsx = dir.path() / "结果.xlsx";
  RunResult run = RunFazhi({"check", sample, "-o", xlsx.string()});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.empty());  // nothing on the terminal: the report went into the file
  nlohmann::json book = ReadBack(xlsx);
  CHECK(book["sheets"] == nlohmann::json({"封面", "整改台账", "已体现", "全部结果"}));
  RunResult json = RunFazhi({"check", "-q", "-f", "json", sample});
  REQUIRE(json.exit_code == 0);
  const auto results = nlohmann::json::parse(json.out)["results"];
  REQUIRE(results.size() > 20);
  // 全部结果 lists the packs the audit profile chose for the report (outline-2021, all not applicable to a 2020
  // report, is not one), each result once.
  std::set<std::string> applicable;
  for (const auto& r : results)
    if (r["verdict"] != "not_applicable") applicable.insert(r["pack"].get<std::string>());
  CHECK(book["all_packs"] == nlohmann::json(applicable));
  std::size_t in_chosen = 0;
  for (const auto& r : results) in_chosen += applicable.count(r["pack"].get<std::string>());
  CHECK(book["all_rows"].get<std::size_t>() == in_chosen);
  CHECK(book["rows"].size() > 0);
  CHECK(book["rows"].size() < results.size());  // only the gaps, equivalent requirements folded
}

}  // namespace fazhi::test
