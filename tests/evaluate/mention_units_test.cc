// A mention's anchors in sentence and paragraph scopes are placed in their unit without asking UnitAt again while
// they come before the next unit's begin (checks/mention.cc): an anchor that begins exactly where a unit begins is in
// that unit, not in the one before — also when the one before lacks a group (its later anchors are passed over).
#include <catch2/catch.hpp>

#include "core/diagnostic.h"
#include "evaluate/doc_builder.h"

namespace fazhi::test {
namespace {

std::unique_ptr<RuleSet> Units(const std::string& scope) {
  Diagnostics d;
  auto set = CompileRules("rules:\n"
                          "  - id: r\n    title: t\n    cite: c\n    check:\n      pass:\n"
                          "        mention: {all: [[甲方案], [公布]], scope: " + scope + "}\n"
                          "  - id: near\n    title: t\n    cite: c\n    check:\n      pass:\n"
                          "        mention: {all: [[甲方案], [公布]], near: 3, scope: " + scope + "}\n",
                          d);
  for (const auto& x : d) INFO(FormatDiagnostic(x));
  REQUIRE_FALSE(HasErrors(d));
  return set;
}

TEST_CASE("mention: an anchor at a unit's first byte is in that unit, after a unit that lacks a group",
          "[evaluate][mention]") {
  const auto M = SectionRole::kMeasures;
  // Sentences: the second begins with the anchor right after the first's 。; paragraphs: the second line does.
  const Document sentences = BuildDocument({{M, {"一、主要工作情况", "甲方案。甲方案已公布。"}}});
  const Document paragraphs = BuildDocument({{M, {"一、主要工作情况", "甲方案。", "甲方案已公布。", "甲方案。"}}});
  const Document last = BuildDocument({{M, {"一、主要工作情况", "甲方案。", "甲方案。甲方案已公布"}}});
  for (const std::string scope : {"sentence", "paragraph"}) {
    INFO(scope);
    auto set = Units(scope);
    for (const Document* doc : {&sentences, &paragraphs, &last}) {
      const std::vector<RuleResult> results = CheckSettledEqualsFull(*set, *doc);  // indexed against plain
      REQUIRE(results.size() == 2);
      CHECK(results[0].verdict == Verdict::kPass);
      CHECK(results[1].verdict == Verdict::kPass);
      REQUIRE_FALSE(results[0].evidence.empty());
      // A sentence scope quotes the anchor's sentence that holds both (a paragraph scope, the anchor's sentence).
      if (scope == "sentence") CHECK(results[0].evidence[0].quote.find("公布") != std::string_view::npos);
    }
  }
}

}  // namespace
}  // namespace fazhi::test
