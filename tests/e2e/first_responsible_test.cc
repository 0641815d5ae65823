// Deleting the first-responsible passages from the sample turns report/first-responsible-duty and the duty rules
// to fail and changes nothing unrelated (only leadership rules may move).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace fazhi::test;

namespace {
void Erase(std::string& text, const std::string& what) {
  auto pos = text.find(what);
  REQUIRE(pos != std::string::npos);
  text.erase(pos, what.size());
}

std::map<std::string, nlohmann::json> Results(const std::string& path) {
  auto r = RunFazhi({"check", "--format", "json", path});
  REQUIRE(r.exit_code == 0);
  std::map<std::string, nlohmann::json> out;
  const auto report = nlohmann::json::parse(r.out);
  for (const auto& row : report["results"]) out[row["rule"]] = row;
  return out;
}
}  // namespace

TEST_CASE("deleting the first-responsible passages fails the duty and nothing unrelated", "[e2e][rules]") {
  std::string text = ReadFile(SourceDir() / "reports" / "samples" / "hongqiao-2020.txt");
  // The subsection on the principal leaders' duty, from its heading to the next subsection.
  auto begin = text.find("(一)加强组织领导,落实第一责任");
  auto end = text.find("(二)加大督查督办");
  REQUIRE(begin != std::string::npos);
  REQUIRE(end > begin);
  text.erase(begin, end - begin);
  // The other sentences that say what the principal leaders did, and the preamble's duty phrase.
  Erase(text, "严格落实党政主要负责人履行推进法治建设第一责任人职责,");
  Erase(text, "区委、区政府主要负责同志多次专题研究法治政府建设集中攻坚任务落实情况,全力推动相关任务落实。");
  Erase(text, "区委副书记、区长何智能8个单位主要负责同志进行约谈,");
  TempDir tmp;
  WriteFile(tmp.path() / "without.txt", text);

  auto before = Results((SourceDir() / "reports" / "samples" / "hongqiao-2020.txt").string());
  auto after = Results((tmp.path() / "without.txt").string());
  REQUIRE(before.size() == after.size());
  CHECK(before["report/first-responsible-duty"]["verdict"] == "pass");
  CHECK(after["report/first-responsible-duty"]["verdict"] == "fail");
  int duty_failed = 0;
  for (const auto& [rule, row] : after) {
    const std::string was = before[rule]["verdict"], now = row["verdict"];
    if (rule.rfind("duty/", 0) == 0) {
      CHECK(now != "pass");
      duty_failed += now == "fail";
      continue;
    }
    if (was == now) continue;
    // Only rules about leadership may change.
    bool related = rule == "report/first-responsible-duty" || rule == "outline-2015/org-1" ||
                   rule == "outline-2015/org-2" || row["category"] == "法治政府建设组织领导落实到位";
    INFO(rule << ": " << was << " -> " << now);
    CHECK(related);
  }
  CHECK(duty_failed >= 3);
  // The other report-structure rules are untouched.
  for (const char* id : {"report/measures-and-results", "report/shortcomings", "report/causes",
                         "report/next-year-plan", "report/published-by-april-1"})
    CHECK(before[id]["verdict"] == after[id]["verdict"]);
}
