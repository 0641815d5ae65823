// Loading the shipped packs, overriding and extending them from a user folder, and live editing: the same
// binary gives different verdicts after a rule file changes (no recompiling).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "rules/rule_set.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace fazhi::test;

namespace {
std::string VerdictIn(const std::string& json_text, const std::string& rule) {
  auto j = nlohmann::json::parse(json_text);
  for (const auto& r : j["results"])
    if (r["rule"] == rule) return r["verdict"];
  return "missing";
}

const char* kReport = "某县人民政府关于2022年度法治政府建设情况的报告\n一、主要工作情况\n"
                      "全年审核规范性文件12件，聘请法律顾问8名。\n二、存在的问题\n行政复议纠错率偏高。\n"
                      "三、下一步工作安排\n加强执法监督。\n特此报告。\n某县人民政府\n2023年3月1日\n";
}  // namespace

TEST_CASE("the shipped rules load without errors", "[rules][loader]") {
  fazhi::Diagnostics d;
  fazhi::LoadOptions opts;
  opts.dirs = {(SourceDir() / "rules").string()};
  auto set = fazhi::LoadRuleSet(opts, d);
  for (const auto& x : d) INFO(fazhi::FormatDiagnostic(x));
  CHECK_FALSE(fazhi::HasErrors(d));
  REQUIRE(set->Find("report/causes") != nullptr);
  CHECK(set->matcher().size() > 50);
}

TEST_CASE("live editing: a changed term list changes the verdict without recompiling", "[rules][loader][e2e]") {
  TempDir tmp;
  fs::copy(SourceDir() / "rules", tmp.path() / "rules", fs::copy_options::recursive);
  WriteFile(tmp.path() / "report.txt", kReport);
  std::string rules = (tmp.path() / "rules").string(), report = (tmp.path() / "report.txt").string();
  // A new pack with one rule: it fails on this report.
  WriteFile(tmp.path() / "rules" / "local" / "pack.yaml", "pack: local\ntitle: 本地台账\nversion: 0.1.0\n");
  WriteFile(tmp.path() / "rules" / "local" / "items.yaml",
            "rules:\n  - id: advisers\n    title: 法律顾问\n    cite: 本地台账第1项\n    check:\n"
            "      mention: {any: [公职律师], concrete: true}\n");
  auto before = RunFazhi({"check", "--format", "json", "--no-shipped-rules", "--rules", rules, report});
  REQUIRE(before.exit_code == 0);
  CHECK(VerdictIn(before.out, "local/advisers") == "fail");
  // The auditor adds a term: the same binary now passes it.
  WriteFile(tmp.path() / "rules" / "local" / "items.yaml",
            "rules:\n  - id: advisers\n    title: 法律顾问\n    cite: 本地台账第1项\n    check:\n"
            "      mention: {any: [公职律师, 法律顾问], concrete: true}\n");
  auto after = RunFazhi({"check", "--format", "json", "--no-shipped-rules", "--rules", rules, report});
  REQUIRE(after.exit_code == 0);
  CHECK(VerdictIn(after.out, "local/advisers") == "pass");
}

TEST_CASE("a user folder overrides a shipped rule of the same id, with a notice", "[rules][loader][e2e]") {
  TempDir tmp;
  WriteFile(tmp.path() / "report.txt", kReport);
  WriteFile(tmp.path() / "mine" / "report" / "pack.yaml", "pack: report\ntitle: 本地修改\nversion: 9.0.0\n");
  // Override report/causes with a rule that a report naming 纠错率 among its problems passes.
  WriteFile(tmp.path() / "mine" / "report" / "causes.yaml",
            "rules:\n  - id: causes\n    title: 本地原因分析\n    cite: 本地\n    check:\n"
            "      mention: {any: [纠错率], in: [shortcomings], negation: false}\n");
  auto shipped = RunFazhi({"check", "--format", "json", (tmp.path() / "report.txt").string()});
  auto mine = RunFazhi({"check", "--format", "json", "-v", "--rules", (tmp.path() / "mine").string(),
                        (tmp.path() / "report.txt").string()});
  REQUIRE(shipped.exit_code == 0);
  REQUIRE(mine.exit_code == 0);
  CHECK(VerdictIn(shipped.out, "report/causes") == "fail");
  CHECK(VerdictIn(mine.out, "report/causes") == "pass");
  CHECK(mine.err.find("N-rule-override") != std::string::npos);  // 规则 `report/causes` 覆盖了 … 中的同名规则
  // The other shipped rules are still there.
  CHECK(VerdictIn(mine.out, "report/next-year-plan") != "missing");
}

TEST_CASE("rules test fails when an example is deliberately wrong", "[rules][e2e]") {
  TempDir tmp;
  fs::copy(SourceDir() / "rules" / "report", tmp.path() / "report", fs::copy_options::recursive);
  auto ok = RunFazhi({"rules", "test", tmp.path().string()});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("，失败 0 项") != std::string::npos);
  const fs::path file = tmp.path() / "report" / "rules.yaml";
  std::string text = ReadFile(file);
  // Flip the first `expect: fail` into `expect: pass`; the line `rules test` names is its example's `- text:`, the
  // rule the last `- id:` before it.
  auto pos = text.find("expect: fail");
  REQUIRE(pos != std::string::npos);
  text.replace(pos, 12, "expect: pass");
  WriteFile(file, text);
  const auto example = text.rfind("- text:", pos);
  const auto id_at = text.rfind("- id: ", pos) + 6;
  REQUIRE(example != std::string::npos);
  const std::string rule = "report/" + text.substr(id_at, text.find('\n', id_at) - id_at);
  const std::string where = file.string() + ":" + std::to_string(std::count(text.begin(), text.begin() + example, '\n') + 1);
  // Chinese by default: the verdicts with the names a rule file uses; the other rules each get one 通过 line.
  auto bad = RunFazhi({"rules", "test", tmp.path().string()});
  CHECK(bad.exit_code == 1);
  INFO(bad.out);
  CHECK(bad.out.find("失败 " + rule + "（" + where + "）：期望 符合（pass），实际 不符合（fail） — ") != std::string::npos);
  CHECK(bad.out.find("通过 report/causes（") != std::string::npos);
  CHECK(bad.out.find("，失败 1 项") != std::string::npos);
  CHECK(bad.out.find("FAIL") == std::string::npos);
  CHECK(bad.out.find("examples") == std::string::npos);
  // English with --lang en.
  auto en = RunFazhi({"rules", "test", "--lang", "en", tmp.path().string()});
  CHECK(en.exit_code == 1);
  CHECK(en.out.find("FAIL " + rule + " (" + where + "): expected pass, got fail — ") != std::string::npos);
  CHECK(en.out.find("ok   report/causes (") != std::string::npos);
  CHECK(en.out.find("1 failed") != std::string::npos);
  CHECK(en.out.find("通过") == std::string::npos);
}

TEST_CASE("rules test checks fixture reports and fails on a wrong expectation", "[rules][e2e]") {
  TempDir tmp;
  fs::copy(SourceDir() / "rules" / "report", tmp.path() / "report", fs::copy_options::recursive);
  auto ok = RunFazhi({"rules", "test", tmp.path().string()});
  CHECK(ok.exit_code == 0);
  std::string pack = ReadFile(tmp.path() / "report" / "pack.yaml");
  auto pos = pack.find("      causes: pass");
  REQUIRE(pos != std::string::npos);
  pack.replace(pos, 18, "      causes: fail");
  WriteFile(tmp.path() / "report" / "pack.yaml", pack);
  auto bad = RunFazhi({"rules", "test", tmp.path().string()});
  CHECK(bad.exit_code == 1);
  INFO(bad.out);
  CHECK(bad.out.find("失败 report/causes（样例报告 ") != std::string::npos);
  CHECK(bad.out.find("）：期望 不符合（fail），实际 符合（pass）\n") != std::string::npos);
  CHECK(bad.out.find("，失败 1 项") != std::string::npos);
  auto en = RunFazhi({"--lang", "en", "rules", "test", tmp.path().string()});
  CHECK(en.exit_code == 1);
  CHECK(en.out.find("FAIL report/causes (fixture ") != std::string::npos);
  CHECK(en.out.find("): expected fail, got pass\n") != std::string::npos);
}

// `rules list` in the user's language: the pack line and each rule's severity (中, not medium) by default, the
// English names with --lang en; the columns stay aligned (one CJK character is two terminal columns).
TEST_CASE("rules list speaks Chinese by default and English with --lang en", "[rules][e2e][lang]") {
  auto zh = RunFazhi({"rules", "list", "--pack", "report"});
  INFO(zh.out << zh.err);
  REQUIRE(zh.exit_code == 0);
  const std::string pack = ReadFile(SourceDir() / "rules" / "report" / "pack.yaml");
  const auto at = pack.find("\nversion: ") + 10;
  const std::string version = pack.substr(at, pack.find('\n', at) - at);
  CHECK(zh.out.rfind("report  ", 0) == 0);
  CHECK(zh.out.find("（v" + version + "，") != std::string::npos);
  CHECK(zh.out.find(" 条规则）\n") != std::string::npos);
  CHECK(zh.out.find("  report/causes                      中   ") != std::string::npos);
  CHECK(zh.out.find("  report/first-responsible-duty      严重 ") != std::string::npos);
  CHECK(zh.out.find("medium") == std::string::npos);
  CHECK(zh.out.find("rules)") == std::string::npos);
  auto en = RunFazhi({"rules", "list", "--pack", "report", "--lang", "en"});
  REQUIRE(en.exit_code == 0);
  CHECK(en.out.find("  (v" + version + ", ") != std::string::npos);
  CHECK(en.out.find("  report/causes                      medium   ") != std::string::npos);
  CHECK(en.out.find("  report/first-responsible-duty      critical ") != std::string::npos);
}
