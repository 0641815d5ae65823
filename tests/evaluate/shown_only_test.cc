// The default path evaluates a rule's pass condition only as far as its verdict and quotes need
// (EvalContext::shown_only: a mention stops at kMaxShown concrete units, words no elements for a full grade) and
// skips the later anchors of a unit that lacks a group. The verdicts, messages and quotes must be those of the
// whole evaluation — near misses and `rules explain` still walk everything.
#include <catch2/catch.hpp>

#include "evaluate/check_support.h"
#include "evaluate/doc_builder.h"
#include "evaluate/evaluator.h"
#include "pipeline/check.h"
#include "rules/rule_set.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace fazhi {
namespace {

// One pack of one rule `r` whose check is `check` (YAML of the condition, e.g. "mention: {any: [公布]}").
std::unique_ptr<RuleSet> OneRule(const std::string& check) {
  Diagnostics d;
  auto set = test::CompileRules("rules:\n  - id: r\n    title: t\n    cite: c\n    check:\n      " + check + "\n", d);
  REQUIRE_FALSE(HasErrors(d));
  return set;
}

const Rule& OnlyRule(const RuleSet& set) {
  REQUIRE(set.packs().size() == 1);
  REQUIRE(set.packs()[0]->rules.size() == 1);
  return *set.packs()[0]->rules[0];
}

TEST_CASE("a pass condition stops once its quotes are settled and gives the whole evaluation's result",
          "[evaluate][mention]") {
  auto set = OneRule("mention: {any: [合法性审核], concrete: true}");
  // A generic sentence first, then five concrete ones: the quotes are the first three concrete sentences.
  Document doc = test::BuildDocument(
      {{SectionRole::kMeasures,
        {"一、主要工作情况",
         "高度重视合法性审核工作。全年对15件规范性文件进行合法性审核。对8件重大决策进行合法性审核。"
         "对3件合同进行合法性审核。对12件行政规范性文件开展合法性审核。对6件协议进行合法性审核。"}}});
  Hits hits = set->matcher().Scan(doc.text);
  const Rule& rule = OnlyRule(*set);

  EvalContext whole{doc, hits, set->matcher()};
  EvalContext shown = whole;
  shown.shown_only = true;
  Outcome all = rule.pass->Evaluate(whole);
  Outcome few = rule.pass->Evaluate(shown);
  CHECK(all.grade == Grade::kFull);
  CHECK(few.grade == Grade::kFull);
  // Concrete first: the first three concrete sentences, then the generic one; the whole list has the other two
  // concrete ones before the generic one.
  CHECK(all.support.size() == 6);
  REQUIRE(few.support.size() == 4);
  for (std::size_t i = 0; i < kMaxShown; ++i) {
    CHECK(few.support[i].span.begin == all.support[i].span.begin);
    CHECK(few.support[i].concrete);
  }
  CHECK_FALSE(few.support[3].concrete);
  CHECK(all.support[3].concrete);
  CHECK(few.support[3].span.begin == all.support[5].span.begin);
  CHECK_FALSE(all.found.empty());
  CHECK(few.found.empty());  // a full grade's element words are not read

  // The verdict, message and quotes: the default path against the one that keeps the trail.
  Outcome trail;
  RuleResult quick = EvaluateRule(doc, whole, *set->packs()[0], rule, nullptr);
  RuleResult full = EvaluateRule(doc, whole, *set->packs()[0], rule, &trail);
  test::CheckSameResult(quick, full);
  CHECK(trail.support.size() == 6);
  REQUIRE(quick.evidence.size() == kMaxShown);
  CHECK(quick.evidence[0].quote == "全年对15件规范性文件进行合法性审核。");
  CHECK(quick.evidence[2].quote == "对3件合同进行合法性审核。");
}

TEST_CASE("a sentence lacking a group settles every anchor in it, with the same near miss", "[evaluate][mention]") {
  auto set = OneRule("mention: {any: [目录, 清单], all: [[决策事项], [公布]]}");
  // Two anchors in each sentence; the first sentence holds one other group, the second both but not 公布.
  Document doc = test::BuildDocument(
      {{SectionRole::kMeasures, {"一、主要工作情况", "编制目录和清单。编制决策事项目录和清单。"}}});
  Hits hits = set->matcher().Scan(doc.text);
  const Rule& rule = OnlyRule(*set);
  EvalContext ctx{doc, hits, set->matcher()};
  std::vector<MissRef> misses;
  EvalContext with_misses = ctx;
  with_misses.misses = &misses;
  Outcome quick = rule.pass->Evaluate(ctx);
  Outcome whole = rule.pass->Evaluate(with_misses);
  CHECK(quick.grade == Grade::kNone);
  CHECK(quick.found == whole.found);
  CHECK(quick.missing == whole.missing);
  // Every anchor was looked at when near misses are asked for: two per sentence.
  CHECK(misses.size() == 4);
  RuleResult r;
  CHECK(test::VerdictOf(*set, doc, "t/r", &r) == "fail");
  CHECK(r.message.str().find("公布") != std::string::npos);
}

TEST_CASE("on real reports every rule's result is the same with and without near misses and the trail",
          "[evaluate]") {
  auto rules = test::LoadShippedRules();
  const std::vector<fs::path> inputs = test::RealReports();
  REQUIRE(inputs.size() >= 3);
  std::size_t stopped = 0;  // pass conditions that stopped early somewhere: the test covers the short path
  for (const auto& input : inputs) {
    CheckOptions copts;
    Document doc = LoadDocument(input.string(), copts);
    Hits hits = rules->matcher().Scan(doc.text);
    Diagnostics d1, d2;
    // Near misses on: every check walks every unit (no shown_only, no settled units).
    std::vector<RuleResult> quick = EvaluateRules(doc, hits, *rules, d1);
    std::vector<RuleResult> whole = EvaluateRules(doc, hits, *rules, d2, 30);
    REQUIRE(quick.size() == whole.size());
    for (std::size_t i = 0; i < quick.size(); ++i) {
      INFO(input.filename().string() << " " << quick[i].rule->id);
      test::CheckSameResult(quick[i], whole[i]);
    }
    EvalContext ctx{doc, hits, rules->matcher()};
    EvalContext shown = ctx;
    shown.shown_only = true;
    for (const auto& p : rules->packs())
      for (const auto& r : p->rules)
        if (r->pass) stopped += r->pass->Evaluate(shown).support.size() < r->pass->Evaluate(ctx).support.size();
  }
  CHECK(stopped > 0);
}

}  // namespace
}  // namespace fazhi
