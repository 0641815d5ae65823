// Settled results (evaluate/settled.h): a report evaluates only the rules its terms concern and copies the settled
// result of every other, and every verdict and score must be exactly what evaluating and scoring every rule gives —
// for packs and rules that do not apply, with waivers, on real reports.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <algorithm>
#include <deque>
#include <optional>
#include <random>
#include <set>

#include "evaluate/doc_builder.h"
#include "evaluate/evaluator.h"
#include "pipeline/check.h"
#include "rules/rule_set.h"
#include "score/scorer.h"
#include "score/waivers.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace fazhi {
namespace {

void SameCounts(const VerdictCounts& a, const VerdictCounts& b) {
  CHECK(a.pass == b.pass);
  CHECK(a.partial == b.partial);
  CHECK(a.fail == b.fail);
  CHECK(a.not_applicable == b.not_applicable);
  CHECK(a.not_checkable == b.not_checkable);
  CHECK(a.waived == b.waived);
  CHECK(a.error == b.error);
}

// Exact equality, doubles included.
void SameScore(const ScoreSummary& a, const ScoreSummary& b) {
  CHECK(a.total == b.total);
  CHECK(a.total_unwaived == b.total_unwaived);
  SameCounts(a.counts, b.counts);
  REQUIRE(a.packs.size() == b.packs.size());
  for (std::size_t p = 0; p < b.packs.size(); ++p) {
    INFO(b.packs[p].pack);
    CHECK(a.packs[p].pack == b.packs[p].pack);
    CHECK(a.packs[p].score == b.packs[p].score);
    CHECK(a.packs[p].score_unwaived == b.packs[p].score_unwaived);
    SameCounts(a.packs[p].counts, b.packs[p].counts);
    REQUIRE(a.packs[p].categories.size() == b.packs[p].categories.size());
    for (std::size_t c = 0; c < b.packs[p].categories.size(); ++c) {
      CHECK(a.packs[p].categories[c].name == b.packs[p].categories[c].name);
      CHECK(a.packs[p].categories[c].score == b.packs[p].categories[c].score);
      SameCounts(a.packs[p].categories[c].counts, b.packs[p].categories[c].counts);
    }
  }
}

// Every rule evaluated in full (EvaluateRule), in pack/rule order.
std::vector<RuleResult> Full(const RuleSet& set, const Document& doc) {
  Hits hits = set.matcher().Scan(doc.text);
  EvalContext ctx{doc, hits, set.matcher()};
  std::vector<RuleResult> out;
  for (const auto& p : set.packs())
    for (const auto& r : p->rules) out.push_back(EvaluateRule(doc, ctx, *p, *r, nullptr));
  return out;
}

// Result `r` is a copy of its rule's settled fail: its message is the rule's own nothing-found text, not a copy.
bool FromSettled(const RuleResult& r) {
  const auto& rule = static_cast<const Rule&>(*r.rule);  // every result of a checked report points at a Rule
  return !rule.nothing_found.empty() && &r.message.str() == &rule.nothing_found.str();
}

TEST_CASE("settled results equal a full evaluation, also where packs and rules do not apply", "[evaluate]") {
  auto rules = test::LoadShippedRules();
  auto inputs = test::RealReports();
  REQUIRE(inputs.size() >= 3);
  // The reports' own years, and years and levels that make whole packs (outline-2015 / outline-2021) and rules with
  // their own applicability not apply, and a year after the newest outline.
  std::vector<MetadataOverrides> variants(6);
  variants[1].year = 2023;
  variants[1].level = IssuerLevel::kDepartment;
  variants[2].year = 2017;
  variants[2].level = IssuerLevel::kProvince;
  variants[3].level = IssuerLevel::kTownship;
  variants[4].year = 2013;
  variants[5].year = 2027;  // after outline-2021's years: not applicable, with W-no-outline-for-year
  std::size_t settled_seen = 0, na_seen = 0;
  for (const auto& input : inputs) {
    for (const auto& v : variants) {
      INFO(input.filename().string() << " year " << v.year.value_or(0) << " level " << (v.level ? IssuerLevelName(*v.level) : "-"));
      CheckOptions copts;
      copts.overrides = v;
      Document doc = LoadDocument(input.string(), copts);
      Report report = CheckDocument(doc, *rules, copts);
      bool newer = std::any_of(report.diagnostics.begin(), report.diagnostics.end(),
                               [](const Diagnostic& d) { return d.code == "W-no-outline-for-year"; });
      CHECK(newer == (doc.meta.year.value && *doc.meta.year.value > 2025));
      std::vector<RuleResult> fast = test::CheckSettledEqualsFull(*rules, doc);
      REQUIRE(fast.size() == report.results.size());
      for (std::size_t i = 0; i < fast.size(); ++i) test::CheckSameResult(report.results[i], fast[i]);
      std::vector<RuleResult> full = Full(*rules, doc);
      SameScore(report.score, ScoreResults(full, *rules));
      settled_seen += std::count_if(report.results.begin(), report.results.end(), FromSettled);
      na_seen += report.score.counts.not_applicable;

      // Waivers change the report's results; the scores follow the full evaluation's with the same waivers.
      std::vector<std::string> ids;
      for (const auto& r : report.results) ids.push_back(r.rule->id);
      auto waivers = ParseWaivers("w.yaml", R"(waivers:
  - {rule: "ledger-100/0*", reason: 市级统计, approver: 张三, date: 2021-03-01}
  - {rule: "report/*", reason: 另行报告, approver: 李四, date: 2021-03-01}
)");
      Report before = report;
      ApplyWaivers(waivers, ids, Date{2021, 6, 1}, report);
      report.score = ScoreResults(report.results, *rules);
      Report full_report;
      full_report.document = report.document;
      full_report.results = full;
      ApplyWaivers(waivers, ids, Date{2021, 6, 1}, full_report);
      SameScore(report.score, ScoreResults(full_report.results, *rules));
      CHECK(report.score.counts.waived > 0);
      for (std::size_t k = 0; k < report.results.size(); ++k)
        if (report.results[k].verdict == Verdict::kWaived) CHECK(before.results[k].verdict != Verdict::kWaived);
    }
  }
  CHECK(settled_seen > 0);  // the rules no term of a report concerns were not evaluated
  CHECK(na_seen > 0);
}

// A section or date check is worked out once per document and its outcome given again to every rule with the same
// check (evaluate/document_outcomes.h). Rules whose checks differ in one parameter each — the role, the heading
// words, min_chars, the deadline, the dates used — must each get their own verdict, reasons and quotes, as when each
// rule is evaluated alone; and copies of a check (two, or three: the third reads the kept outcome), inside an `any`
// or alone, the same.
TEST_CASE("a section or date check shared by several rules gives each rule what evaluating it alone gives",
          "[evaluate]") {
  Diagnostics diags;
  auto set = test::CompileRules(R"(rules:
  - {id: s1, title: s, cite: c, check: {section: {role: measures}}}
  - {id: s2, title: s, cite: c, check: {section: {role: measures, min_chars: 100000}}}
  - {id: s3, title: s, cite: c, check: {section: {role: shortcomings}}}
  - {id: s4, title: s, cite: c, check: {any: [{section: {role: shortcomings}}, {mention: {any: [复议]}}]}}
  - {id: s5, title: s, cite: c, check: {section: {heading: [问题, 不足]}}}
  - {id: s6, title: s, cite: c, check: {section: {heading: [不足, 问题]}}}
  - {id: s7, title: s, cite: c, check: {section: {heading: [问题]}}}
  - {id: s8, title: s, cite: c, check: {section: {role: measures}}}
  - {id: s9, title: s, cite: c, check: {section: {role: rectification, heading: [整改]}}}
  - {id: d1, title: d, cite: c, check: {date: {deadline: "+1-04-01"}}}
  - {id: d2, title: d, cite: c, check: {date: {deadline: "+1-01-15"}}}
  - {id: d3, title: d, cite: c, check: {date: {deadline: "+1-04-01", use: [signed]}}}
  - {id: d4, title: d, cite: c, check: {date: {deadline: "+0-04-01"}}}
  - {id: d5, title: d, cite: c, check: {any: [{date: {deadline: "+1-04-01"}}, {mention: {any: [复议]}}]}}
  - {id: s10, title: s, cite: c, check: {section: {role: measures}}}
  - {id: d6, title: d, cite: c, check: {date: {deadline: "+1-04-01"}}}
)",
                                diags);
  REQUIRE_FALSE(HasErrors(diags));
  std::set<std::string> verdicts;  // rule and verdict: the differing checks must differ somewhere
  for (const auto& input : test::RealReports())
    for (std::optional<int> year : {std::optional<int>(), std::optional<int>(2016), std::optional<int>(2024)}) {
      CheckOptions copts;
      copts.overrides.year = year;
      Document doc = LoadDocument(input.string(), copts);
      INFO(input.filename().string() << " year " << year.value_or(0));
      for (const auto& r : test::CheckSettledEqualsFull(*set, doc))
        verdicts.insert(r.rule->id.str() + " " + VerdictName(r.verdict));
    }
  for (const char* differ : {"t/s2 fail", "t/d4 fail", "t/d1 pass"}) CHECK(verdicts.count(differ));
  CHECK(verdicts.size() > 18);
}

TEST_CASE("two reports point at the rule set's rules; a settled result copies no text", "[evaluate]") {
  auto rules = test::LoadShippedRules();
  auto inputs = test::RealReports();
  CheckOptions copts;
  Report a = CheckDocument(LoadDocument(inputs[0].string(), copts), *rules, copts);
  Report b = CheckDocument(LoadDocument(inputs[1].string(), copts), *rules, copts);
  REQUIRE(a.results.size() == rules->RuleCount());
  REQUIRE(b.results.size() == rules->RuleCount());
  std::size_t i = 0, both_settled = 0;
  for (const auto& p : rules->packs())
    for (const auto& r : p->rules) {
      CHECK(a.results[i].rule == r.get());
      CHECK(b.results[i].rule == r.get());
      if (FromSettled(a.results[i]) && FromSettled(b.results[i])) {
        CHECK(&a.results[i].message.str() == &b.results[i].message.str());
        ++both_settled;
      }
      ++i;
    }
  CHECK(both_settled > 0);
  CHECK(std::count_if(a.results.begin(), a.results.end(), FromSettled) < static_cast<long>(a.results.size()));
}

TEST_CASE("scores of flat and weighted-category packs equal those of a full evaluation, with waivers", "[evaluate]") {
  const std::string rules_yaml = R"(rules:
  - {id: a1, title: a, cite: c, category: 甲, weight: 2, check: {mention: {any: [述法]}}}
  - {id: a2, title: a, cite: c, category: 甲, check: {mention: {any: [普法]}}}
  - {id: b1, title: b, cite: c, category: 乙, weight: 0.3, check: {mention: {any: [复议]}}}
  - {id: b2, title: b, cite: c, category: 乙, check: {section: {role: causes}}}
  - {id: c1, title: c, cite: c, category: 丙, weight: 1.7, check: {mention: {any: [应诉]}}}
)";
  auto waivers = ParseWaivers("w.yaml", "waivers:\n  - {rule: t/c1, reason: r, approver: a, date: 2021-03-01}\n");
  const std::vector<std::string> ids = {"t/a1", "t/a2", "t/b1", "t/b2", "t/c1"};
  for (const char* scoring : {"scoring: {model: flat, partial: 0.25}\n",
                              "scoring: {partial: 0.4, categories: {甲: 3, 乙: 0.5, 丙: 1.5}}\n"}) {
    INFO(scoring);
    Diagnostics diags;
    auto set = test::CompileRules(rules_yaml, diags, scoring);
    REQUIRE_FALSE(HasErrors(diags));
    for (const char* line : {"区长带头述法。", "全年办理复议案件12件，开展普法活动。", "没有相关内容。"}) {
      Document doc = test::BuildDocument({{SectionRole::kMeasures, {"一、主要举措", line}},
                                          {SectionRole::kCauses, {"二、原因", "认识不到位。"}}});
      Report report = CheckDocument(doc, *set, CheckOptions{});
      Report full;
      full.results = Full(*set, doc);
      SameScore(report.score, ScoreResults(full.results, *set));
      ApplyWaivers(waivers, ids, Date{2021, 6, 1}, report);
      ApplyWaivers(waivers, ids, Date{2021, 6, 1}, full);
      report.score = ScoreResults(report.results, *set);
      SameScore(report.score, ScoreResults(full.results, *set));
    }
  }
}

TEST_CASE("every match of a regex holds one of its anchor terms (real reports)", "[evaluate]") {
  // The anchors are sound only if no text without them can match: check it on every match in the real reports,
  // for the shipped regex and for patterns whose anchors are alternations and required middles.
  const std::vector<std::string> own = {"(出庭应诉率|出庭率)[^。]{0,30}?(至|达)[^。%]{0,10}?[0-9.]+%",
                                       "[0-9]+(件|起|宗)", "(制定|出台|印发)[^。]{0,20}(办法|规定|方案)",
                                       "[0-9]{1,3}(个|名)[^。]{0,6}(部门|单位|人员)"};
  std::string yaml = "rules:\n";
  for (std::size_t i = 0; i < own.size(); ++i)
    yaml += "  - {id: r" + std::to_string(i) + ", title: r, cite: c, check: {regex: {pattern: \"" + own[i] + "\"}}}\n";
  Diagnostics diags;
  auto set = test::CompileRules(yaml, diags);
  REQUIRE_FALSE(HasErrors(diags));
  auto shipped = test::LoadShippedRules();
  std::vector<std::pair<std::string, std::vector<std::string>>> patterns = {
      {"(出庭应诉率|出庭率)[^。；]{0,30}?(至|达到|达)([^。；%]{0,10}?[^0-9.])?(8[0-9]|9[0-9]|100)(\\.[0-9]+)?%",
       test::AnchorTerms(*shipped, "ledger-100/061")}};
  for (std::size_t i = 0; i < own.size(); ++i) {
    std::string id = "t/r" + std::to_string(i);
    REQUIRE(set->Find(id)->anchored);
    patterns.push_back({own[i], test::AnchorTerms(*set, id)});
  }
  std::size_t matches = 0;
  for (const auto& input : test::RealReports()) {
    CheckOptions copts;
    Document doc = LoadDocument(input.string(), copts);
    for (const auto& [pattern, anchors] : patterns) {
      RE2 re("(" + pattern + ")");
      REQUIRE(re.ok());
      re2::StringPiece text(doc.text), m;
      while (RE2::FindAndConsume(&text, re, &m)) {
        ++matches;
        std::string_view got(m.data(), m.size());
        bool has = std::any_of(anchors.begin(), anchors.end(),
                               [&](const std::string& a) { return got.find(a) != std::string_view::npos; });
        INFO(pattern << " matched " << got);
        CHECK(has);
      }
    }
  }
  CHECK(matches > 10);
}

// ScoreResults takes a compiled set's results in its order pack by pack with the pack texts it keeps per set
// (score/scorer.cc: no text compared per result); results it cannot prove are the set's own go by pack id. Both must
// give the same scores, texts and counts to the bit: here the same results, once as Check gave them and once
// pointing at copies of their rules (another object each: the general path).
TEST_CASE("a compiled set's results score the same as the same results read by pack id", "[evaluate][score]") {
  auto rules = test::LoadShippedRules();
  std::deque<RuleInfo> copies;  // what the copied results point at
  std::size_t packs = 0;
  for (const auto& input : test::RealReports()) {
    for (std::optional<int> year : {std::optional<int>(), std::optional<int>(2017)}) {
      CheckOptions copts;
      copts.overrides.year = year;
      Document doc = LoadDocument(input.string(), copts);
      Report report = CheckDocument(doc, *rules, copts);
      std::vector<RuleResult> moved = report.results;
      for (auto& r : moved) r.rule = &copies.emplace_back(*r.rule);
      const ScoreSummary by_id = ScoreResults(moved, *rules);
      INFO(input.filename().string() << " year " << year.value_or(0));
      SameScore(report.score, by_id);
      REQUIRE(report.score.packs.size() == by_id.packs.size());
      for (std::size_t p = 0; p < by_id.packs.size(); ++p) {
        CHECK(report.score.packs[p].title == by_id.packs[p].title);
        CHECK(report.score.packs[p].model == by_id.packs[p].model);
      }
      CHECK(ScoreResults(report.results, *rules).packs.size() == rules->packs().size());  // the set's path, again
      packs += by_id.packs.size();
    }
  }
  CHECK(packs >= 3 * 2 * rules->packs().size());
}

// The set's path keeps, per thread and pack, the last report's results and their sums, and adds and takes away only
// the results that differ (score/scorer.cc, KeptSums). Report after report, with verdicts, unwaived verdicts and
// weights changed at random (weights 0.3 and 1.7 are no k/1024: that pack goes the general way and starts again),
// and now and then a result not of the set's rule, its scores must be the general path's to the bit.
TEST_CASE("kept sums score every report like a fresh sum, whatever changed since the last", "[evaluate][score]") {
  auto rules = test::LoadShippedRules();
  std::vector<std::vector<RuleResult>> reports;
  for (const auto& input : test::RealReports())
    for (std::optional<int> year : {std::optional<int>(), std::optional<int>(2017)}) {
      CheckOptions copts;
      copts.overrides.year = year;
      reports.push_back(CheckDocument(LoadDocument(input.string(), copts), *rules, copts).results);
    }
  REQUIRE(reports.size() >= 6);
  std::mt19937 random(21);
  const double weights[] = {0, 0.5, 1, 2, 3.25, 0.3, 1.7};
  const Verdict verdicts[] = {Verdict::kPass,          Verdict::kPartial, Verdict::kFail,  Verdict::kNotApplicable,
                              Verdict::kNotCheckable, Verdict::kWaived,  Verdict::kError};
  std::deque<RuleInfo> copies;
  std::size_t changed = 0;
  for (int round = 0; round < 120; ++round) {
    std::vector<RuleResult> results = reports[round % reports.size()];
    const int changes = round % 4 == 0 ? 0 : static_cast<int>(random() % 40);
    for (int c = 0; c < changes; ++c) {
      RuleResult& r = results[random() % results.size()];
      r.verdict = verdicts[random() % std::size(verdicts)];
      r.unwaived = random() % 2 ? r.verdict : verdicts[random() % std::size(verdicts)];
      if (random() % 3 == 0) r.weight = weights[random() % (round < 60 ? 5 : std::size(weights))];
      ++changed;
    }
    // Now and then one result of another rule (of another category) in the set's place, the rest the set's: the
    // general path for the report, and the kept sums still right for the next.
    if (round % 5 == 2) {
      RuleResult& r = results[random() % results.size()];
      RuleInfo& other = copies.emplace_back(*r.rule);
      other.category = "另一类";
      r.rule = &other;
    }
    std::vector<RuleResult> moved = results;
    for (auto& r : moved) r.rule = &copies.emplace_back(*r.rule);
    INFO("round " << round);
    SameScore(ScoreResults(results, *rules), ScoreResults(moved, *rules));
  }
  CHECK(changed > 1000);
}

TEST_CASE("a regex is anchored on the literals it cannot match without; a metric on its terms", "[evaluate]") {
  Diagnostics diags;
  auto set = test::CompileRules(R"(rules:
  - id: rate
    title: r
    cite: c
    check: {regex: {pattern: "(出庭应诉率|出庭率)[^。]{0,30}?(至|达)(8[0-9]|9[0-9]|100)%"}}
  - id: unit
    title: u
    cite: c
    check: {regex: {pattern: "[0-9]+件"}}
  - id: either
    title: e
    cite: c
    check: {regex: {pattern: "出庭应诉|[0-9]+人次"}}
  - id: digits
    title: d
    cite: c
    check: {regex: {pattern: "[0-9]+%"}}
  - id: latin
    title: l
    cite: c
    check: {regex: {pattern: "APP[0-9]"}}
  - id: metric
    title: m
    cite: c
    check: {metric: {terms: [出庭应诉率, 出庭率], units: ["%"], min: 80}}
)", diags);
  REQUIRE_FALSE(HasErrors(diags));
  auto terms = [&](const std::string& id) { return test::AnchorTerms(*set, "t/" + id); };
  CHECK(set->Find("t/rate")->anchored);
  CHECK(terms("rate") == std::vector<std::string>{"出庭应诉率", "出庭率"});  // not 至/达: one of the two is enough
  CHECK(terms("unit") == std::vector<std::string>{"件"});
  CHECK(terms("either") == std::vector<std::string>{"人次", "出庭应诉"});  // each branch brings its own
  CHECK_FALSE(set->Find("t/digits")->anchored);  // "%" is too short to look for: it could match anywhere
  CHECK_FALSE(set->Find("t/latin")->anchored);   // the prefilter folds case: "app" would miss "APP"
  CHECK(terms("metric") == std::vector<std::string>{"出庭应诉率", "出庭率"});
  // Documents with and without the anchors: the settled verdicts are the full evaluation's.
  for (const char* line : {"全年出庭应诉率达92%。", "全年行政诉讼案件12件，负责人出庭应诉10人次。"})
    test::CheckSettledEqualsFull(*set, test::BuildDocument({{SectionRole::kMeasures, {"一、主要举措", line}}}));
}

}  // namespace
}  // namespace fazhi
