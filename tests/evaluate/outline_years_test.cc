// A report of a year after the newest encoded outline (2026 and later): the outline packs do not apply, the other
// packs are checked as usual, and one warning says that no outline for that year is encoded.
#include <catch2/catch.hpp>

#include <map>

#include "doc_builder.h"
#include "pipeline/check.h"
#include "test_support.h"

using namespace fazhi;

TEST_CASE("a report covering 2026 keeps report, duty and ledger verdicts; no outline applies", "[evaluate][years]") {
  auto rules = test::LoadShippedRules();
  for (int year : {2025, 2026, 2031}) {
    INFO("year " << year);
    CheckOptions copts;
    copts.overrides.year = year;
    Document doc = LoadDocument((test::SourceDir() / "reports" / "samples" / "hongqiao-2020.txt").string(), copts);
    Report report = CheckDocument(doc, *rules, copts);
    std::map<std::string, int> applied, not_applicable;  // per pack
    for (const RuleResult& r : report.results) {
      (r.verdict == Verdict::kNotApplicable ? not_applicable : applied)[r.rule->pack]++;
    }
    int notes = 0;
    for (const Diagnostic& d : report.diagnostics)
      if (d.code == "W-no-outline-for-year") {
        ++notes;
        CHECK(d.message.find(std::to_string(year)) != std::string::npos);
        CHECK(d.message.find("outline-2021") != std::string::npos);
      }
    if (year == 2025) {
      CHECK(notes == 0);
      CHECK(applied["outline-2021"] > 0);
    } else {
      CHECK(notes == 1);
      CHECK(applied["outline-2021"] == 0);
      CHECK(applied["outline-2015"] == 0);
      CHECK(applied["report"] > 0);
      CHECK(applied["duty"] > 0);
      CHECK(applied["ledger-100"] > 0);
    }
  }
}
