// The files an auditor hands fazhi besides the report (issue #15 item 2): a 台账 without its requirement column or
// with a broken row, a reviewed 台账 without its columns, a bad waiver file and a bad audit profile. Each refusal
// is exit 2 and one diagnostic line naming the file (and line, column or row), in Chinese by default and in
// English with --lang en, with the same code, and the code printed once.
#include <catch2/catch.hpp>

#include <string>

#include "ledger/ledger_fixtures.h"
#include "test_support.h"

using namespace fazhi::test;

namespace {

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string Sample() { return (SourceDir() / "reports" / "samples" / "hongqiao-2020.txt").string(); }

// Runs `args` in Chinese (the default) and with --lang en; both must refuse with exit 2 and print nothing on stdout.
std::pair<std::string, std::string> BothLanguages(std::vector<std::string> args) {
  const RunResult zh = RunFazhi(args);
  args.push_back("--lang");
  args.push_back("en");
  const RunResult en = RunFazhi(args);
  INFO(zh.err << en.err);
  CHECK(zh.exit_code == 2);
  CHECK(en.exit_code == 2);
  CHECK(zh.out.empty());
  CHECK(en.out.empty());
  return {zh.err, en.err};
}

}  // namespace

TEST_CASE("ledger import: a 台账 without a requirement column names the file, what it recognised and where",
          "[e2e][lang][ledger]") {
  TempDir tmp;
  const std::string csv = (tmp.path() / "台账.csv").string();
  WriteFile(csv, "序号,备注\n1,按时完成\n2,已完成\n");
  const std::string out = (tmp.path() / "pack").string();
  const auto [zh, en] = BothLanguages({"ledger", "import", csv, "--pack", "my-ledger", "--out", out});
  CHECK(zh == "fazhi: 错误：" + csv + ": [E-ledger-header] 前 3 行中找不到“要求”列（第 1 行认出了：序号）（在第 1 行加一列"
              "（或把写要求的那一列改名为）具体要求、工作要求、整改措施、requirement 或 measures）\n");
  CHECK(en == "fazhi: error: " + csv + ": [E-ledger-header] no requirement column found in the first 3 rows "
              "(recognised on row 1: 序号) (on row 1, add a column (or rename the one holding the requirements) 具体要求, "
              "工作要求, 整改措施, requirement or measures)\n");
  CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("ledger import: a broken row of a CSV 台账 is named by its line", "[e2e][lang][ledger]") {
  TempDir tmp;
  const std::string csv = (tmp.path() / "q.csv").string();
  WriteFile(csv, "序号,具体要求\n1,规范性文件全部经过合法性审核\n2,\"没有结束的引号\n3,下一行\n");
  const auto [zh, en] = BothLanguages({"ledger", "import", csv, "--pack", "q", "--out", (tmp.path() / "o").string()});
  CHECK(zh.rfind("fazhi: 错误：" + csv + ":3: [E-ledger-csv] 引号不配对：第 3 行开始的带引号单元格一直没有结束（", 0) == 0);
  CHECK(en.rfind("fazhi: error: " + csv + ":3: [E-ledger-csv] unbalanced quotes: the quoted cell that starts on "
                 "line 3 is never closed (",
                 0) == 0);
}

// The merged-range limit used to print its code twice ("[E-ledger-limit] 合并单元格… [E-ledger-limit]").
TEST_CASE("ledger import: a merged-range bomb is refused with its code once, naming the sheet and the range",
          "[e2e][lang][ledger][hostile]") {
  TempDir tmp;
  XlsxSpec spec;
  spec.rows.push_back({"序号", "工作任务", "具体要求"});
  for (int r = 0; r < 1000; ++r)
    spec.rows.push_back({std::to_string(r + 1), "任务" + std::to_string(r), "规范性文件全部经过合法性审核。"});
  for (int m = 0; m < 8; ++m) spec.merges.push_back("B2:GR1001");  // 1 000 rows × 199 columns each: 8 pass 1 000 000
  const std::string xlsx = (tmp.path() / "bomb.xlsx").string();
  WriteXlsx(xlsx, spec);
  const auto [zh, en] = BothLanguages({"ledger", "import", xlsx, "--pack", "b", "--out", (tmp.path() / "o").string()});
  CHECK(Count(zh, "E-ledger-limit") == 1);
  CHECK(Count(en, "E-ledger-limit") == 1);
  CHECK(Count(zh, "\n") == 1);
  CHECK_THAT(zh, Catch::StartsWith("fazhi: 错误：" + xlsx + ": [E-ledger-limit] 工作表“台账”的合并单元格展开后超过限制 "
                                   "max_merged_cells（1000000 个单元格）") &&
                     Catch::Contains("在合并区域 B2:GR1001 处") && Catch::Contains("选中 B2:GR1001，取消单元格合并"));
  CHECK_THAT(en, Catch::StartsWith("fazhi: error: " + xlsx + ": [E-ledger-limit] merged ranges on the sheet `台账` "
                                   "would fill more than max_merged_cells (1000000 cells)") &&
                     Catch::Contains("unmerge the cells"));
}

TEST_CASE("review import: a 台账 without 状态 and 复核结论 names the columns it has", "[e2e][lang][ledger]") {
  TempDir tmp;
  const std::string csv = (tmp.path() / "复核.csv").string();
  WriteFile(csv, "规则编号,处理情况\nreport/causes,已处理\n");
  const auto [zh, en] = BothLanguages({"review", "import", csv, "-o", (tmp.path() / "o").string()});
  CHECK(zh == "fazhi: 错误：" + csv + ": [E-ledger-columns] 表头中既没有“状态”也没有“复核结论”，无法读取豁免和复核结论"
              "（表头是：规则编号、处理情况）（加上“状态”列（待整改、整改中、已整改、申请豁免）或“复核结论”列（同意、误判-应为符合……））\n");
  CHECK(en == "fazhi: error: " + csv + ": [E-ledger-columns] the header has neither `状态` nor `复核结论`, so no "
              "waiver or review can be read (the header: 规则编号、处理情况) (add a `状态` column (待整改, 整改中, 已整改, "
              "申请豁免) or a `复核结论` column (同意, 误判-应为符合, …))\n");
}

TEST_CASE("check --waivers: a bad waiver file names its file, line and column", "[e2e][lang][waivers]") {
  TempDir tmp;
  const std::string w = (tmp.path() / "waivers.yaml").string();
  WriteFile(w, "waivers:\n  - rule: report/causes\n    reasn: 已在专项报告中说明\n    approver: 区司法局\n"
               "    date: 2021-03-01\n");
  const auto [zh, en] = BothLanguages({"check", "--waivers", w, Sample()});
  CHECK(zh == "fazhi: 错误：" + w + ":3:5: [E-waiver] 豁免中不认识的键 `reasn`（您是不是想写 `reason`？）\n");
  CHECK(en == "fazhi: error: " + w + ":3:5: [E-waiver] unknown key `reasn` in a waiver (did you mean `reason`?)\n");

  WriteFile(w, "waivers:\n  - rule: report/causes\n    reason: 已说明\n    approver: 区司法局\n    date: 2021-02-30\n");
  const auto [zh_date, en_date] = BothLanguages({"check", "--waivers", w, Sample()});
  CHECK(zh_date == "fazhi: 错误：" + w + ":5:11: [E-waiver] `date: 2021-02-30` 不是日期（写成年-月-日（YYYY-MM-DD），"
                   "如 date: 2025-03-01）\n");
  CHECK(en_date == "fazhi: error: " + w + ":5:11: [E-waiver] `date: 2021-02-30` is not a date (write "
                   "year-month-day (YYYY-MM-DD), e.g. date: 2025-03-01)\n");
}

TEST_CASE("check --profile: a bad audit profile names its file, line and column", "[e2e][lang][profile]") {
  TempDir tmp;
  const std::string p = (tmp.path() / "profile.yaml").string();
  WriteFile(p, "profile: 2024 年度督察口径\npacks:\n  - pack: outline-2021\n    years: [2025, 2021]\n");
  const auto [zh, en] = BothLanguages({"check", "--profile", p, Sample()});
  CHECK(zh == "fazhi: 错误：" + p + ":4:12: [E-profile] 督察口径文件：`years` 的起年 2025 晚于止年 2021（写成 [起, 止]，"
              "如 [2021, 2025]）\n");
  CHECK(en == "fazhi: error: " + p + ":4:12: [E-profile] audit profile: in `years` the first year 2025 is after "
              "the last 2021 (write [FROM, TO], e.g. [2021, 2025])\n");
}

// A rules folder that does not exist: the loader's refusal is printed like the other file errors, with its code (it
// used to be "PATH: 规则目录不存在" without one).
TEST_CASE("check --rules of a missing folder names the folder with its code, in both languages", "[e2e][lang][rules]") {
  TempDir tmp;
  const std::string missing = (tmp.path() / "没有这个规则目录").string();
  const auto [zh, en] = BothLanguages({"check", "--rules", missing, Sample()});
  CHECK(zh == "fazhi: 错误：" + missing + ": [E-no-rules] 规则目录不存在\n");
  CHECK(en == "fazhi: error: " + missing + ": [E-no-rules] rules directory not found\n");
}
