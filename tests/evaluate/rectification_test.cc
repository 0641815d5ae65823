// Rectification parts (上年度问题整改情况) as evidence: the measures they report count and say where they come from;
// the problems they restate are neither this year's shortcomings part nor a self-reported gap.
#include <catch2/catch.hpp>

#include "evaluate/doc_builder.h"
#include "render/render_support.h"
#include "segment/segment_util.h"

using namespace fazhi;
using fazhi::test::CompileRules;
using fazhi::test::VerdictOf;

namespace {
std::unique_ptr<RuleSet> Rules(const std::string& checks) {
  Diagnostics d;
  auto set = CompileRules("rules:\n" + checks, d);
  for (const auto& x : d) INFO(FormatDiagnostic(x));
  REQUIRE_FALSE(HasErrors(d));
  return set;
}

const char* kReport =
    "一、2023年度主要举措和成效\n全年办理行政复议案件30件。\n"
    "二、2022年度存在问题整改情况\n针对上年度报告中查摆的政府诚信建设存在薄弱环节等问题，逐项整改。\n"
    "（一）关于政府诚信建设存在薄弱环节的问题\n开展政府机构失信问题专项治理，清理拖欠企业账款3笔。\n"
    "三、下一步工作安排\n继续推进复议体制改革。\n";
}  // namespace

TEST_CASE("a measure reported in a rectification part is evidence and says so", "[evaluate][rectification]") {
  auto set = Rules("  - id: credit\n    title: t\n    cite: c\n    check:\n      mention: {any: [失信], concrete: true}\n");
  auto doc = test::SegmentText(kReport);
  RuleResult r;
  CHECK(VerdictOf(*set, doc, "t/credit", &r) == "pass");
  REQUIRE(r.evidence.size() == 1);
  CHECK(r.evidence[0].kind == EvidenceKind::kSupport);
  CHECK(r.evidence[0].role == "rectification");
  CHECK(r.evidence[0].section == "二、2022年度存在问题整改情况 > （一）关于政府诚信建设存在薄弱环节的问题");
  // Where the text, Markdown and HTML reports place the quote says it too.
  CHECK(EvidenceLocation(r.evidence[0]).find("上年度问题整改部分") != std::string::npos);
}

TEST_CASE("a rectification part is not this year's shortcomings, even by heading words", "[evaluate][rectification]") {
  auto set = Rules(
      "  - id: short\n    title: t\n    cite: c\n    check:\n      pass:\n        any:\n"
      "          - section: {role: shortcomings}\n          - section: {heading: [存在问题, 薄弱环节]}\n"
      "  - id: rect\n    title: t\n    cite: c\n    check:\n      section: {role: rectification}\n"
      "  - id: weak\n    title: t\n    cite: c\n    check:\n"
      "      mention: {any: [薄弱环节], negation: false, in: [shortcomings, causes]}\n");
  auto doc = test::SegmentText(kReport);
  CHECK(VerdictOf(*set, doc, "t/short") == "fail");
  CHECK(VerdictOf(*set, doc, "t/rect") == "pass");
  CHECK(VerdictOf(*set, doc, "t/weak") == "fail");
  // The same part headed as this year's problems is found.
  auto own = test::SegmentText(
      "一、2023年度主要举措和成效\n全年办理行政复议案件30件。\n二、存在问题\n政府诚信建设存在薄弱环节。\n");
  CHECK(VerdictOf(*set, own, "t/short") == "pass");
  CHECK(VerdictOf(*set, own, "t/weak") == "pass");
}

TEST_CASE("inside a shortcomings part, a rectification subsection's measures are not a gap", "[evaluate][rectification]") {
  auto set = Rules("  - id: credit\n    title: t\n    cite: c\n    check:\n      mention: {any: [失信], concrete: true}\n");
  auto doc = test::SegmentText(
      "一、主要举措和成效\n全年办理行政复议案件30件。\n二、存在的问题\n（一）本年度存在的问题\n失信被执行问题仍有发生。\n"
      "（二）上年度问题整改情况\n开展政府机构失信问题专项治理，清理拖欠企业账款3笔。\n");
  RuleResult r;
  CHECK(VerdictOf(*set, doc, "t/credit", &r) == "pass");
  bool from_rectification = false;
  for (const Evidence& e : r.evidence)
    from_rectification = from_rectification || (e.kind == EvidenceKind::kSupport && e.role == "rectification");
  CHECK(from_rectification);
}
