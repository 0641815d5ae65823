// `fazhi ledger import` end to end: the shipped CSV and XLSX ledgers become packs that lint clean under --strict
// and run on the sample report with sensible verdicts; header variants; bad input exits 2 naming the file.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <map>

#include "ledger/ledger_fixtures.h"
#include "test_support.h"

using namespace fazhi::test;

namespace {

const std::string kSample = "reports/samples/hongqiao-2020.txt";

std::string Src(const std::string& rel) { return (SourceDir() / rel).string(); }

// Imports, lints with --strict and runs `check` on the sample; returns rule id → verdict.
std::map<std::string, std::string> ImportLintCheck(const std::string& ledger, const std::string& pack,
                                                   const std::filesystem::path& out) {
  auto imp = RunFazhi({"ledger", "import", ledger, "--pack", pack, "--out", out.string()});
  INFO(imp.out << imp.err);
  REQUIRE(imp.exit_code == 0);
  CHECK(imp.out.find("\n认出的列：\n") != std::string::npos);
  auto lint = RunFazhi({"rules", "lint", "--strict", out.string()});
  INFO(lint.out << lint.err);
  REQUIRE(lint.exit_code == 0);
  CHECK(lint.out.find("0 个错误，0 个警告") != std::string::npos);
  auto test = RunFazhi({"rules", "test", out.string()});
  INFO(test.out << test.err);
  REQUIRE(test.exit_code == 0);
  auto check = RunFazhi({"check", "--rules", out.string(), "--no-shipped-rules", Src(kSample), "--format", "json"});
  INFO(check.err);
  REQUIRE(check.exit_code == 0);
  auto j = nlohmann::json::parse(check.out);
  // The imported pack is a draft (pack.yaml `draft: true`): every output says it is not reviewed.
  CHECK(j["rulesets"][0]["draft"] == true);
  REQUIRE(j["notices"].size() == 1);
  CHECK(j["notices"][0].get<std::string>().rfind("草稿规则包，未经审核", 0) == 0);
  auto text = RunFazhi({"check", "--rules", out.string(), "--no-shipped-rules", Src(kSample)});
  CHECK(text.out.find("草稿规则包，未经审核") != std::string::npos);
  std::map<std::string, std::string> verdicts;
  for (const auto& row : j["results"]) verdicts[row["rule"].get<std::string>()] = row["verdict"].get<std::string>();
  return verdicts;
}

}  // namespace

TEST_CASE("ledger import: the shipped CSV ledger lints clean and runs on the sample", "[ledger][e2e]") {
  TempDir tmp;
  auto out = tmp.path() / "district";
  auto v = ImportLintCheck(Src("reports/ledgers/district-rectification-2021.csv"), "district-2021", out);
  CHECK(v.size() == 25);
  CHECK(v["district-2021/003"] == "pass");  // 双随机、一公开: the sample reports joint random inspections
  CHECK(v["district-2021/016"] == "pass");  // 行政复议: 14 applications received
  CHECK(v["district-2021/017"] == "pass");  // 出庭应诉: 81.25%
  CHECK(v["district-2021/006"] == "fail");  // 备案审查: the sample says nothing about filing documents
  std::size_t fails = 0;
  for (const auto& [id, verdict] : v) fails += verdict == "fail";
  CHECK(fails >= 1);
  CHECK(fails < v.size());

  // The generated YAML: ids from 序号, cite from 依据 or the ledger row, category, terms, two examples each.
  YAML::Node items = YAML::LoadFile((out / "items.yaml").string());
  YAML::Node pack = YAML::LoadFile((out / "pack.yaml").string());
  CHECK(pack["pack"].as<std::string>() == "district-2021");
  CHECK(pack["version"].as<std::string>() == "0.1.0");
  CHECK(pack["description"].as<std::string>().find("审核") != std::string::npos);
  REQUIRE(items["rules"].size() == 25);
  YAML::Node first = items["rules"][0];
  CHECK(first["id"].as<std::string>() == "001");
  CHECK(first["title"].as<std::string>() == "深化“放管服”改革");
  CHECK(first["cite"].as<std::string>() == "《法治政府建设实施纲要（2021—2025年）》（五）");
  CHECK(first["category"].as<std::string>() == "政府职能依法全面履行");
  CHECK(first["check"]["mention"]["concrete"].as<bool>());
  YAML::Node fourth = items["rules"][3];
  CHECK(fourth["cite"].as<std::string>() == "台账 district-rectification-2021.csv 第5行");
  CHECK(fourth["category"].as<std::string>() == "政府职能依法全面履行");  // a blank cell continues the one above
  for (const auto& rule : items["rules"]) {
    INFO(rule["id"].as<std::string>());
    auto terms = rule["check"]["mention"]["any"];
    CHECK(terms.size() >= 1);
    CHECK(terms.size() <= 8);
    REQUIRE(rule["examples"].size() == 2);
    CHECK(rule["examples"][0]["expect"].as<std::string>() == "pass");
    CHECK(rule["examples"][1]["expect"].as<std::string>() == "fail");
  }
  std::string text = ReadFile(out / "items.yaml");
  CHECK(text.find("自动生成的占位例子") != std::string::npos);
  CHECK(text.find("双随机") != std::string::npos);
  CHECK(text.find("# 台账第12行；责任单位：区司法局、各执法部门；完成时限：2021年12月底") != std::string::npos);
}

TEST_CASE("ledger import: the shipped XLSX ledger (title row, header on row 2) lints clean and runs",
          "[ledger][e2e]") {
  TempDir tmp;
  auto out = tmp.path() / "county";
  auto imp = RunFazhi({"ledger", "import", Src("reports/ledgers/county-tasks-2022.xlsx"), "--pack", "county-2022",
                       "--out", out.string()});
  INFO(imp.out << imp.err);
  REQUIRE(imp.exit_code == 0);
  CHECK(imp.out.find("表头在第 2 行") != std::string::npos);
  CHECK(imp.out.find("F 配合单位") != std::string::npos);  // listed as not used
  YAML::Node pack = YAML::LoadFile((out / "pack.yaml").string());
  CHECK(pack["title"].as<std::string>() == "示例县2022年度法治政府建设重点任务分解表");  // from the merged title row

  TempDir tmp2;
  auto v = ImportLintCheck(Src("reports/ledgers/county-tasks-2022.xlsx"), "county-2022", tmp2.path() / "c");
  CHECK(v.size() == 24);
  YAML::Node items = YAML::LoadFile((tmp2.path() / "c" / "items.yaml").string());
  CHECK(items["rules"][1]["category"].as<std::string>() == "政府职能依法全面履行");  // merged over rows 3–6
  CHECK(items["rules"][23]["id"].as<std::string>() == "024");
}

TEST_CASE("ledger import: GBK CSV with English headers, header on row 3", "[ledger][e2e]") {
  TempDir tmp;
  // GBK: "某区台账\r\n\r\nNo.,Task,Requirement,Owner\r\n1,复议,依法办理行政复议案件。,区司法局\r\n2,双随机,全面推行双随机抽查。,区市场监管局\r\n"
  std::string gbk =
      "\xC4\xB3\xC7\xF8\xCC\xA8\xD5\xCB\r\n\r\nNo.,Task,Requirement,Owner\r\n1,\xB8\xB4\xD2\xE9,\xD2\xC0\xB7\xA8"
      "\xB0\xEC\xC0\xED\xD0\xD0\xD5\xFE\xB8\xB4\xD2\xE9\xB0\xB8\xBC\xFE\xA1\xA3,\xC7\xF8\xCB\xBE\xB7\xA8\xBE\xD6\r\n"
      "2,\xCB\xAB\xCB\xE6\xBB\xFA,\xC8\xAB\xC3\xE6\xCD\xC6\xD0\xD0\xCB\xAB\xCB\xE6\xBB\xFA\xB3\xE9\xB2\xE9\xA1\xA3,"
      "\xC7\xF8\xCA\xD0\xB3\xA1\xBC\xE0\xB9\xDC\xBE\xD6\r\n";
  WriteFile(tmp.path() / "gbk.csv", gbk);
  auto out = tmp.path() / "p";
  auto imp = RunFazhi({"ledger", "import", (tmp.path() / "gbk.csv").string(), "--pack", "gbk", "--out", out.string(),
                       "--title", "GBK 台账"});
  INFO(imp.out << imp.err);
  REQUIRE(imp.exit_code == 0);
  CHECK(imp.out.find("GB18030") != std::string::npos);
  CHECK(imp.out.find("表头在第 3 行") != std::string::npos);
  auto lint = RunFazhi({"rules", "lint", "--strict", out.string()});
  INFO(lint.out);
  CHECK(lint.exit_code == 0);
  std::string items = ReadFile(out / "items.yaml");
  CHECK(items.find("行政复议") != std::string::npos);
  CHECK(items.find("双随机") != std::string::npos);
  CHECK(YAML::LoadFile((out / "pack.yaml").string())["title"].as<std::string>() == "GBK 台账");
}

TEST_CASE("ledger import: bad input exits 2 with a message naming the file", "[ledger][e2e]") {
  TempDir tmp;
  WriteFile(tmp.path() / "empty.csv", "");
  WriteFile(tmp.path() / "noreq.csv", "序号,工作任务,责任单位\n1,行政复议,区司法局\n");
  WriteFile(tmp.path() / "broken.xlsx", std::string("PK\x03\x04\x14\x00\x00\x00", 8) + "truncated");
  WriteFile(tmp.path() / "quotes.csv", "序号,具体要求\n1,\"依法办理行政复议案件\n2,下一行\n");
  WriteFile(tmp.path() / "header-only.csv", "序号,具体要求\n");
  struct Case {
    std::string file, expect;
  } cases[] = {{"empty.csv", ": [E-ledger-empty] 文件是空的"},
               {"noreq.csv", ": [E-ledger-header] 前 2 行中找不到“要求”列"},
               {"broken.xlsx", ": [E-ledger-xlsx] "},
               {"quotes.csv", ":2: [E-ledger-csv] 引号不配对：第 2 行开始"},
               {"header-only.csv", ": [E-ledger-empty] 表头（第 1 行）下面没有数据行"},
               {"missing.xlsx", ": [E-ledger-read] 读不了台账：文件不存在"}};
  for (const auto& c : cases) {
    std::string path = (tmp.path() / c.file).string();
    auto r = RunFazhi({"ledger", "import", path, "--pack", "x", "--out", (tmp.path() / "out").string()});
    INFO(c.file << " → " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("fazhi: 错误：" + path + c.expect) == 0);
    CHECK_FALSE(std::filesystem::exists(tmp.path() / "out" / "pack.yaml"));
  }
}

TEST_CASE("ledger import: flags are checked and an existing pack is kept without --force", "[ledger][e2e]") {
  TempDir tmp;
  const std::string csv = Src("reports/ledgers/district-rectification-2021.csv");
  auto out = tmp.path() / "p";
  CHECK(RunFazhi({"ledger", "import", csv, "--out", out.string()}).exit_code == 2);          // no --pack
  CHECK(RunFazhi({"ledger", "import", csv, "--pack", "Bad_Id", "--out", out.string()}).exit_code == 2);
  CHECK(RunFazhi({"ledger", "import", csv, "--pack", "p"}).exit_code == 2);                   // no --out
  CHECK(RunFazhi({"ledger", "export", csv}).exit_code == 2);
  auto typo = RunFazhi({"ledger", "import", csv, "--pakc", "p", "--out", out.string()});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("您是不是想输入 --pack？") != std::string::npos);

  REQUIRE(RunFazhi({"ledger", "import", csv, "--pack", "p", "--out", out.string()}).exit_code == 0);
  WriteFile(out / "items.yaml", "# reviewed by hand\nrules: []\n");
  auto again = RunFazhi({"ledger", "import", csv, "--pack", "p", "--out", out.string()});
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("--force") != std::string::npos);
  CHECK(ReadFile(out / "items.yaml") == "# reviewed by hand\nrules: []\n");
  auto forced = RunFazhi({"ledger", "import", csv, "--pack", "p", "--out", out.string(), "--force"});
  CHECK(forced.exit_code == 0);
  CHECK(ReadFile(out / "items.yaml").find("reviewed by hand") == std::string::npos);
}

TEST_CASE("ledger import: output is deterministic", "[ledger][e2e]") {
  TempDir tmp;
  const std::string xlsx = Src("reports/ledgers/county-tasks-2022.xlsx");
  REQUIRE(RunFazhi({"ledger", "import", xlsx, "--pack", "c", "--out", (tmp.path() / "a").string()}).exit_code == 0);
  REQUIRE(RunFazhi({"ledger", "import", xlsx, "--pack", "c", "--out", (tmp.path() / "b").string()}).exit_code == 0);
  CHECK(ReadFile(tmp.path() / "a" / "items.yaml") == ReadFile(tmp.path() / "b" / "items.yaml"));
  CHECK(ReadFile(tmp.path() / "a" / "pack.yaml") == ReadFile(tmp.path() / "b" / "pack.yaml"));
}
