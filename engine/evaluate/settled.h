// Results that do not depend on the document, built once per rule set and copied into every report it checks
// (EvaluateRules): per pack, each rule's verdict when none of its anchor terms occurs. Copying a result copies a
// pointer to its rule and one to its message, which the rule holds (SharedText::Borrow: no text bytes, no count).
#pragma once

#include <cstdint>
#include <vector>

#include "core/report.h"

namespace fazhi {

class RuleSet;
struct Pack;
struct Rule;

class SettledRuns {
 public:
  // After RuleSetBuilder::Finish. Keeps no reference to `rules`.
  explicit SettledRuns(const RuleSet& rules);

  // Appends pack `p`'s results as they stand for a document when the pack and each rule apply and none of the terms
  // the rules start from occurs: anchored rules fail with their nothing-found message, rules marked not_checkable
  // say so (BlankResult). The evaluator replaces the results of the rules the document's terms concern and of those
  // in `always()`.
  void AppendSettled(std::size_t p, std::vector<RuleResult>& out) const;
  // Appends a result for every rule of pack `p` with verdict `v` and `message` (the pack does not apply, or nothing
  // can be checked), read from the same array: the rules themselves are not touched.
  void AppendUniform(std::size_t p, Verdict v, const SharedText& message, std::vector<RuleResult>& out) const;
  // Index (in pack/rule order over the whole set) of pack `p`'s first rule; First(packs) = the number of rules.
  std::uint32_t First(std::size_t p) const { return first_[p]; }
  // The rules looked at for every document whatever its terms, ascending: those without anchors (a section, date
  // or `not` check finds things without terms: evaluated) and those with applicability of their own (years,
  // levels: their settled result stands only where they apply).
  const std::vector<std::uint32_t>& always() const { return always_; }
  // Applicability cases: packs and rules whose years, levels and warning year are the same and which both have an
  // `also_when` or both have none get the same not_applicable verdict and message in a report (the message names
  // only these, the document and whether it is a pack or a rule), so the evaluator works out each case once per
  // report (bench/run's 16× packs: 80 packs and ~1,200 rules with years or levels, ~10 cases). Case of pack `p`
  // (`levels` false: its years only) and of rule `i` (in pack/rule order); cases() = how many.
  std::uint32_t PackCase(std::size_t p, bool levels) const { return pack_cases_[2 * p + (levels ? 0 : 1)]; }
  std::uint32_t RuleCase(std::uint32_t i) const { return rule_cases_[i]; }
  std::uint32_t cases() const { return cases_; }
  bool CaseAlsoWhen(std::uint32_t c) const { return case_also_when_[c]; }
  // Rule `i`'s Rule::anchored and whether it is marked not_checkable, from one byte array: the evaluator looks at
  // these for every rule of always() (240 with bench/run's 16n packs), and reading them from the rules themselves
  // was a cache miss each (the largest cost of the rule loop on that set).
  bool Anchored(std::uint32_t i) const { return flags_[i] & kAnchored; }
  bool NotCheckable(std::uint32_t i) const { return flags_[i] & kNotCheckable; }

 private:
  // What a settled result holds besides empty lists, 32 bytes a rule in one array (a RuleResult is 72): every
  // report reads all of it (3,056 rules with bench/run's 16n packs), read after the previous report's output has
  // gone through the caches.
  struct Entry {
    const Rule* rule;
    Verdict verdict;
    double weight;
    SharedText message;
  };
  std::vector<Entry> entries_;  // every pack's, in pack/rule order: pack p's from first_[p]
  std::vector<std::uint32_t> first_;
  std::vector<std::uint32_t> always_;
  std::vector<std::uint32_t> pack_cases_, rule_cases_;
  std::uint32_t cases_ = 0;
  std::vector<bool> case_also_when_;
  static constexpr std::uint8_t kAnchored = 1, kNotCheckable = 2;
  std::vector<std::uint8_t> flags_;  // per rule
};

// A rule's result with nothing evaluated yet: the rule, its weight, `verdict` and `message`.
RuleResult BlankResult(const Rule& rule, Verdict verdict, const SharedText& message);

}  // namespace fazhi
