// Near misses: the sentences that held a rule's terms and did not count, each with its reason and what it would
// need (`rules explain`, `check --format json` near_misses). Collected only on demand: a check records a unit it
// rejects through RecordMiss, which does nothing when EvalContext::misses is null (the default path).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/report.h"
#include "evaluate/check.h"

namespace fazhi {

// Records that the sentence `sentence` was looked at and did not count (no-op unless ctx.misses is set).
inline void RecordMiss(const EvalContext& ctx, Span sentence, MissReason reason, std::string detail) {
  if (ctx.misses) ctx.misses->push_back(MissRef{sentence, reason, std::move(detail), 0});
}

// The part a section belongs to, as an auditor names it: "存在的问题与不足（存在的问题）" — the heading of the nearest
// section with a role, and that role in Chinese.
std::string PartName(const Document& doc, std::uint32_t section);

// The Chinese name of a part's role as an auditor reads it ("存在的问题", "下一步安排"); "" for kNone.
const char* RoleLabelZh(SectionRole r);

// "missing_term", "too_far", … (the JSON reason codes).
const char* MissReasonCode(MissReason r);

// One entry per sentence (its strongest reason), without the sentences the rule counted concretely (`counted`: the
// pass condition's support), the strongest reasons first, then document order; at most `max`.
std::vector<NearMiss> BuildNearMisses(const Document& doc, const TermMatcher& m, std::vector<MissRef> misses,
                                      const std::vector<EvidenceRef>& counted, std::size_t max);

// For each near miss of a gap result: the other rule of the report that counted the same sentence (pass or partial
// evidence), so the auditor reads "计入了规则 X" — the text counts, for another requirement.
void NoteOtherRules(std::vector<RuleResult>& results);

}  // namespace fazhi
