// Reasons from the decision (evaluate/reasons.h, docs/rules.md "结论说明"): a partial or failing verdict names what
// was found and what is missing in the rule's words, says why a quoted sentence is concrete, and gives the generic
// "仅有概括性……" sentence only when the evidence is generic — on hand-built documents and on the sample and the two
// real Shenzhen reports.
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>

#include "core/diagnostic.h"
#include "evaluate/doc_builder.h"
#include "evaluate/reasons.h"
#include "pipeline/check.h"
#include "test_support.h"

namespace fazhi::test {
namespace {

const auto M = SectionRole::kMeasures;
const auto S = SectionRole::kShortcomings;

std::unique_ptr<RuleSet> One(const std::string& rule_tail) {
  Diagnostics d;
  auto set = CompileRules("rules:\n  - id: r\n    title: 编制决策目录并公布\n    cite: c\n    message: 应写明目录的编制和公布。\n" +
                              rule_tail,
                          d);
  for (const auto& x : d) INFO(FormatDiagnostic(x));
  REQUIRE_FALSE(HasErrors(d));
  return set;
}

const char* kCatalog =
    "    check:\n"
    "      pass:\n"
    "        mention:\n"
    "          all: [[决策事项目录, 决策目录], [公布, 公开, 向社会]]\n"
    "          labels: [决策事项目录的编制, 向社会公布]\n"
    "      partial:\n"
    "        mention: {any: [决策事项目录, 决策目录]}\n";

}  // namespace

TEST_CASE("reasons: the missing element of `all` is named with its label; the concrete quote says why",
          "[evaluate][reasons]") {
  auto set = One(kCatalog);
  RuleResult r;
  auto doc = BuildDocument({{M, {"一、主要工作情况", "印发《红桥区2020年度重大行政决策事项目录》，明确承办单位。"}}});
  REQUIRE(VerdictOf(*set, doc, "t/r", &r) == "partial");
  const std::string m = r.message;
  CHECK(m.find("写明了决策事项目录的编制（“决策事项目录”）") == 0);
  CHECK(m.find("未写明向社会公布") != std::string::npos);
  CHECK(m.find("列出了《红桥区2020年度重大行政决策事项目录》") != std::string::npos);
  CHECK(m.find(kGenericReason) == std::string::npos);
  CHECK(m.ends_with("；应写明目录的编制和公布。"));
}

TEST_CASE("reasons: without labels an element is named by its first term", "[evaluate][reasons]") {
  auto set = One(
      "    check:\n"
      "      pass:\n"
      "        mention: {all: [[决策目录], [公布, 公开]]}\n"
      "      partial:\n"
      "        mention: {any: [决策目录]}\n");
  RuleResult r;
  auto doc = BuildDocument({{M, {"一、主要工作情况", "梳理年度决策目录。"}}});
  REQUIRE(VerdictOf(*set, doc, "t/r", &r) == "partial");
  CHECK(r.message.str().find("写明了“决策目录”，但未写明“公布”等") == 0);
}

TEST_CASE("reasons: the generic sentence only when every element is there but nothing is concrete",
          "[evaluate][reasons]") {
  auto set = One("    check:\n      mention: {any: [合法性审核], concrete: true, labels: [规范性文件合法性审核]}\n");
  RuleResult r;
  REQUIRE(VerdictOf(*set, BuildDocument({{M, {"一、主要工作情况", "高度重视合法性审核工作。"}}}), "t/r", &r) ==
          "partial");
  CHECK(r.message.str().find(std::string("写到了规范性文件合法性审核（“合法性审核”），但") + kGenericReason) == 0);
}

TEST_CASE("reasons: a fail names the near miss, or the self-reported gap, or nothing found", "[evaluate][reasons]") {
  auto set = One(
      "    check:\n"
      "      mention: {all: [[决策目录], [公布, 公开]], labels: [决策目录, 向社会公布]}\n");
  RuleResult r;
  REQUIRE(VerdictOf(*set, BuildDocument({{M, {"一、主要工作情况", "梳理年度决策目录。"}}}), "t/r", &r) == "fail");
  CHECK(r.message.str().find("写明了决策目录，但未写明向社会公布") == 0);
  REQUIRE(VerdictOf(*set,
                    BuildDocument({{M, {"一、主要工作情况", "全年办理复议案件3件。"}},
                                   {S, {"二、存在的问题", "决策目录公布不及时。"}}}),
                    "t/r", &r) == "fail");
  CHECK(r.message.str().find("仅在“存在的问题/不足”部分提及") == 0);
  REQUIRE(VerdictOf(*set, BuildDocument({{M, {"一、主要工作情况", "全年办理复议案件3件。"}}}), "t/r", &r) == "fail");
  CHECK(r.message == "未找到相关表述；应写明目录的编制和公布。");
}

TEST_CASE("reasons: an `any` whose alternatives found nothing names either's lack, joined with 或",
          "[evaluate][reasons]") {
  // Neither alternative holds a counted place or a near miss (the second's anchor is only in a problems part): the
  // lack is the first's elements or the second's; the partial condition's find is what was written.
  auto set = One(
      "    check:\n"
      "      pass:\n"
      "        any:\n"
      "          - mention: {all: [[决策目录], [公布]], labels: [目录的编制, 向社会公布]}\n"
      "          - mention: {all: [[事项清单], [公开, 发布]]}\n"
      "      partial:\n"
      "        mention: {any: [重大行政决策]}\n");
  RuleResult r;
  auto doc = BuildDocument({{M, {"一、主要工作情况", "规范重大行政决策程序。"}},
                            {S, {"二、存在的问题", "事项清单更新不及时。"}}});
  REQUIRE(VerdictOf(*set, doc, "t/r", &r) == "partial");
  INFO(r.message.str());
  CHECK(r.message.str().find("未写明目录的编制、向社会公布或“事项清单”、“发布”等；") != std::string::npos);
}

TEST_CASE("reasons: `labels` must match the groups", "[evaluate][reasons][lint]") {
  Diagnostics d;
  CompileRules("rules:\n  - id: r\n    title: t\n    cite: c\n    check:\n"
               "      mention: {all: [[a], [b]], labels: [甲]}\n",
               d);
  bool found = false;
  for (const auto& x : d) found |= x.code == "E-bad-value" && x.message.find("labels") != std::string::npos;
  CHECK(found);
}

namespace {

// A quote a person would call concrete: a 《title》 not merely cited ("根据《…》"), or a number that is not a year
// alone and not the list number in front ("1." "（2）").
bool LooksConcrete(std::string q) {
  static const char* kCiting[] = {"按照", "根据", "依据", "依照", "遵照", "贯彻", "落实", "对照", "学习", "执行", "遵循",
                                  "结合", "围绕", "对标"};
  for (std::size_t p = q.find("《"); p != std::string::npos; p = q.find("《", p + 3)) {
    std::string before = q.substr(p >= 12 ? p - 12 : 0, p >= 12 ? 12 : p);
    bool cited = false;
    for (const char* c : kCiting) cited |= before.find(c) != std::string::npos;
    if (!cited) return true;
  }
  std::size_t i = 0;
  if (q.rfind("（", 0) == 0) i = 3;
  else if (!q.empty() && q[0] == '(') i = 1;
  std::size_t d = i;
  while (d < q.size() && std::isdigit(static_cast<unsigned char>(q[d]))) ++d;
  if (d > i && d - i <= 2 && d < q.size() && (q[d] == '.' || q.compare(d, 3, "、") == 0 || q.compare(d, 3, "）") == 0 || q[d] == ')'))
    q = q.substr(d);
  for (std::size_t k = 0; k < q.size(); ++k) {
    if (!std::isdigit(static_cast<unsigned char>(q[k]))) continue;
    std::size_t e = k;
    while (e < q.size() && (std::isdigit(static_cast<unsigned char>(q[e])) || q[e] == '.')) ++e;
    bool year = e - k == 4 && q.compare(e, 3, "年") == 0;
    if (!year) return true;
    k = e;
  }
  return false;
}

}  // namespace

TEST_CASE("reasons on the sample and the two real Shenzhen reports: found and missing, generic only when generic",
          "[evaluate][reasons][corpus]") {
  auto rules = LoadShippedRules();
  const std::vector<std::filesystem::path> reports = {
      SourceDir() / "reports" / "samples" / "hongqiao-2020.txt",
      SharedDir() / "corpus" / "real" / "001_shenzhen_longhua_district_2019.txt",
      SharedDir() / "corpus" / "real" / "002_shenzhen_guangming_district_2021.txt"};
  int partials = 0, fails = 0, generic = 0;
  for (const auto& path : reports) {
    if (!std::filesystem::exists(path)) {
      WARN("missing " << path);
      continue;
    }
    Report rep = Check(*rules, Input::File(path.string()), CheckOptions{});
    REQUIRE(rep.status == CheckStatus::kChecked);
    for (const auto& r : rep.results) {
      if (r.verdict != Verdict::kPartial && r.verdict != Verdict::kFail) continue;
      const std::string m = r.message;
      INFO(path.filename().string() << " " << r.rule->id.str() << ": " << m);
      // What is missing: named, or the rule's own "应……" says it (a fail with nothing found).
      bool names_missing = m.find("未找到相关表述；") == 0 || m.find("未写明") != std::string::npos || m.find(kGenericReason) != std::string::npos ||
                           m.find("至少") != std::string::npos || m.find("应") != std::string::npos ||
                           m.find("仅在") != std::string::npos || m.find("仅作为") != std::string::npos;
      CHECK(names_missing);
      if (r.verdict == Verdict::kPartial) {
        ++partials;
        // What was found: an element, or the quoted sentence.
        CHECK((m.find("写明了") == 0 || m.find("写到了") == 0 || m.find("所引句子") == 0 ||
               m.find("仅有间接相关") == 0 || m.find(kGenericReason) == 0));
        CHECK_FALSE(r.evidence.empty());
        if (m.find(kGenericReason) != std::string::npos) {
          ++generic;
          for (const auto& e : r.evidence) {
            INFO("quote: " << e.quote);
            CHECK_FALSE(LooksConcrete(std::string(e.quote)));
          }
        }
      } else {
        ++fails;
        CHECK((m.find("写明了") == 0 || m.find("未找到相关表述") == 0 || m.find("仅在") == 0 ||
               m.find("仅作为") == 0 || m.find("相关表述为否定") == 0 || !r.evidence.empty() ||
               m.find("发布") != std::string::npos));
      }
    }
  }
  INFO("partials " << partials << ", fails " << fails << ", generic " << generic);
  CHECK(partials > 20);
  CHECK(generic < partials);
}

}  // namespace fazhi::test
