// Audit profiles (score/profile.h): parsing with clear messages, lint of packs and same_as targets, the shipped
// profile against the shipped rules, pack choice by year and level, and the folding of equivalent results.
#include <catch2/catch.hpp>

#include <filesystem>
#include <thread>

#include "core/diagnostic_error.h"
#include "core/error.h"
#include "evaluate/doc_builder.h"
#include "pipeline/check.h"
#include "score/profile.h"
#include "test_support.h"

namespace fazhi::test {
namespace {

std::string ErrorOf(const std::string& text) {
  try {
    ParseProfile("p.yaml", text);
  } catch (const InputError& e) {
    CHECK(e.code() == "E-profile");
    return FormatDiagnostic(DiagnosticOf(e));
  }
  return "";
}

bool HasCode(const Diagnostics& d, const std::string& code, const std::string& part) {
  for (const auto& x : d)
    if (x.code == code && x.message.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("profile: bad files are refused naming the file, the line and the problem", "[score][profile]") {
  CHECK(ErrorOf("packs: [report]\n").find("p.yaml") == 0);
  CHECK(ErrorOf("packs: [report]\n").find("缺少 `profile: 名称`") != std::string::npos);
  CHECK(ErrorOf("profile: x\nsame_as: [[a/1, b/2], c]\n").find("p.yaml:2") == 0);
  CHECK(ErrorOf("profile: x\nsame_as: [[a/1, b]]\n").find("规则编号 `b` 要写成 规则包/编号") != std::string::npos);
  CHECK(ErrorOf("profile: x\npacks: [{pack: a, years: [2021, 2015]}]\n").find("起年 2021 晚于止年 2015") !=
        std::string::npos);
  CHECK(ErrorOf("profile: x\npacks: [{pack: a, levels: [distrct]}]\n").find("您是不是想写 `district`") !=
        std::string::npos);
  CHECK(ErrorOf("profile: x\nsame: []\n").find("不认识的顶层键 `same`（可用：profile、packs、same_as）") !=
        std::string::npos);
  CHECK(ErrorOf("profile: [\n").find("不是有效的 YAML") != std::string::npos);
}

TEST_CASE("profile: levels may be written in Chinese, as auditors write them", "[score][profile]") {
  const Profile p = ParseProfile("p.yaml", "profile: x\npacks:\n  - {pack: a, levels: [区, 市级, 街道, county]}\n");
  REQUIRE(p.packs.size() == 1);
  CHECK(p.packs[0].levels == std::vector<std::string>{"district", "city", "township", "county"});
  CHECK(ProfileChoosesPack(p, "a", std::nullopt, std::string("district")));
  CHECK_FALSE(ProfileChoosesPack(p, "a", std::nullopt, std::string("province")));
  CHECK(ErrorOf("profile: x\npacks: [{pack: a, levels: [村]}]\n") ==
        "p.yaml:2:28: 错误[E-profile]: 督察口径文件：不认识的层级 `村`（可用：province, city, district, county, township, "
        "department, other，或中文 省、市、区、县、乡镇、街道、部门、其他）");
}

TEST_CASE("profile lint: unknown packs and same_as targets, groups of one, a rule in two groups", "[score][profile]") {
  Profile p = ParseProfile("p.yaml",
                           "profile: x\npacks: [report, ledgr-100]\nsame_as:\n"
                           "  - [report/causes, ledger-100/02]\n  - [report/shortcomings]\n"
                           "  - [report/causes, ledger-100/024]\n");
  Diagnostics d = LintProfile(p, {"report/causes", "report/shortcomings", "ledger-100/024"}, {"report", "ledger-100"});
  CHECK(HasCode(d, "E-profile-unknown-pack", "ledgr-100"));
  CHECK(HasCode(d, "E-profile-unknown-rule", "ledger-100/02"));
  CHECK(HasCode(d, "E-profile-same-as", "只有一条规则"));
  CHECK(HasCode(d, "E-profile-same-as", "report/causes"));
  for (const auto& x : d) CHECK(x.line > 0);
}

TEST_CASE("the shipped profile names only shipped packs and rules", "[score][profile]") {
  auto rules = LoadShippedRules();
  Profile p = LoadProfile((SourceDir() / "rules" / "profile.yaml").string());
  std::vector<std::string> packs;
  for (const auto& pack : rules->packs()) packs.push_back(pack->id);
  Diagnostics d = LintProfile(p, RuleIds(*rules), packs);
  for (const auto& x : d) INFO(FormatDiagnostic(x));
  CHECK(d.empty());
  CHECK(ProfileChoosesPack(p, "outline-2015", 2020, std::string("district")));
  CHECK_FALSE(ProfileChoosesPack(p, "outline-2021", 2020, std::string("district")));
  CHECK_FALSE(ProfileChoosesPack(p, "outline-2015", 2021, std::nullopt));
  CHECK(ProfileChoosesPack(p, "outline-2021", std::nullopt, std::nullopt));  // year unknown: chosen
}

TEST_CASE("profile: read through the parse cache, the same profile; a corrupt entry is parsed again",
          "[score][profile]") {
  const std::string shipped = (SourceDir() / "rules" / "profile.yaml").string();
  const Profile plain = LoadProfile(shipped);
  auto same = [&](const Profile& p) {
    REQUIRE(p.packs.size() == plain.packs.size());
    REQUIRE(p.same_as.size() == plain.same_as.size());
    CHECK(p.name == plain.name);
    for (std::size_t i = 0; i < p.packs.size(); ++i) {
      CHECK(p.packs[i].pack == plain.packs[i].pack);
      CHECK(p.packs[i].year_from == plain.packs[i].year_from);
      CHECK(p.packs[i].year_to == plain.packs[i].year_to);
      CHECK(p.packs[i].levels == plain.packs[i].levels);
      CHECK(p.packs[i].line == plain.packs[i].line);
    }
    for (std::size_t i = 0; i < p.same_as.size(); ++i) {
      CHECK(p.same_as[i].rules == plain.same_as[i].rules);
      CHECK(p.same_as[i].line == plain.same_as[i].line);
    }
  };
  REQUIRE(plain.packs.size() >= 2);
  TempDir cache;
  same(LoadProfile(shipped, {}, cache.path().string()));  // parsed, stored
  std::vector<std::filesystem::path> entries;
  for (const auto& e : std::filesystem::recursive_directory_iterator(cache.path()))
    if (e.path().extension() == ".tree") entries.push_back(e.path());
  REQUIRE(entries.size() == 1);
  same(LoadProfile(shipped, {}, cache.path().string()));  // decoded from the entry
  WriteFile(entries[0], "not a tree");
  same(LoadProfile(shipped, {}, cache.path().string()));  // a corrupt entry is a miss
  // Anchors and aliases are refused as in rule files; the message names the file and the line.
  CHECK(ErrorOf("profile: x\npacks: [&a report, *a]\n").find("p.yaml:2") == 0);
}

TEST_CASE("profile: the best verdict stands for the group, the others are folded and weigh nothing",
          "[score][profile]") {
  Diagnostics d;
  auto set = CompileRules(
      "rules:\n"
      "  - id: a\n    title: 目录\n    cite: 甲\n    check: {mention: {any: [决策目录], concrete: true}}\n"
      "  - id: b\n    title: 目录公布\n    cite: 乙\n    check: {mention: {any: [决策目录]}}\n"
      "  - id: c\n    title: 目录编制\n    cite: 丙\n    check: {mention: {any: [决策目录]}}\n",
      d);
  REQUIRE_FALSE(HasErrors(d));
  Report rep = Check(*set, Input::Bytes("t.txt", "一、主要工作情况\n梳理年度决策目录。\n"), CheckOptions{});
  REQUIRE(rep.results.size() == 3);
  CHECK(rep.results[0].verdict == Verdict::kPartial);
  CHECK(rep.results[1].verdict == Verdict::kPass);
  Profile p = ParseProfile("p.yaml", "profile: 测试口径\nsame_as:\n  - [t/a, t/b]\n  - [t/a2, t/c]\n");
  CheckOptions opts;
  opts.profile = &p;
  Report folded = Check(*set, Input::Bytes("t.txt", "一、主要工作情况\n梳理年度决策目录。\n"), opts);
  CHECK(folded.profile == "测试口径（p.yaml）");
  CHECK(folded.results[1].also_cites() == std::vector<std::string>{"t/a"});  // the pass stands for the requirement
  CHECK(folded.results[0].same_as() == "t/b");
  CHECK(folded.results[0].weight == 0);
  CHECK(folded.results[0].verdict == Verdict::kPartial);  // its own verdict is kept
  CHECK(folded.results[2].same_as().empty());               // a group of one present rule folds nothing
  // Scored once: the partial no longer pulls the score down.
  REQUIRE(rep.score.total);
  REQUIRE(folded.score.total);
  CHECK(*folded.score.total > *rep.score.total);
}

// ApplyProfile keeps, per thread, where the named ids stand among the last report's results (score/profile.cc). A
// report of another profile — even one of the same name and file with other groups — or of another rule set (the
// same rules in another order, or compiled anew) must fold exactly as a thread that kept nothing folds it.
TEST_CASE("profile: places kept from the last report serve only the same profile and the same rules",
          "[score][profile]") {
  auto compile = [](const std::vector<std::string>& order) {
    std::string yaml = "rules:\n";
    for (const auto& id : order)
      yaml += "  - {id: " + id + ", title: 目录, cite: 甲, check: {mention: {any: [决策目录]" +
              (id == "a" ? std::string(", concrete: true") : "") + "}}}\n";
    Diagnostics d;
    auto set = CompileRules(yaml, d);
    REQUIRE_FALSE(HasErrors(d));
    return set;
  };
  const Profile ab = ParseProfile("p.yaml", "profile: 口径\nsame_as:\n  - [t/a, t/b]\n");
  const Profile bc = ParseProfile("p.yaml", "profile: 口径\nsame_as:\n  - [t/c, t/b]\n");
  const Profile other = ParseProfile("q.yaml", "profile: 口径\nsame_as:\n  - [t/c, t/b]\n");
  auto folded = [](const Profile& p, Report r) {
    ApplyProfile(p, r);
    return r;
  };
  auto fresh = [&](const Profile& p, const Report& r) {  // a thread with nothing kept
    Report out;
    std::thread([&] { out = folded(p, r); }).join();
    return out;
  };
  auto first = compile({"a", "b", "c"});
  auto reversed = compile({"c", "b", "a"});
  auto again = compile({"a", "b", "c"});
  const Input input = Input::Bytes("t.txt", "一、主要工作情况\n梳理年度决策目录。\n");
  std::size_t folds = 0;
  for (const auto* set : {&first, &first, &reversed, &again, &first, &reversed})
    for (const Profile* p : {&ab, &bc, &other, &ab}) {
      const Report rep = Check(**set, input, CheckOptions{});
      const Report got = folded(*p, rep), want = fresh(*p, rep);
      CHECK(got.profile == want.profile);
      REQUIRE(got.results.size() == want.results.size());
      for (std::size_t i = 0; i < got.results.size(); ++i) {
        INFO(p->path << " " << got.results[i].rule->id.str());
        CHECK(got.results[i].same_as() == want.results[i].same_as());
        CHECK(got.results[i].also_cites() == want.results[i].also_cites());
        CHECK(got.results[i].weight == want.results[i].weight);
        folds += !got.results[i].same_as().empty();
      }
    }
  CHECK(folds == 6 * 4);  // each report folds one result (b or c into the pass of the other)
}

}  // namespace fazhi::test
