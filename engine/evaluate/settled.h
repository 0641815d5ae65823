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

  // Pack `p`'s results as they stand for a document when the pack and each rule apply and none of the terms the
  // rules start from occurs: anchored rules fail with their nothing-found message, rules marked not_checkable say
  // so. The evaluator replaces the results of the rules the document's terms concern and of those in `always()`.
  const std::vector<RuleResult>& Settled(std::size_t p) const { return settled_[p]; }
  // Appends pack `p`'s settled results to `out`: the same results as copying Settled(p), built from the five members
  // a settled result has (rule, verdict, unwaived, weight, message; its lists and strings are empty) instead of
  // copy-constructing every member (~100 instructions a rule, per rule per report).
  void AppendSettled(std::size_t p, std::vector<RuleResult>& out) const;
  // Index (in pack/rule order over the whole set) of pack `p`'s first rule; First(packs) = the number of rules.
  std::uint32_t First(std::size_t p) const { return first_[p]; }
  // The rules looked at for every document whatever its terms, ascending: those without anchors (a section, date
  // or `not` check finds things without terms: evaluated) and those with applicability of their own (years,
  // levels: their settled result stands only where they apply).
  const std::vector<std::uint32_t>& always() const { return always_; }

 private:
  std::vector<std::vector<RuleResult>> settled_;
  std::vector<std::uint32_t> first_;
  std::vector<std::uint32_t> always_;
};

// A rule's result with nothing evaluated yet: the rule, its weight, `verdict` and `message`.
RuleResult BlankResult(const Rule& rule, Verdict verdict, const SharedText& message);

}  // namespace fazhi
