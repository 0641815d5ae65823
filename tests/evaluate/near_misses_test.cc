// Near misses (issue #15 item 4): for a fail or partial, the sentences that held the rule's terms and did not count —
// each with its reason (a `none` word, the part, a negation or plan cue, not concrete), the other rule that counted
// it, and what it would need — in `rules explain` and, at most three per result, in `check --format json`.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace fazhi::test;

namespace {

// A made-up report: the training sentence is about enforcement staff (another rule's requirement), one sentence is
// generic, one sits among the shortcomings, one is a plan, and the advisers are not yet engaged.
const char* kReport =
    "某市人民政府关于2022年度法治政府建设情况的报告\n"
    "一、主要工作情况\n"
    "组织全市执法人员开展法治培训3期，培训执法人员600人次。\n"
    "法治培训工作不断加强。\n"
    "全市尚未聘请法律顾问。\n"
    "二、存在的问题\n"
    "领导干部法治培训还不够系统。\n"
    "三、下一步工作安排\n"
    "举办领导干部法治讲座2次。\n"
    "特此报告。\n";

const char* kPack = "pack: t\ntitle: 测试包\nversion: 1.0.0\n";
const char* kRules =
    "rules:\n"
    "  - id: train\n    title: 领导干部法治培训\n    cite: 纲要\n    check:\n"
    "      mention:\n        any: [法治培训, 法治讲座]\n        concrete: true\n        none: [执法人员]\n"
    "  - id: enforce\n    title: 执法人员培训\n    cite: 纲要\n    check:\n"
    "      mention: {all: [[执法人员], [培训]]}\n"
    "  - id: advisers\n    title: 法律顾问\n    cite: 纲要\n    check:\n"
    "      mention: {any: [法律顾问]}\n";

struct Setup {
  TempDir tmp;
  std::string rules, report;
  Setup() {
    WriteFile(tmp.path() / "rules" / "t" / "pack.yaml", kPack);
    WriteFile(tmp.path() / "rules" / "t" / "rules.yaml", kRules);
    WriteFile(tmp.path() / "report.txt", kReport);
    rules = (tmp.path() / "rules").string();
    report = (tmp.path() / "report.txt").string();
  }
};

}  // namespace

TEST_CASE("rules explain names each candidate sentence, why it did not count and what it would need",
          "[evaluate][near_misses][e2e]") {
  Setup s;
  auto r = RunFazhi({"rules", "explain", "--no-shipped-rules", "--rules", s.rules, "t/train", s.report});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const std::string& out = r.out;
  CHECK(out.find("部分符合（partial）") != std::string::npos);
  CHECK(out.find("计入的句子") != std::string::npos);
  CHECK(out.find("考虑过但未计入的句子（4 句）") != std::string::npos);
  // The enforcement-training sentence: the none word, and the rule that counted it.
  auto at = out.find("第 3 行（一、主要工作情况）\n      组织全市执法人员开展法治培训3期");
  REQUIRE(at != std::string::npos);
  std::string block = out.substr(at, out.find("第 ", at + 10) - at);
  CHECK(block.find("排除词“执法人员”（none）") != std::string::npos);
  CHECK(block.find("这句计入了另一条规则：t/enforce「执法人员培训」（符合）") != std::string::npos);
  CHECK(block.find("要计入本规则：") != std::string::npos);
  // The shortcoming and the plan: named parts. The generic sentence: what concreteness lacked.
  CHECK(out.find("位于“存在的问题”部分") != std::string::npos);
  CHECK(out.find("位于“下一步工作安排（下一步安排）”部分") != std::string::npos);
  CHECK(out.find("没有文件名称（《…》）、数字或具体措施 [not_concrete]") != std::string::npos);
  // Line numbers are check's.
  CHECK(out.find("第 7 行（二、存在的问题）") != std::string::npos);

  auto fail = RunFazhi({"rules", "explain", "--no-shipped-rules", "--rules", s.rules, "t/advisers", s.report});
  REQUIRE(fail.exit_code == 0);
  CHECK(fail.out.find("不符合（fail）") != std::string::npos);
  CHECK(fail.out.find("第 5 行") != std::string::npos);
  CHECK(fail.out.find("否定或待改进的表述“尚未”") != std::string::npos);

  auto pass = RunFazhi({"rules", "explain", "--no-shipped-rules", "--rules", s.rules, "t/enforce", s.report});
  REQUIRE(pass.exit_code == 0);
  CHECK(pass.out.find("符合（pass）") != std::string::npos);
  CHECK(pass.out.find("未计入") == std::string::npos);  // a pass has no near misses to show
  // English with --lang en: the frame is English; the reasons, like every gap-report text, stay Chinese.
  auto en = RunFazhi({"rules", "explain", "--lang", "en", "--no-shipped-rules", "--rules", s.rules, "t/train", s.report});
  INFO(en.out);
  REQUIRE(en.exit_code == 0);
  CHECK(en.out.find(": partial (部分符合) — ") != std::string::npos);
  CHECK(en.out.find("  sentences considered that did not count (4):\n") != std::string::npos);
  auto en_at = en.out.find("    line 3 (一、主要工作情况)\n      组织全市执法人员开展法治培训3期");
  REQUIRE(en_at != std::string::npos);
  std::string en_block = en.out.substr(en_at, en.out.find("    line ", en_at + 10) - en_at);
  CHECK(en_block.find("      not counted: 句中有排除词“执法人员”（none）") != std::string::npos);
  CHECK(en_block.find("[none_term]\n") != std::string::npos);
  CHECK(en_block.find("      this sentence counted for another rule: t/enforce「执法人员培训」（符合）\n") != std::string::npos);
  CHECK(en_block.find("      to count for this rule: ") != std::string::npos);
  CHECK(en.out.find("第 ") == std::string::npos);
  CHECK(en.out.find("未计入：") == std::string::npos);
}

TEST_CASE("check --format json carries at most three near misses per gap, strongest first",
          "[evaluate][near_misses][e2e]") {
  Setup s;
  auto r = RunFazhi({"check", "--format", "json", "--no-shipped-rules", "--rules", s.rules, s.report});
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  std::map<std::string, nlohmann::json> by_rule;
  for (const auto& row : j["results"]) by_rule[row["rule"]] = row;
  const auto& train = by_rule.at("t/train");
  CHECK(train["verdict"] == "partial");
  REQUIRE(train["near_misses"].size() == 3);
  const auto& first = train["near_misses"][0];
  CHECK(first["reason_code"] == "none_term");
  CHECK(first["line"] == 3);
  CHECK(first["section"] == "一、主要工作情况");
  CHECK(first["quote"].get<std::string>().rfind("组织全市执法人员开展法治培训3期", 0) == 0);
  CHECK(first["counted_for"].get<std::string>().rfind("t/enforce", 0) == 0);
  CHECK(first["reason"].get<std::string>().find("执法人员") != std::string::npos);
  CHECK_FALSE(first["need"].get<std::string>().empty());
  CHECK(train["near_misses"][1]["reason_code"] == "excluded_part");
  CHECK(train["near_misses"][2]["reason_code"] == "excluded_part");
  CHECK(by_rule.at("t/advisers")["near_misses"][0]["reason_code"] == "negated");
  CHECK_FALSE(by_rule.at("t/enforce").contains("near_misses"));  // a pass has none
  // The text report is the same as before: no near misses collected or shown.
  auto text = RunFazhi({"check", "--no-shipped-rules", "--rules", s.rules, s.report});
  CHECK(text.out.find("未计入") == std::string::npos);
}
