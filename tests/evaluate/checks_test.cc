// Check types on hand-built documents: mention (roles, negation, hedging, concreteness, near, except, none),
// section, metric, date, and the combinators — each verdict asserted, with the quoted evidence.
#include <catch2/catch.hpp>

#include <algorithm>
#include <type_traits>
#include <utility>

#include "evaluate/doc_builder.h"

using namespace fazhi;
using fazhi::test::BuildDocument;
using fazhi::test::CompileRules;
using fazhi::test::VerdictOf;

namespace {
std::unique_ptr<RuleSet> One(const std::string& check, const std::string& pack_extra = "") {
  Diagnostics d;
  auto set = CompileRules("rules:\n  - id: r\n    title: t\n    cite: c\n    check:\n" + check, d, pack_extra);
  for (const auto& x : d) INFO(FormatDiagnostic(x));
  REQUIRE_FALSE(HasErrors(d));
  return set;
}

const auto M = SectionRole::kMeasures;
const auto S = SectionRole::kShortcomings;
const auto P = SectionRole::kPlan;

// The diagnostics of a one-rule pack whose rule `r` continues with `body` (after id, title and cite).
Diagnostics LintRule(const std::string& body) {
  Diagnostics d;
  CompileRules("rules:\n  - id: r\n    title: t\n    cite: c\n" + body, d);
  return d;
}

// A report whose measures part is the one paragraph `text`.
Document Measures(const std::string& text) { return BuildDocument({{M, {"一、主要工作情况", text}}}); }
}  // namespace

TEST_CASE("mention: concrete sentence passes, generic one is partial, absence fails", "[evaluate][mention]") {
  auto set = One("      mention: {any: [合法性审核], concrete: true}\n");
  auto concrete = BuildDocument({{M, {"一、主要工作情况", "全年对15件规范性文件进行合法性审核。"}}});
  auto generic = BuildDocument({{M, {"一、主要工作情况", "高度重视合法性审核工作。"}}});
  auto absent = BuildDocument({{M, {"一、主要工作情况", "全年办理复议案件3件。"}}});
  RuleResult r;
  CHECK(VerdictOf(*set, concrete, "t/r", &r) == "pass");
  REQUIRE(r.evidence.size() == 1);
  CHECK(r.evidence[0].quote == "全年对15件规范性文件进行合法性审核。");
  CHECK(r.evidence[0].line == 2);
  CHECK(std::vector<std::string>(r.evidence[0].terms.begin(), r.evidence[0].terms.end()) ==
        std::vector<std::string>{"合法性审核"});
  CHECK(VerdictOf(*set, generic, "t/r") == "partial");
  CHECK(VerdictOf(*set, absent, "t/r") == "fail");
}

TEST_CASE("mention: only in shortcomings or only in the plan is a fail quoting it", "[evaluate][mention]") {
  auto set = One("      mention: {any: [合法性审核]}\n");
  auto gap = BuildDocument({{M, {"一、主要工作情况", "全年办理复议案件3件。"}},
                            {S, {"二、存在的问题", "合法性审核力量薄弱。"}}});
  auto plan = BuildDocument({{M, {"一、主要工作情况", "全年办理复议案件3件。"}},
                             {P, {"三、下一步工作安排", "全面推进合法性审核全覆盖。"}}});
  RuleResult r;
  CHECK(VerdictOf(*set, gap, "t/r", &r) == "fail");
  REQUIRE_FALSE(r.evidence.empty());
  CHECK(r.evidence[0].kind == EvidenceKind::kSelfReportedGap);
  CHECK(r.evidence[0].quote == "合法性审核力量薄弱。");
  CHECK(r.message.find("存在的问题") != std::string::npos);
  CHECK(VerdictOf(*set, plan, "t/r", &r) == "fail");
  REQUIRE_FALSE(r.evidence.empty());
  CHECK(r.evidence[0].kind == EvidenceKind::kPromiseOnly);
}

TEST_CASE("mention: negation and hedging cues in the clause make a hit non-evidence", "[evaluate][mention]") {
  auto set = One("      mention: {any: [法律顾问]}\n");
  auto negated = BuildDocument({{M, {"一、主要工作情况", "部分部门尚未聘请法律顾问。"}}});
  auto hedged = BuildDocument({{M, {"一、主要工作情况", "拟于明年实现法律顾问全覆盖。"}}});
  auto other_clause = BuildDocument({{M, {"一、主要工作情况", "外聘法律顾问23名，尚未完成的事项已列入台账。"}}});
  auto in_title = BuildDocument({{M, {"一、主要工作情况", "印发《关于拟聘请法律顾问的通知》。"}}});
  RuleResult r;
  CHECK(VerdictOf(*set, negated, "t/r", &r) == "fail");
  REQUIRE_FALSE(r.evidence.empty());
  CHECK(r.evidence[0].kind == EvidenceKind::kNegated);
  CHECK(VerdictOf(*set, hedged, "t/r", &r) == "fail");
  CHECK(r.evidence[0].kind == EvidenceKind::kPromiseOnly);
  CHECK(VerdictOf(*set, other_clause, "t/r") == "pass");
  CHECK(VerdictOf(*set, in_title, "t/r") == "pass");  // 拟 inside 《》 is part of a document name, not a promise
}

TEST_CASE("mention: negation off finds problems in the shortcomings part", "[evaluate][mention]") {
  auto set = One("      mention: {any: [原因], in: [shortcomings], negation: false}\n");
  auto doc = BuildDocument({{M, {"一、主要工作情况", "分析原因并整改。"}},
                            {S, {"二、存在的问题", "究其原因，主要是培训不够。"}}});
  RuleResult r;
  CHECK(VerdictOf(*set, doc, "t/r", &r) == "pass");
  CHECK(r.evidence[0].section == "二、存在的问题");
}

TEST_CASE("mention: all groups near each other, except and none", "[evaluate][mention]") {
  auto set = One(
      "      mention:\n        all: [[区长, 书记], [主持, 召开]]\n        near: 8\n        except: [副区长]\n"
      "        none: [各单位]\n");
  auto yes = Measures("区长张三主持召开常务会议。");
  auto deputy = Measures("副区长主持召开推进会。");
  auto far = Measures("区长在全区法治政府建设推进大会上强调要求各方主持公道。");
  auto none = Measures("区长主持召开各单位负责人会议。");
  CHECK(VerdictOf(*set, yes, "t/r") == "pass");
  CHECK(VerdictOf(*set, deputy, "t/r") == "fail");
  CHECK(VerdictOf(*set, far, "t/r") == "fail");
  CHECK(VerdictOf(*set, none, "t/r") == "fail");
}

TEST_CASE("mention near: a split compound in any order, every group within N characters, one sentence",
          "[evaluate][mention][near]") {
  // 移送公安 written apart: "向公安机关移送涉嫌环境犯罪案件9件", "移送公安机关", "涉嫌犯罪的……移送至公安机关".
  auto set = One(
      "      mention:\n        all: [[移送], [公安机关, 公安部门], [涉嫌犯罪, 涉嫌环境犯罪, 涉嫌刑事犯罪]]\n"
      "        near: 10\n        concrete: true\n");
  RuleResult r;
  CHECK(VerdictOf(*set, Measures("全年向公安机关移送涉嫌环境犯罪案件9件。"), "t/r", &r) == "pass");
  REQUIRE(r.evidence.size() == 1);
  CHECK(std::vector<std::string>(r.evidence[0].terms.begin(), r.evidence[0].terms.end()) ==
        std::vector<std::string>{"移送", "公安机关", "涉嫌环境犯罪"});
  // (text, verdict): the other order; 10 and 11 characters between 移送 and 公安机关 (near: 10); the groups in two
  // sentences; one group missing; no anchor (移送) at all.
  const std::pair<const char*, const char*> cases[] = {
      {"对涉嫌犯罪的12起案件依法移送公安机关。", "pass"},
      {"全年将涉嫌犯罪案件3件移送一二三四五六七八九十公安机关。", "pass"},
      {"全年将涉嫌犯罪案件3件移送一二三四五六七八九十甲公安机关。", "fail"},
      {"加强与公安机关协作。移送涉嫌犯罪案件3件。", "fail"},
      {"向公安机关移送案件线索9条。", "fail"},
      {"与公安机关建立协作机制，通报涉嫌犯罪线索3条。", "fail"}};
  for (const auto& [text, verdict] : cases) {
    INFO(text);
    CHECK(VerdictOf(*set, Measures(text), "t/r") == verdict);
  }
  // A second anchor hit in the same sentence that is near enough still counts.
  auto second = Measures("建立移送衔接机制，健全信息共享平台建设工作，向公安机关移送涉嫌犯罪案件2件。");
  CHECK(VerdictOf(*set, second, "t/r") == "pass");
  // Anchored on the first group: a document without 移送 gets the settled verdict, the same as a full evaluation.
  CHECK(fazhi::test::AnchorTerms(*set, "t/r") == std::vector<std::string>{"移送"});
  for (const auto& [text, verdict] : cases) fazhi::test::CheckSettledEqualsFull(*set, Measures(text));
}

TEST_CASE("mention near: lint refuses a distance out of range and near with one term group", "[evaluate][mention][near]") {
  for (const char* bad : {"      mention: {all: [[移送], [公安机关]], near: -1}\n",
                          "      mention: {all: [[移送], [公安机关]], near: 201}\n",
                          "      mention: {any: [移送公安], near: 10}\n"}) {
    Diagnostics d = LintRule(std::string("    check:\n") + bad);
    INFO(bad);
    REQUIRE(HasErrors(d));
    CHECK(d[0].code == "E-bad-value");
  }
}

TEST_CASE("applicability: a rule's own levels replace the pack's, the pack's years still hold", "[evaluate][applies]") {
  Diagnostics d;
  auto set = CompileRules(
      "rules:\n  - id: gov\n    title: t\n    cite: c\n    check:\n      mention: {any: [移送]}\n"
      "  - id: also-departments\n    title: t\n    cite: c\n    applies_to: {levels: [city, department]}\n"
      "    check:\n      mention: {any: [移送]}\n",
      d, "applies_to: {years: [2021, 2025], levels: [city, district, county]}\n");
  REQUIRE_FALSE(HasErrors(d));
  auto doc = Measures("全年向公安机关移送涉嫌犯罪案件9件。");
  doc.meta.year = {2024, "test"};
  doc.meta.level = {std::string("department"), "test"};
  RuleResult r;
  CHECK(VerdictOf(*set, doc, "t/gov", &r) == "not_applicable");
  CHECK(r.message.str().find("本规则包只适用于市级、区级、县级报告主体") == 0);
  CHECK(VerdictOf(*set, doc, "t/also-departments") == "pass");
  fazhi::test::CheckSettledEqualsFull(*set, doc);
  doc.meta.level = {std::string("district"), "test"};  // the rule's levels, not the pack's, decide
  CHECK(VerdictOf(*set, doc, "t/gov") == "pass");
  CHECK(VerdictOf(*set, doc, "t/also-departments") == "not_applicable");
  fazhi::test::CheckSettledEqualsFull(*set, doc);
  doc.meta.level = {std::string("department"), "test"};
  doc.meta.year = {2020, "test"};  // the pack's years hold for every rule
  CHECK(VerdictOf(*set, doc, "t/also-departments") == "not_applicable");
  fazhi::test::CheckSettledEqualsFull(*set, doc);
}

TEST_CASE("applicability: an unknown level in applies_to or in an example is an error with a suggestion",
          "[evaluate][applies]") {
  for (const char* bad : {"    applies_to: {levels: [city, distrct]}\n    check:\n      mention: {any: [立法]}\n",
                          "    check:\n      mention: {any: [立法]}\n    examples:\n"
                          "      - {text: \"一、主要工作情况\\n开展立法调研2次。\", expect: pass, level: distrct}\n"}) {
    Diagnostics d = LintRule(bad);
    INFO(bad);
    REQUIRE(HasErrors(d));
    CHECK(d[0].code == "E-bad-value");
    CHECK(d[0].hint == "您是不是想写 `district`？");  // the user's language: Chinese by default
  }
}

TEST_CASE("mention: a topic clause (……方面) takes the negation of the clause after it", "[evaluate][mention]") {
  auto set = One("      mention: {any: [行政裁决], concrete: true}\n");
  auto negated = Measures("行政裁决方面，我区尚未建立行政裁决事项清单，全年未办理行政裁决案件。");
  auto done = Measures("行政裁决方面，全年办理专利侵权纠纷行政裁决案件3件。");
  // The next sentence's negation does not reach back over 。.
  auto next_sentence = Measures("全年办理行政裁决案件3件。执法方面，尚未建立清单。");
  RuleResult r;
  CHECK(VerdictOf(*set, negated, "t/r", &r) == "fail");
  CHECK(r.message.str().find("否定") != std::string::npos);
  CHECK(VerdictOf(*set, done, "t/r") == "pass");
  CHECK(VerdictOf(*set, next_sentence, "t/r") == "pass");
}

TEST_CASE("mention: min counts distinct sentences", "[evaluate][mention]") {
  auto set = One("      mention: {any: [培训], min: 2}\n");
  auto one = BuildDocument({{M, {"一、主要工作情况", "举办法治培训3期。"}}});
  auto two = BuildDocument({{M, {"一、主要工作情况", "举办法治培训3期。组织执法培训2次。"}}});
  CHECK(VerdictOf(*set, one, "t/r") == "partial");
  CHECK(VerdictOf(*set, two, "t/r") == "pass");
}

TEST_CASE("section: by role and by heading words", "[evaluate][section]") {
  auto by_role = One("      section: {role: shortcomings}\n");
  auto by_heading = One("      section: {heading: [存在问题]}\n");
  auto doc = BuildDocument({{M, {"一、主要工作情况", "全年办理复议案件3件。"}},
                            {S, {"二、存在问题", "基层执法力量不足，培训覆盖面不广。"}}});
  auto without = BuildDocument({{M, {"一、主要工作情况", "全年办理复议案件3件。"}}});
  RuleResult r;
  CHECK(VerdictOf(*by_role, doc, "t/r", &r) == "pass");
  CHECK(r.evidence[0].quote == "二、存在问题");
  CHECK(VerdictOf(*by_heading, doc, "t/r") == "pass");
  CHECK(VerdictOf(*by_role, without, "t/r") == "fail");
}

TEST_CASE("metric: threshold and the figure after 至", "[evaluate][metric]") {
  auto set = One("      metric: {terms: [出庭应诉率], units: [\"%\"], min: 80}\n");
  auto high = BuildDocument({{M, {"一、主要工作情况", "行政机关负责人出庭应诉率从4.4%跃升至81.25%。"}}});
  auto low = BuildDocument({{M, {"一、主要工作情况", "行政机关负责人出庭应诉率为45%。"}}});
  auto none = BuildDocument({{M, {"一、主要工作情况", "积极推动出庭应诉工作。"}}});
  RuleResult r;
  CHECK(VerdictOf(*set, high, "t/r", &r) == "pass");
  CHECK(VerdictOf(*set, low, "t/r", &r) == "fail");
  CHECK(r.message.find("45%") != std::string::npos);
  CHECK(VerdictOf(*set, none, "t/r") == "fail");
}

TEST_CASE("date: deadline relative to the covered year, not_checkable without a date", "[evaluate][date]") {
  auto set = One("      date: {deadline: \"+1-04-01\"}\n");
  auto doc = BuildDocument({{M, {"一、主要工作情况", "全年办理复议案件3件。"}}});
  doc.meta.year = {2020, "test"};
  CHECK(VerdictOf(*set, doc, "t/r") == "not_checkable");
  doc.meta.signed_on = {Date{2021, 4, 1}, "test"};
  CHECK(VerdictOf(*set, doc, "t/r") == "pass");
  doc.meta.signed_on = {Date{2021, 4, 2}, "test"};
  CHECK(VerdictOf(*set, doc, "t/r") == "fail");
  doc.meta.published = {Date{2021, 3, 2}, "test"};
  CHECK(VerdictOf(*set, doc, "t/r") == "pass");
  doc.meta.year = {};
  CHECK(VerdictOf(*set, doc, "t/r") == "not_checkable");
}

TEST_CASE("combinators and graded checks", "[evaluate][logic]") {
  auto set = One(
      "      pass:\n        all:\n          - mention: {any: [行政复议]}\n          - metric: {terms: [复议], units: [件]}\n"
      "      partial:\n        any:\n          - mention: {any: [行政复议]}\n          - mention: {any: [复议]}\n");
  auto full = BuildDocument({{M, {"一、主要工作情况", "全年收到行政复议申请14件。"}}});
  auto some = BuildDocument({{M, {"一、主要工作情况", "推进行政复议体制改革。"}}});
  auto nothing = BuildDocument({{M, {"一、主要工作情况", "开展普法宣传。"}}});
  CHECK(VerdictOf(*set, full, "t/r") == "pass");
  CHECK(VerdictOf(*set, some, "t/r") == "partial");
  CHECK(VerdictOf(*set, nothing, "t/r") == "fail");
  auto neg = One("      not:\n        mention: {any: [违法]}\n");
  CHECK(VerdictOf(*neg, full, "t/r") == "pass");
}

TEST_CASE("not: when it fails, what the child counted is quoted as context, with its terms", "[evaluate]") {
  auto neg = One("      not:\n        mention: {any: [违法]}\n");
  RuleResult r;
  auto doc = BuildDocument({{M, {"一、主要工作情况", "查处违法行为12起。"}}});
  REQUIRE(VerdictOf(*neg, doc, "t/r", &r) == "fail");
  REQUIRE(r.evidence.size() == 1);
  CHECK(r.evidence[0].kind == EvidenceKind::kContext);
  CHECK(r.evidence[0].quote == "查处违法行为12起。");
  REQUIRE(r.evidence[0].terms.size() == 1);
  CHECK(r.evidence[0].terms[0] == "违法");
}

TEST_CASE("applicability: years and levels, also_when", "[evaluate][applies]") {
  Diagnostics d;
  auto set = CompileRules(
      "rules:\n  - id: r\n    title: t\n    cite: c\n    applies_to:\n      levels: [city]\n"
      "      also_when: {mention: {any: [规章]}}\n    check:\n      mention: {any: [立法]}\n",
      d, "applies_to: {years: [2015, 2020]}\n");
  REQUIRE_FALSE(HasErrors(d));
  auto doc = BuildDocument({{M, {"一、主要工作情况", "开展立法调研2次。"}}});
  CHECK(VerdictOf(*set, doc, "t/r") == "not_checkable");  // year unknown
  doc.meta.year = {2021, "test"};
  CHECK(VerdictOf(*set, doc, "t/r") == "not_applicable");
  doc.meta.year = {2020, "test"};
  CHECK(VerdictOf(*set, doc, "t/r") == "pass");  // level unknown: checked
  doc.meta.level = {std::string("district"), "test"};
  RuleResult r;
  CHECK(VerdictOf(*set, doc, "t/r", &r) == "not_applicable");
  // The reason names the levels in Chinese, the report's level, and that the work was not described either.
  CHECK(r.message.str() == "本规则只适用于市级报告主体，该报告主体为区级，且报告未写到相关工作");
  auto with_rules = BuildDocument({{M, {"一、主要工作情况", "起草政府规章2部，开展立法调研2次。"}}});
  with_rules.meta = doc.meta;
  CHECK(VerdictOf(*set, with_rules, "t/r") == "pass");
}

TEST_CASE("applicability: department, township and other reports skip a government-only rule", "[evaluate][applies]") {
  Diagnostics d;
  auto set = CompileRules(
      "rules:\n  - id: r\n    title: t\n    cite: c\n    applies_to:\n      levels: [province, city, district, county]\n"
      "    check:\n      mention: {any: [决策事项目录]}\n",
      d);
  REQUIRE_FALSE(HasErrors(d));
  auto doc = Measures("公布重大行政决策事项目录，纳入决策事项5项。");
  doc.meta.year = {2023, "test"};
  for (const char* level : {"province", "city", "district", "county"}) {
    doc.meta.level = {std::string(level), "test"};
    CHECK(VerdictOf(*set, doc, "t/r") == "pass");
  }
  RuleResult r;
  doc.meta.level = {std::string("department"), "test"};
  CHECK(VerdictOf(*set, doc, "t/r", &r) == "not_applicable");
  CHECK(r.message.str() == "本规则只适用于省级、市级、区级、县级报告主体，该报告主体为部门");
  doc.meta.level = {std::string("township"), "test"};
  CHECK(VerdictOf(*set, doc, "t/r", &r) == "not_applicable");
  CHECK(r.message.str().find("乡镇级") != std::string::npos);
  doc.meta.level = {std::string("other"), "test"};
  CHECK(VerdictOf(*set, doc, "t/r") == "not_applicable");
  fazhi::test::CheckSettledEqualsFull(*set, doc);
}

TEST_CASE("mention: context lets the next sentence of the paragraph make a lead sentence concrete",
          "[evaluate][mention]") {
  auto plain = One("      mention: {any: [营商环境], concrete: true}\n");
  auto with_context = One("      mention: {any: [营商环境], concrete: true, context: 2}\n");
  auto doc = BuildDocument({{M, {"一、主要工作情况", "三是营商环境持续优化。全年新增市场主体1200户。"}}});
  auto other_paragraph = BuildDocument({{M, {"一、主要工作情况", "三是营商环境持续优化。", "全年新增市场主体1200户。"}}});
  RuleResult r;
  CHECK(VerdictOf(*plain, doc, "t/r") == "partial");
  CHECK(VerdictOf(*with_context, doc, "t/r", &r) == "pass");
  CHECK(r.evidence[0].quote == "三是营商环境持续优化。全年新增市场主体1200户。");
  CHECK(VerdictOf(*with_context, other_paragraph, "t/r") == "partial");
}

TEST_CASE("concreteness ignores list numbering, cited titles and the matched term itself", "[evaluate][mention]") {
  auto set = One("      mention: {any: [合法性审核, 规范性文件], concrete: true}\n");
  auto numbered = BuildDocument({{M, {"一、主要工作情况", "2.规范性文件管理不断加强。"}}});
  auto cited = BuildDocument({{M, {"一、主要工作情况", "按照《纲要》要求加强规范性文件管理。"}}});
  auto produced = BuildDocument({{M, {"一、主要工作情况", "制定《规范性文件管理办法》。"}}});
  auto inner = BuildDocument({{M, {"一、主要工作情况", "高度重视合法性审核。"}}});
  auto count = BuildDocument({{M, {"一、主要工作情况", "2.审核规范性文件1.5万件。"}}});
  CHECK(VerdictOf(*set, numbered, "t/r") == "partial");
  CHECK(VerdictOf(*set, cited, "t/r") == "partial");
  CHECK(VerdictOf(*set, produced, "t/r") == "pass");
  CHECK(VerdictOf(*set, inner, "t/r") == "partial");
  CHECK(VerdictOf(*set, count, "t/r") == "pass");
}

// A compiled set is read-only: through its accessors every Pack and Rule is const (rules/rule_set.h).
static_assert(std::is_const_v<std::remove_reference_t<decltype(*std::declval<const RuleSet&>().packs()[0])>>);
static_assert(std::is_const_v<std::remove_reference_t<decltype(*std::declval<const Pack&>().rules[0])>>);
static_assert(std::is_const_v<std::remove_reference_t<decltype(std::declval<const RuleSet&>().matcher())>>);

TEST_CASE("levels and severities are parsed once at load into enums", "[rules][loader]") {
  Diagnostics d;
  auto set = CompileRules(
      "rules:\n  - id: a\n    title: t\n    cite: c\n    severity: critical\n"
      "    applies_to: {levels: [city, department]}\n    check:\n      mention: {any: [立法]}\n"
      "    examples:\n      - {text: 全年立法3件。, expect: pass, level: city}\n"
      "  - id: b\n    title: t\n    cite: c\n    severity: urgent\n    check:\n      mention: {any: [执法]}\n",
      d);
  const Rule* a = set->Find("t/a");
  REQUIRE(a);
  CHECK(a->severity == Severity::kCritical);
  CHECK(a->applies.levels == std::vector<IssuerLevel>{IssuerLevel::kCity, IssuerLevel::kDepartment});
  REQUIRE(a->examples.size() == 1);
  CHECK(a->examples[0].level == IssuerLevel::kCity);
  // A misspelled severity is a lint error naming the allowed names (with the Chinese the loader also accepts), and
  // the rule reads as the default, medium.
  const Rule* b = set->Find("t/b");
  REQUIRE(b);
  CHECK(b->severity == Severity::kMedium);
  CHECK(std::any_of(d.begin(), d.end(), [](const Diagnostic& x) {
    return x.code == "E-bad-value" && x.message.find("critical（严重）, high（高）, medium（中）, low（低）, info（提示）") != std::string::npos;
  }));
  for (int i = 0; i <= static_cast<int>(Severity::kCritical); ++i)
    CHECK(ParseSeverity(SeverityName(static_cast<Severity>(i))) == static_cast<Severity>(i));
  for (const auto& name : IssuerLevels()) CHECK(IssuerLevelName(*ParseIssuerLevel(name)) == name);
  CHECK_FALSE(ParseIssuerLevel("distrct").has_value());
}
