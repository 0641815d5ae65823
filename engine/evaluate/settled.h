// Results that do not depend on the document, built once per rule set and shared by every report it checks
// (core/report.h RuleResults): per pack, each rule's verdict when none of its anchor terms occurs, and — when a
// report first needs it — every rule of a pack not_applicable (or not_checkable) with one message.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
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
  const std::shared_ptr<const RuleResults::Run>& Settled(std::size_t p) const { return settled_[p]; }
  // Every rule of pack `p` with verdict `v` and `message` (the pack does not apply); built once per message and
  // kept, unless `keep` is false (a message of one document's own, like why it could not be read).
  std::shared_ptr<const RuleResults::Run> Uniform(const RuleSet& rules, std::size_t p, Verdict v,
                                                  const std::string& message, bool keep = true) const;
  // Index (in pack/rule order over the whole set) of pack `p`'s first rule; First(packs) = the number of rules.
  std::uint32_t First(std::size_t p) const { return first_[p]; }
  // The rules looked at for every document whatever its terms, ascending: those without anchors (a section, date
  // or `not` check finds things without terms: evaluated) and those with applicability of their own (years,
  // levels: their settled result stands only where they apply).
  const std::vector<std::uint32_t>& always() const { return always_; }

 private:
  std::vector<std::shared_ptr<const RuleResults::Run>> settled_;
  std::vector<std::uint32_t> first_;
  std::vector<std::uint32_t> always_;
  mutable std::mutex mu_;
  mutable std::map<std::tuple<std::size_t, int, std::string>, std::shared_ptr<const RuleResults::Run>> uniform_;
};

// A rule's result with nothing evaluated yet: the rule's fields, `verdict` and `message`.
RuleResult BlankResult(const Pack& pack, const Rule& rule, Verdict verdict, const SharedText& message);

}  // namespace fazhi
