// A RuleResult keeps what few results have (waiver, near misses, audit-profile links) behind one pointer
// (core/report.h, ResultExtras): a result is a value all the same — copies own their extras — and stays small.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "core/report.h"

namespace fazhi {
namespace {

RuleResult WithExtras() {
  RuleResult r;
  r.verdict = r.unwaived = Verdict::kPartial;
  r.extras.Mutable().waiver = "已在专项报告中说明";
  r.extras.Mutable().also_cites = {"report/002", "duty/007"};
  r.extras.Mutable().same_as = "report/001";
  NearMiss nm;
  nm.quote = "推进严格规范公正文明执法。";
  nm.code = "missing_term";
  r.extras.Mutable().near_misses.push_back(nm);
  return r;
}

TEST_CASE("a result without extras reads empty ones and is a few words", "[core][report]") {
  const RuleResult r;
  CHECK(r.waiver().empty());
  CHECK(r.same_as().empty());
  CHECK(r.also_cites().empty());
  CHECK(r.near_misses().empty());
  // Every report holds one result per rule (3,056 with bench/run's 16× packs): the rare parts must stay out of it.
  CHECK(sizeof(RuleResult) <= 9 * sizeof(void*));
}

TEST_CASE("a copied result owns its extras: changing either leaves the other as it was", "[core][report]") {
  const RuleResult original = WithExtras();
  RuleResult copy = original;
  CHECK(copy.waiver() == original.waiver());
  CHECK(copy.also_cites() == original.also_cites());
  CHECK(copy.same_as() == "report/001");
  REQUIRE(copy.near_misses().size() == 1);
  CHECK(copy.near_misses()[0].quote == "推进严格规范公正文明执法。");

  copy.extras.Mutable().waiver = "另一理由";
  copy.extras.Mutable().also_cites.push_back("ledger-100/024");
  copy.extras.Mutable().near_misses[0].counted_for = "report/003 标题";
  CHECK(original.waiver() == "已在专项报告中说明");
  CHECK(original.also_cites().size() == 2);
  CHECK(original.near_misses()[0].counted_for.empty());

  // Assigned over by a result without extras: reads empty; assigned a copy again: reads the original's.
  copy = RuleResult();
  CHECK(copy.waiver().empty());
  CHECK(copy.near_misses().empty());
  copy = original;
  CHECK(copy.same_as() == "report/001");
  CHECK(copy.waiver() == "已在专项报告中说明");

  // A vector of results grown and copied keeps every result's own extras.
  std::vector<RuleResult> results(3);
  results[1] = original;
  results.reserve(100);
  const std::vector<RuleResult> again = results;
  CHECK(again[0].waiver().empty());
  CHECK(again[1].waiver() == "已在专项报告中说明");
  CHECK(again[2].also_cites().empty());
  RuleResult moved = std::move(results[1]);
  CHECK(moved.also_cites() == original.also_cites());
}

}  // namespace
}  // namespace fazhi
