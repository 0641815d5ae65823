// The scoring models with hand-computed numbers (docs/scoring.md): `default` (categories, then the pack) and `flat`
// (one weighted mean); partial credit per pack; n/a, not_checkable and waived leave the denominator.
#include <catch2/catch.hpp>

#include "hand_built.h"
#include "score/scorer.h"

namespace fazhi::test {

namespace {

RuleResult R(const std::string& pack, const std::string& id, const std::string& category, Verdict v,
             double weight = 1.0) {
  RuleResult r;
  r.rule = KeptRule(pack, id, category);
  r.verdict = r.unwaived = v;
  r.weight = weight;
  return r;
}

Pack& AddPack(RuleSet& rs, const std::string& id, const std::string& model, double partial = 0.5) {
  Pack& p = RuleSetBuilder(rs).AddPack(id);
  p.title = id + " title";
  p.scoring_model = model;
  p.partial_credit = partial;
  return p;
}

// Category A: pass w1, partial w2, fail w1.  Category B: pass w3, not_applicable w1, not_checkable w5.
std::vector<RuleResult> Mixed(const std::string& pack) {
  return {R(pack, "a1", "A", Verdict::kPass, 1),         R(pack, "a2", "A", Verdict::kPartial, 2),
          R(pack, "a3", "A", Verdict::kFail, 1),         R(pack, "b1", "B", Verdict::kPass, 3),
          R(pack, "b2", "B", Verdict::kNotApplicable, 1), R(pack, "b3", "B", Verdict::kNotCheckable, 5)};
}

}  // namespace

TEST_CASE("default model: weighted categories, then weighted pack", "[score]") {
  RuleSet rs;
  Pack& p = AddPack(rs, "p", "default");
  p.category_weights = {{"A", 2.0}, {"B", 1.0}};
  ScoreSummary s = ScoreResults(Mixed("p"), rs);
  REQUIRE(s.packs.size() == 1);
  const PackScore& ps = s.packs[0];
  REQUIRE(ps.categories.size() == 2);
  // A = (1·1 + 0.5·2 + 0·1) / (1 + 2 + 1) = 2 / 4 = 50
  CHECK(ps.categories[0].name == "A");
  CHECK(*ps.categories[0].score == Approx(50.0));
  // B = 1·3 / 3 = 100 (not_applicable and not_checkable leave the denominator)
  CHECK(*ps.categories[1].score == Approx(100.0));
  // pack = (0.50·2 + 1.00·1) / (2 + 1) = 2 / 3 = 66.67
  CHECK(*ps.score == Approx(200.0 / 3.0));
  CHECK(*ps.score_unwaived == Approx(200.0 / 3.0));
  // total = mean of the pack scores (one pack)
  CHECK(*s.total == Approx(200.0 / 3.0));
  CHECK(ps.model == "default");
  CHECK(ps.counts.not_checkable == 1);  // counted, shown, not scored
  CHECK(ps.counts.not_applicable == 1);
  CHECK(s.counts.Total() == 6);
}

TEST_CASE("default model without category weights weighs categories equally", "[score]") {
  RuleSet rs;
  AddPack(rs, "p", "default");
  ScoreSummary s = ScoreResults(Mixed("p"), rs);
  // (50 + 100) / 2 = 75
  CHECK(*s.packs[0].score == Approx(75.0));
}

TEST_CASE("flat model: one weighted mean over the pack's rules", "[score]") {
  RuleSet rs;
  Pack& p = AddPack(rs, "p", "flat");
  p.category_weights = {{"A", 2.0}, {"B", 1.0}};  // ignored by the flat model
  ScoreSummary s = ScoreResults(Mixed("p"), rs);
  // (1·1 + 0.5·2 + 0·1 + 1·3) / (1 + 2 + 1 + 3) = 5 / 7 = 71.43
  CHECK(*s.packs[0].score == Approx(500.0 / 7.0));
  CHECK(s.packs[0].model == "flat");
  // Categories are still reported for the breakdown.
  CHECK(*s.packs[0].categories[0].score == Approx(50.0));
}

TEST_CASE("partial credit is a pack setting", "[score]") {
  RuleSet rs;
  AddPack(rs, "p", "flat", 0.25);
  ScoreSummary s = ScoreResults(Mixed("p"), rs);
  // (1·1 + 0.25·2 + 0·1 + 1·3) / 7 = 4.5 / 7 = 64.29
  CHECK(*s.packs[0].score == Approx(450.0 / 7.0));
}

TEST_CASE("not_checkable and not_applicable do not move the score", "[score]") {
  RuleSet rs;
  AddPack(rs, "p", "flat");
  auto base = Mixed("p");
  double before = *ScoreResults(base, rs).packs[0].score;
  base.push_back(R("p", "c1", "A", Verdict::kNotCheckable, 10));
  base.push_back(R("p", "c2", "A", Verdict::kNotApplicable, 10));
  ScoreSummary after = ScoreResults(base, rs);
  CHECK(*after.packs[0].score == Approx(before));
  CHECK(after.counts.not_checkable == 2);
}

TEST_CASE("a pack with only not_checkable rules has no score, never 0 or 100", "[score]") {
  RuleSet rs;
  AddPack(rs, "p", "default");
  ScoreSummary s = ScoreResults({R("p", "x", "A", Verdict::kNotCheckable), R("p", "y", "B", Verdict::kNotCheckable)}, rs);
  CHECK_FALSE(s.packs[0].score.has_value());
  CHECK_FALSE(s.total.has_value());
  CHECK(s.counts.not_checkable == 2);
  CHECK_FALSE(s.packs[0].categories[0].score.has_value());
}

TEST_CASE("waived rules leave the denominator, score_unwaived keeps them", "[score]") {
  RuleSet rs;
  AddPack(rs, "p", "flat");
  auto rules = Mixed("p");
  rules[2].verdict = Verdict::kWaived;  // a3 was fail
  rules[2].unwaived = Verdict::kFail;
  ScoreSummary s = ScoreResults(rules, rs);
  // with the waiver: (1 + 1 + 3) / (1 + 2 + 3) = 5 / 6 = 83.33; without: 5 / 7 = 71.43
  CHECK(*s.packs[0].score == Approx(500.0 / 6.0));
  CHECK(*s.packs[0].score_unwaived == Approx(500.0 / 7.0));
  CHECK(*s.total == Approx(500.0 / 6.0));
  CHECK(*s.total_unwaived == Approx(500.0 / 7.0));
  CHECK(s.counts.waived == 1);
}

TEST_CASE("an error verdict scores 0 (never a silent pass)", "[score]") {
  RuleSet rs;
  AddPack(rs, "p", "flat");
  ScoreSummary s = ScoreResults({R("p", "x", "A", Verdict::kPass), R("p", "y", "A", Verdict::kError)}, rs);
  // (1 + 0) / 2 = 50
  CHECK(*s.packs[0].score == Approx(50.0));
  CHECK(s.counts.error == 1);
}

TEST_CASE("the total is the unweighted mean of the pack scores", "[score]") {
  RuleSet rs;
  AddPack(rs, "p", "default");
  AddPack(rs, "q", "flat");
  AddPack(rs, "r", "flat");
  auto results = Mixed("p");  // p = (50 + 100) / 2 = 75
  results.push_back(R("q", "x", "Q", Verdict::kPass));
  results.push_back(R("q", "y", "Q", Verdict::kFail, 3));  // q = 1 / 4 = 25
  results.push_back(R("r", "z", "R", Verdict::kNotCheckable));  // r: no score, left out of the mean
  ScoreSummary s = ScoreResults(results, rs);
  REQUIRE(s.packs.size() == 3);
  CHECK(*s.packs[1].score == Approx(25.0));
  CHECK_FALSE(s.packs[2].score.has_value());
  // (75 + 25) / 2 = 50
  CHECK(*s.total == Approx(50.0));
}

}  // namespace fazhi::test
