// Through the CLI: --fail-under / --fail-on exit codes, --waivers, and several --format outputs into one folder.
// Uses a three-rule pack written to a temp dir (--no-shipped-rules), so it does not depend on the shipped packs.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "test_support.h"

namespace fazhi::test {

namespace {

// One pass (high), two fails (medium, low); flat model → score 1 / 3 = 33.3.
struct GateFixture {
  TempDir tmp;
  std::string rules, report;
  GateFixture() {
    rules = (tmp.path() / "rules").string();
    WriteFile(tmp.path() / "rules" / "gate" / "pack.yaml",
              "pack: gate\ntitle: 门禁测试\nversion: \"1.0\"\nscoring:\n  model: flat\n");
    WriteFile(tmp.path() / "rules" / "gate" / "rules.yaml", R"(rules:
  - id: found
    title: 主要举措
    cite: 测试依据第一条
    category: 内容
    severity: high
    check:
      pass:
        mention: {any: [主要举措]}
    message: 未写主要举措
    remedy: 补写主要举措
  - id: missing-medium
    title: 量子纠缠审查
    cite: 测试依据第二条
    category: 内容
    severity: medium
    check:
      pass:
        mention: {any: [量子纠缠]}
    message: 未提及量子纠缠审查
    remedy: 补写量子纠缠审查
  - id: missing-low
    title: 星际航行备案
    cite: 测试依据第三条
    category: 内容
    severity: low
    check:
      pass:
        mention: {any: [星际航行]}
    message: 未提及星际航行备案
    remedy: 补写星际航行备案
)");
    report = (tmp.path() / "gate-2020.txt").string();
    WriteFile(report,
              "某区2020年法治政府建设年度报告\n\n一、主要举措和成效\n\n2020年，区政府围绕主要举措开展工作，"
              "制定规范性文件12件，办理行政复议案件30件。\n\n二、存在的不足\n\n法治宣传有待加强。\n");
  }
  std::vector<std::string> Args(std::vector<std::string> extra) const {
    std::vector<std::string> args = {"check", "--no-shipped-rules", "--rules", rules, "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(report);
    return args;
  }
};

}  // namespace

TEST_CASE("gating: no flags exits 0, the check ran", "[cli][gate]") {
  GateFixture fx;
  auto r = RunFazhi(fx.Args({"--format", "json"}));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["score"]["total"] == Approx(33.3));
  CHECK(j["results"].size() == 3);
}

TEST_CASE("gating: --fail-under compares the total score", "[cli][gate]") {
  GateFixture fx;
  CHECK(RunFazhi(fx.Args({"--format", "json", "--fail-under", "30"})).exit_code == 0);
  auto r = RunFazhi(fx.Args({"--format", "json", "--fail-under", "40"}));
  CHECK(r.exit_code == 1);
  CHECK_FALSE(r.out.empty());  // the report is still written
  CHECK(RunFazhi(fx.Args({"--fail-under", "abc"})).exit_code == 2);
}

TEST_CASE("gating: --fail-on trips on a failing rule of that severity or higher", "[cli][gate]") {
  GateFixture fx;
  CHECK(RunFazhi(fx.Args({"--format", "json", "--fail-on", "critical"})).exit_code == 0);
  CHECK(RunFazhi(fx.Args({"--format", "json", "--fail-on", "high"})).exit_code == 0);
  CHECK(RunFazhi(fx.Args({"--format", "json", "--fail-on", "medium"})).exit_code == 1);
  CHECK(RunFazhi(fx.Args({"--format", "json", "--fail-on", "low"})).exit_code == 1);
  auto bad = RunFazhi(fx.Args({"--format", "json", "--fail-on", "severe"}));
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--fail-on") != std::string::npos);
}

TEST_CASE("waivers through the CLI: applied, re-scored, and --fail-on respects them", "[cli][waivers]") {
  GateFixture fx;
  auto waivers = fx.tmp.path() / "waivers.yaml";
  WriteFile(waivers, "waivers:\n  - rule: gate/missing-medium\n    reason: 本区无此职能\n    approver: 张三\n"
                     "    date: 2021-03-01\n  - rule: gate/missing-mediun\n    reason: typo\n    approver: 张三\n"
                     "    date: 2021-03-01\n");
  auto r = RunFazhi({"check", "--no-shipped-rules", "--rules", fx.rules, "--format", "json", "--waivers",
                     waivers.string(), "--fail-on", "medium", fx.report});
  INFO(r.err);
  CHECK(r.exit_code == 0);  // the medium fail is waived
  auto j = nlohmann::json::parse(r.out);
  // flat: with the waiver 1 / 2 = 50; without 1 / 3 = 33.3
  CHECK(j["score"]["total"] == Approx(50.0));
  CHECK(j["score"]["total_unwaived"] == Approx(33.3));
  bool waived = false;
  for (const auto& res : j["results"])
    if (res["rule"] == "gate/missing-medium") {
      waived = res["verdict"] == "waived" && res["unwaived_verdict"] == "fail" &&
               res["waiver"].get<std::string>().find("本区无此职能") == 0;
    }
  CHECK(waived);
  CHECK(r.err.find("waivers.yaml:6: [W-waiver-unknown-rule]") != std::string::npos);
  CHECK(r.err.find("您是不是想写 `gate/missing-medium`？") != std::string::npos);
}

TEST_CASE("a malformed waiver file exits 2 naming the file", "[cli][waivers]") {
  GateFixture fx;
  auto waivers = fx.tmp.path() / "bad-waivers.yaml";
  WriteFile(waivers, "waivers:\n  - rule: gate/found\n    reason: x\n");
  auto r = RunFazhi(fx.Args({"--format", "json", "--waivers", waivers.string()}));
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("bad-waivers.yaml:2:5: [E-waiver] 豁免缺少 `approver`") != std::string::npos);
  auto missing = RunFazhi(fx.Args({"--waivers", (fx.tmp.path() / "nope.yaml").string()}));
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("nope.yaml") != std::string::npos);
}

TEST_CASE("repeated --format with --output DIR writes one file per format, named after the input", "[cli][render]") {
  GateFixture fx;
  auto out = fx.tmp.path() / "out";
  auto r = RunFazhi(fx.Args({"-f", "text", "-f", "json", "-f", "jsonl", "-f", "md", "-f", "html", "-f", "csv", "-f",
                             "xlsx", "--output", out.string()}));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  for (const char* ext : {"txt", "json", "jsonl", "md", "html", "csv", "xlsx"}) {
    INFO(ext);
    CHECK(std::filesystem::file_size(out / (std::string("gate-2020.") + ext)) > 100);
  }
  CHECK(ReadFile(out / "gate-2020.xlsx").rfind("PK\x03\x04", 0) == 0);
  CHECK(ReadFile(out / "gate-2020.csv").rfind("\xEF\xBB\xBF序号,", 0) == 0);
  CHECK(nlohmann::json::parse(ReadFile(out / "gate-2020.json"))["schema"] == "fazhi.check/1");
  CHECK(ReadFile(out / "gate-2020.html").find("量子纠缠审查") != std::string::npos);
}

TEST_CASE("jsonl writes one line per input for a batch", "[cli][render]") {
  GateFixture fx;
  auto second = fx.tmp.path() / "second-2020.txt";
  WriteFile(second, ReadFile(fx.report));
  auto r = RunFazhi({"check", "--no-shipped-rules", "--rules", fx.rules, "-q", "-f", "jsonl", fx.report,
                     second.string()});
  REQUIRE(r.exit_code == 0);
  std::istringstream lines(r.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    CHECK(nlohmann::json::parse(line)["schema"] == "fazhi.check/1");
    ++n;
  }
  CHECK(n == 2);
}

}  // namespace fazhi::test
