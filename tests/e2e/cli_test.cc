// End-to-end: the CLI on the bundled sample (JSON contract, six report rows with quoted evidence, metadata) and
// on bad input (missing file, directory, empty file, flag typos) — exit statuses and one-line messages.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace fazhi::test;

namespace {
const std::string kSample = "reports/samples/hongqiao-2020.txt";
}

TEST_CASE("check --format json on the sample follows fazhi.check/1", "[e2e]") {
  auto r = RunFazhi({"check", "--format", "json", kSample});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["schema"] == "fazhi.check/1");
  for (const char* k : {"path", "format", "encoding", "sha256", "title", "issuer", "level", "year", "published"})
    CHECK(j["document"].contains(k));
  CHECK(j["document"]["sha256"].get<std::string>().size() == 64);
  CHECK(j["document"]["encoding"] == "UTF-8");
  REQUIRE(j["rulesets"].is_array());
  CHECK(j["score"]["total"].is_number());
  CHECK(j["score"]["packs"].contains("report"));
  std::string text = ReadFile(SourceDir() / kSample);
  int report_rows = 0;
  for (const auto& row : j["results"]) {
    for (const char* k : {"rule", "title", "verdict", "severity", "weight", "cite", "message", "remedy", "evidence"})
      CHECK(row.contains(k));
    std::string v = row["verdict"];
    CHECK((v == "pass" || v == "partial" || v == "fail" || v == "not_applicable" || v == "not_checkable" ||
           v == "waived" || v == "error"));
    if (row["rule"].get<std::string>().rfind("report/", 0) == 0) ++report_rows;
    // Every verdict that rests on text quotes it: pass and partial carry evidence found in the document.
    if (v == "pass" || v == "partial") {
      REQUIRE_FALSE(row["evidence"].empty());
    }
  }
  CHECK(report_rows == 6);
}

TEST_CASE("check exits 2 with a one-line message on unusable input", "[e2e]") {
  TempDir tmp;
  WriteFile(tmp.path() / "empty.txt", "");
  std::filesystem::create_directories(tmp.path() / "no-reports");
  // A folder is a batch input: one without any report file is an error naming it.
  struct Case {
    std::string path, expect;
  } cases[] = {{(tmp.path() / "missing.txt").string(), "missing.txt"},
               {(tmp.path() / "no-reports").string(), "下没有可核查的报告文件"},
               {(tmp.path() / "empty.txt").string(), "empty"}};
  for (const auto& c : cases) {
    auto r = RunFazhi({"check", c.path});
    INFO(c.path << " → " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find(c.expect) != std::string::npos);
    CHECK(r.err.find(c.path) != std::string::npos);
  }
}

TEST_CASE("flag typos and unknown commands exit 2 with a suggestion", "[e2e]") {
  auto typo = RunFazhi({"check", "--yaer", "2020", kSample});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("不认识的选项 --yaer；您是不是想输入 --year？") != std::string::npos);
  auto cmd = RunFazhi({"chekc", kSample});
  CHECK(cmd.exit_code == 2);
  CHECK(cmd.err.find("不认识的命令 `chekc`；您是不是想输入 `check`？") != std::string::npos);
  auto fmt = RunFazhi({"check", "--format", "pdf", kSample});
  CHECK(fmt.exit_code == 2);
  CHECK(fmt.err.find("不认识的 --format `pdf`") != std::string::npos);
  auto year = RunFazhi({"check", "--year", "twenty", kSample});
  CHECK(year.exit_code == 2);
  auto version = RunFazhi({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("fazhi ", 0) == 0);
}

TEST_CASE("rules list and rules terms refuse a stray argument instead of ignoring it", "[e2e]") {
  // `fazhi rules list 我的规则/` used to list the shipped packs as if the folder had been read.
  for (const char* sub : {"list", "terms"}) {
    auto r = RunFazhi({"rules", sub, "我的规则/"});
    INFO(sub << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("不接受参数（多出的：我的规则/）") != std::string::npos);
    CHECK(r.err.find("--rules") != std::string::npos);
    CHECK(RunFazhi({"rules", sub}).exit_code == 0);
  }
}

TEST_CASE("stdout carries only the requested format", "[e2e]") {
  auto r = RunFazhi({"check", "--format", "json", "-v", kSample});
  REQUIRE(r.exit_code == 0);
  CHECK_NOTHROW(nlohmann::json::parse(r.out));
}

TEST_CASE("output: -o DIR says every file it wrote, one line each, and -q keeps quiet", "[e2e][cli]") {
  fazhi::test::TempDir tmp;
  const std::string sample = (fazhi::test::SourceDir() / "reports" / "samples" / "hongqiao-2020.txt").string();
  const auto out = tmp.path() / "out";
  auto r = fazhi::test::RunFazhi({"check", sample, "-f", "html", "-f", "json", "-o", out.string() + "/"});
  REQUIRE(r.exit_code == 0);
  for (const char* ext : {".html", ".json"}) {
    const std::string line = "已写出 " + (out / (std::string("hongqiao-2020") + ext)).string();
    INFO(r.err);
    CHECK(r.err.find(line) != std::string::npos);
    CHECK(std::filesystem::exists(out / (std::string("hongqiao-2020") + ext)));
  }
  auto quiet = fazhi::test::RunFazhi({"check", "-q", sample, "-f", "md", "-o", (tmp.path() / "q.md").string()});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.find("已写出") == std::string::npos);
  // a batch: the per-report files and the summary files
  auto batch = fazhi::test::RunFazhi({"check", sample, sample, "-f", "json", "-o", (tmp.path() / "b").string()});
  INFO(batch.err);
  CHECK(batch.err.find("已写出 " + (tmp.path() / "b" / "summary.csv").string()) != std::string::npos);
  CHECK(batch.err.find("已写出 " + (tmp.path() / "b" / "index.html").string()) != std::string::npos);
}
