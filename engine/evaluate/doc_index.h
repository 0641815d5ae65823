// EvalIndex: what every rule of one document looks up, worked out once per document instead of once per rule hit —
// the clause breaks and the digits of the text, each long term list's hits in text order, each section's heading
// path.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "core/document.h"
#include "match/term_matcher.h"

namespace fazhi {

// One occurrence of a term: [start, end) in Document::text.
struct TermHit {
  std::uint32_t start, end;
  TermId term;
};

// Built by EvaluateRules for one document and pointed at by EvalContext::index; the checks reach it through the
// helpers of check_support.h (HitsIn, ClauseAt, …), which give the same answers without it. Not thread-safe: one
// per document being evaluated. Term lists are cached by address: they live in the RuleSet, which outlives it.
class EvalIndex {
 public:
  EvalIndex(const Document& doc, const Hits& hits, const TermMatcher& matcher);

  // The clause around `offset` (what ClauseAt computes by walking the text): binary searches over the breaks.
  Span ClauseAt(std::uint32_t offset) const;
  // Every hit of `ids`, ordered by start, longer first at the same start (HitsIn's order); duplicates in `ids` give
  // duplicate hits, as HitsIn does. Null the first time a list is asked for: a list looked at once (most anchor
  // lists) is cheaper searched term by term than sorted; from the second time on (the cues, a rule's other groups
  // in every unit) it is sorted once and kept.
  const std::vector<TermHit>* AllHits(const std::vector<TermId>& ids);
  // Offsets of the ASCII digits of the text, ascending (IsConcrete looks for numbers from one to the next).
  const std::vector<std::uint32_t>& Digits() const { return digits_; }
  // Document::SectionPath, built once per section.
  const std::string& SectionPath(std::uint32_t section);

 private:
  const Document& doc_;
  const Hits& hits_;
  const TermMatcher& matcher_;
  std::vector<std::uint32_t> clause_begins_;  // offsets right after a clause break (ClauseAt's begin candidates)
  std::vector<std::uint32_t> clause_ends_;    // offsets where a clause break starts (its end candidates)
  std::vector<std::uint32_t> digits_;
  // Open addressing by the list's address (a power-of-two table, at most half full): one probe, usually.
  struct Slot {
    const std::vector<TermId>* key = nullptr;
    std::uint32_t list = 0;  // index into lists_ + 1; 0 = asked for once, not built
  };
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  std::deque<std::vector<TermHit>> lists_;  // a deque: AllHits' references stay valid as lists are added
  std::vector<std::string> paths_;
  std::vector<bool> path_built_;
};

}  // namespace fazhi
