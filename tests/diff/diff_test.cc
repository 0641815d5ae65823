// `fazhi diff`: the sample against a NEW version without its 民法典 work (that promise is not followed up, the
// 出庭应诉 one is done, the changed rate is reported), the sample against itself, and the four output formats.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace fazhi::test;

namespace {

const std::string kSample = "reports/samples/hongqiao-2020.txt";

// NEW: the sample with every sentence about 民法典 removed from the work part (before 二、存在的问题与不足), and
// the 出庭应诉率 of 81.25% raised to 90%.
std::string MakeNew() {
  std::string text = ReadFile(SourceDir() / kSample);
  std::size_t split = text.find("二、存在的问题与不足");
  REQUIRE(split != std::string::npos);
  std::string work = text.substr(0, split), rest = text.substr(split);
  std::string kept;
  std::size_t start = 0;
  while (start < work.size()) {
    std::size_t stop = work.find("。", start);  // three bytes: searched as a string
    std::size_t nl = work.find('\n', start);
    std::size_t end = std::min(stop == std::string::npos ? work.size() : stop + 3, nl == std::string::npos ? work.size() : nl + 1);
    std::string sentence = work.substr(start, end - start);
    if (sentence.find("民法典") == std::string::npos) kept += sentence;
    start = end;
  }
  REQUIRE(kept.find("民法典") == std::string::npos);
  std::string out = kept + rest;
  std::size_t rate = out.find("81.25%");
  REQUIRE(rate != std::string::npos);
  out.replace(rate, 6, "90%");
  return out;
}

const nlohmann::json* PromiseWith(const nlohmann::json& j, const std::string& needle) {
  for (const auto& p : j["promises"])
    if (p["promise"]["text"].get<std::string>().find(needle) != std::string::npos) return &p;
  return nullptr;
}

}  // namespace

TEST_CASE("diff reports a deleted promise as not followed up and a kept one as done", "[diff]") {
  TempDir tmp;
  WriteFile(tmp.path() / "new.txt", MakeNew());
  auto r = RunFazhi({"diff", "--format", "json", kSample, (tmp.path() / "new.txt").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["schema"] == "fazhi.diff/1");
  REQUIRE(j["promises"].size() >= 8);

  const auto* civil = PromiseWith(j, "民法典");
  REQUIRE(civil);
  INFO(civil->dump());
  CHECK((*civil)["status"] == "no_trace");
  CHECK((*civil)["evidence"].is_null());

  const auto* court = PromiseWith(j, "出庭应诉率");
  REQUIRE(court);
  INFO(court->dump());
  CHECK((*court)["status"] == "done");
  CHECK((*court)["evidence"]["text"].get<std::string>().find("出庭应诉") != std::string::npos);
  CHECK((*court)["evidence"]["line"].get<int>() > 0);

  bool rate = false;
  for (const auto& m : j["metrics"])
    if (m["key"].get<std::string>().find("出庭应诉") != std::string::npos && m["old"] == 81.25 && m["new"] == 90)
      rate = true;
  CHECK(rate);
}

TEST_CASE("diff of a report against itself changes nothing", "[diff]") {
  auto r = RunFazhi({"diff", "--format", "json", kSample, kSample});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict_changes"].empty());
  CHECK(j["metrics"].empty());
  CHECK(j["unchanged"].get<int>() > 50);
  CHECK(j["scores"][0]["old"] == j["scores"][0]["new"]);
  int no_trace = 0;
  for (const auto& p : j["promises"])
    if (p["status"] == "no_trace") ++no_trace;
  // Every promise of the plan is echoed somewhere in the same report's work part, except at most a few.
  CHECK(no_trace <= 2);
}

TEST_CASE("diff writes text, md, html and json, and refuses bad usage", "[diff]") {
  TempDir tmp;
  WriteFile(tmp.path() / "new.txt", MakeNew());
  fazhi::test::RunResult r = RunFazhi({"diff", "-f", "text", "-f", "md", "-f", "html", "-f", "json", "-o",
                                       (tmp.path() / "out").string(), kSample, (tmp.path() / "new.txt").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* f : {"diff.txt", "diff.md", "diff.html", "diff.json"})
    CHECK(std::filesystem::exists(tmp.path() / "out" / f));
  std::string text = ReadFile(tmp.path() / "out" / "diff.txt");
  CHECK(text.find("未见落实") != std::string::npos);
  std::string html = ReadFile(tmp.path() / "out" / "diff.html");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("未见落实") != std::string::npos);

  CHECK(RunFazhi({"diff", kSample}).exit_code == 2);
  auto missing = RunFazhi({"diff", kSample, (tmp.path() / "missing.txt").string()});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("missing.txt") != std::string::npos);
  CHECK(RunFazhi({"diff", "--format", "xlsx", kSample, kSample}).exit_code == 2);
}
