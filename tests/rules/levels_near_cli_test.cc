// The CLI on the level and proximity parts of the rule language: a department report skips the government-only
// packs and rules with a Chinese reason naming the levels; `rules explain` shows a split compound (all + near) and
// the sentence it matched.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace fazhi::test;

namespace {
const std::string kSample = "reports/samples/hongqiao-2020.txt";

std::string VerdictIn(const nlohmann::json& j, const std::string& rule, std::string* message = nullptr) {
  for (const auto& row : j["results"])
    if (row["rule"] == rule) {
      if (message) *message = row["message"];
      return row["verdict"];
    }
  return "missing";
}
}  // namespace

TEST_CASE("check --level: department and township reports skip government-only packs and rules", "[e2e][levels]") {
  auto gov = RunFazhi({"check", "--format", "json", "--year", "2020", "--level", "district", kSample});
  REQUIRE(gov.exit_code == 0);
  auto g = nlohmann::json::parse(gov.out);
  CHECK(VerdictIn(g, "ledger-100/041") != "not_applicable");
  for (const char* level : {"department", "township", "other"}) {
    INFO(level);
    auto r = RunFazhi({"check", "--format", "json", "--year", "2020", "--level", level, kSample});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto j = nlohmann::json::parse(r.out);
    std::string message;
    CHECK(VerdictIn(j, "ledger-100/041", &message) == "not_applicable");
    CHECK(message.find("本规则包只适用于市级、区级、县级报告主体") == 0);
    // outline-2015 第9项 (government legislation) is province/city only; the sample describes no such drafting.
    CHECK(VerdictIn(j, "outline-2015/9", &message) == "not_applicable");
    CHECK(message.find("省级、市级") != std::string::npos);
    // Duties apply at every level: a department's head has them too.
    CHECK(VerdictIn(j, "duty/court-appearance") != "not_applicable");
    CHECK(VerdictIn(j, "report/causes") != "not_applicable");
  }
  auto bad = RunFazhi({"check", "--level", "bureau", kSample});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("department") != std::string::npos);
  CHECK(bad.err.find("other") != std::string::npos);
}

TEST_CASE("rules explain shows a split compound with its distance and the sentence it matched", "[e2e][near]") {
  TempDir dir;
  auto report = dir.path() / "report.txt";
  WriteFile(report,
            "某区人民政府关于2023年度法治政府建设情况的报告\n一、2023年主要工作\n"
            "健全行政执法与刑事司法衔接机制。全年向公安机关移送涉嫌环境犯罪案件9件。\n"
            "二、存在的问题\n执法力量不足。\n三、2024年工作安排\n加强执法队伍建设。\n");
  auto r = RunFazhi({"rules", "explain", "outline-2021/5.1", report.string()});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("且 15 字内有（all）：[") != std::string::npos);
  CHECK(r.out.find("任一词（any）：[移送, 移交]") != std::string::npos);
  CHECK(r.out.find("全年向公安机关移送涉嫌环境犯罪案件9件。") != std::string::npos);
  CHECK(r.out.find("：符合（pass）") != std::string::npos);
  CHECK(r.out.find("计入的句子") != std::string::npos);
}
