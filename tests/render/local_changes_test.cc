// Traceability of local changes (issue #15 item 5): a pack changed through --rules says so in every output
// (terminal, Markdown, HTML, JSON rulesets[].overrides, the XLSX overview sheet) and its digest changes; a pack
// marked `draft: true` puts "草稿规则包，未经审核" on every output.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace fazhi::test;

namespace {

const char* kReport = "某县人民政府关于2022年度法治政府建设情况的报告\n一、主要工作情况\n"
                      "全年审核规范性文件12件，聘请法律顾问8名。\n二、存在的问题\n行政复议纠错率偏高。\n"
                      "三、下一步工作安排\n加强执法监督。\n特此报告。\n某县人民政府\n2023年3月1日\n";

// Every part of a workbook, concatenated (the notice is in the shared strings).
std::string WorkbookXml(const fs::path& file) {
  auto files = Unzip(ReadFile(file));
  REQUIRE_FALSE(files.empty());
  std::string all;
  for (const auto& [name, data] : files) all += data;
  return all;
}

std::string ReportSha(const std::string& json, const std::string& pack) {
  const auto j = nlohmann::json::parse(json);
  for (const auto& rs : j["rulesets"])
    if (rs["pack"] == pack) return rs["sha256"];
  return "";
}

}  // namespace

TEST_CASE("a pack changed by --rules says so in every output, and its digest changes", "[render][rules][e2e]") {
  TempDir tmp;
  WriteFile(tmp.path() / "report.txt", kReport);
  WriteFile(tmp.path() / "mine" / "report" / "pack.yaml", "pack: report\ntitle: 本地修改\nversion: 9.0.0\n");
  WriteFile(tmp.path() / "mine" / "report" / "local.yaml",
            "rules:\n  - id: causes\n    title: 本地原因分析\n    cite: 本地\n    check:\n"
            "      mention: {any: [纠错率], in: [shortcomings], negation: false}\n"
            "  - id: local-advisers\n    title: 法律顾问\n    cite: 本地\n    check:\n"
            "      mention: {any: [法律顾问]}\n");
  const std::string report = (tmp.path() / "report.txt").string(), mine = (tmp.path() / "mine").string();

  auto shipped = RunFazhi({"check", "--format", "json", report});
  auto local = RunFazhi({"check", "--format", "json", "--rules", mine, report});
  REQUIRE(shipped.exit_code == 0);
  REQUIRE(local.exit_code == 0);
  auto j = nlohmann::json::parse(local.out);
  nlohmann::json pack;
  for (const auto& rs : j["rulesets"])
    if (rs["pack"] == "report") pack = rs;
  REQUIRE(pack.contains("overrides"));
  REQUIRE(pack["overrides"].size() == 2);
  CHECK(pack["overrides"][0].get<std::string>().rfind("causes 覆盖 ", 0) == 0);
  CHECK(pack["overrides"][1].get<std::string>().rfind("local-advisers 新增 ", 0) == 0);
  CHECK(ReportSha(local.out, "report") != ReportSha(shipped.out, "report"));
  CHECK(ReportSha(local.out, "outline-2015") == ReportSha(shipped.out, "outline-2015"));  // untouched packs keep theirs
  // A pack as shipped has neither key; no notices at all without --rules.
  const auto shipped_json = nlohmann::json::parse(shipped.out);
  for (const auto& rs : shipped_json["rulesets"]) {
    CHECK_FALSE(rs.contains("overrides"));
    CHECK_FALSE(rs.contains("draft"));
  }
  CHECK_FALSE(shipped_json.contains("notices"));
  REQUIRE(j["notices"].size() == 1);
  const std::string notice = "规则包 report 含本地修改（--rules）：覆盖 1 条（causes），新增 1 条（local-advisers）";
  CHECK(j["notices"][0].get<std::string>().rfind(notice, 0) == 0);

  for (const char* format : {"text", "md", "html"}) {
    INFO(format);
    auto r = RunFazhi({"check", "--format", format, "--rules", mine, report});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("规则包 report 含本地修改（--rules）") != std::string::npos);  // the terminal may wrap the rest
    CHECK(r.out.find("地修改）") != std::string::npos);  // "report 9.0.0（本地修改）", wrapped on a terminal
    auto plain = RunFazhi({"check", "--format", format, report});
    CHECK(plain.out.find("本地修改") == std::string::npos);
  }
  const fs::path xlsx = tmp.path() / "out.xlsx";
  auto x = RunFazhi({"check", "--format", "xlsx", "-o", xlsx.string(), "--rules", mine, report});
  REQUIRE(x.exit_code == 0);
  CHECK(WorkbookXml(xlsx).find(notice) != std::string::npos);
}

TEST_CASE("a draft pack puts 草稿规则包，未经审核 on every output", "[render][rules][e2e]") {
  TempDir tmp;
  WriteFile(tmp.path() / "report.txt", kReport);
  WriteFile(tmp.path() / "rules" / "ledger" / "pack.yaml", "pack: ledger\ntitle: 本地台账\nversion: 0.1.0\ndraft: true\n");
  WriteFile(tmp.path() / "rules" / "ledger" / "items.yaml",
            "rules:\n  - id: advisers\n    title: 法律顾问\n    cite: 台账第1行\n    check:\n"
            "      mention: {any: [法律顾问]}\n");
  const std::string report = (tmp.path() / "report.txt").string(), rules = (tmp.path() / "rules").string();
  for (const char* format : {"text", "md", "html", "json"}) {
    INFO(format);
    auto r = RunFazhi({"check", "--format", format, "--no-shipped-rules", "--rules", rules, report});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("草稿规则包，未经审核") != std::string::npos);
  }
  const fs::path xlsx = tmp.path() / "out.xlsx";
  auto x = RunFazhi({"check", "--format", "xlsx", "-o", xlsx.string(), "--no-shipped-rules", "--rules", rules, report});
  REQUIRE(x.exit_code == 0);
  CHECK(WorkbookXml(xlsx).find("草稿规则包，未经审核") != std::string::npos);
}
