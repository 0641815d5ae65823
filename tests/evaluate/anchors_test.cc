// Rules settled from their anchors (RuleSetBuilder::Finish, the shared settled results of EvaluateRules) must give
// exactly what the full evaluation gives, on real reports with every shipped rule — and the anchors must be the right
// terms.
#include <catch2/catch.hpp>

#include "evaluate/doc_builder.h"
#include "evaluate/evaluator.h"
#include "pipeline/check.h"
#include "rules/rule_set.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace fazhi {
namespace {

TEST_CASE("rules settled from their anchors give the full evaluation's verdicts on real reports", "[evaluate]") {
  auto rules = test::LoadShippedRules();
  const std::vector<fs::path> inputs = test::RealReports();
  REQUIRE(inputs.size() >= 3);
  std::size_t anchored = 0, skipped = 0;
  for (const auto& p : rules->packs())
    for (const auto& r : p->rules) anchored += r->anchored;
  for (const auto& input : inputs) {
    CheckOptions copts;
    Document doc = LoadDocument(input.string(), copts);
    test::CheckSettledEqualsFull(*rules, doc);
    Hits hits = rules->matcher().Scan(doc.text);
    for (const auto& p : rules->packs())
      for (const auto& r : p->rules) {
        bool any = std::any_of(r->anchors.begin(), r->anchors.end(), [&](TermId t) { return !hits.Of(t).empty(); });
        if (r->anchored && !any) ++skipped;
      }
  }
  // Most shipped rules start from terms; on real reports some of them find none of theirs.
  CHECK(anchored * 2 > rules->RuleCount());
  CHECK(skipped > 0);
}

TEST_CASE("anchors: mention anchors on its first group; any/all only when every branch is anchored", "[evaluate]") {
  Diagnostics diags;
  auto set = test::CompileRules(R"(rules:
  - id: m
    title: m
    cite: c
    check: {mention: {all: [[法治, 依法], 政府]}}
  - id: anyof
    title: a
    cite: c
    check: {any: [{mention: {any: [述法]}}, {mention: {any: [述职]}}]}
  - id: with-section
    title: s
    cite: c
    check: {any: [{mention: {any: [述法]}}, {section: {role: causes}}]}
  - id: negated
    title: n
    cite: c
    check: {not: {mention: {any: [违法]}}}
  - id: graded
    title: g
    cite: c
    check:
      pass: {mention: {any: [考核], concrete: true}}
      partial: {mention: {any: [考评]}}
)", diags);
  REQUIRE_FALSE(HasErrors(diags));
  auto terms = [&](const std::string& id) { return test::AnchorTerms(*set, "t/" + id); };
  CHECK(set->Find("t/m")->anchored);
  CHECK(terms("m") == std::vector<std::string>{"依法", "法治"});
  CHECK(terms("anyof") == std::vector<std::string>{"述法", "述职"});
  CHECK_FALSE(set->Find("t/with-section")->anchored);  // a section check finds things without terms
  CHECK_FALSE(set->Find("t/negated")->anchored);       // `not` of nothing is a pass
  CHECK(terms("graded") == std::vector<std::string>{"考核", "考评"});
  // And a document without those terms: the settled verdicts are the full evaluation's.
  Document doc = test::BuildDocument({{SectionRole::kMeasures, {"一、主要举措", "全面推进各项工作。"}},
                                      {SectionRole::kCauses, {"二、原因", "认识不到位。"}}});
  test::CheckSettledEqualsFull(*set, doc);
}

}  // namespace
}  // namespace fazhi
