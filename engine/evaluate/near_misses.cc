// Near misses (evaluate/near_misses.h).
#include "evaluate/near_misses.h"

#include <algorithm>

#include "evaluate/evaluator.h"

namespace fazhi {

namespace {

// Per reason (indexed by MissReason): its JSON code and its strength — the stronger reason wins when several checks
// looked at one sentence (a named exclusion says more than a missing term).
struct ReasonEntry {
  const char* code;
  int strength;
};
constexpr ReasonEntry kReasons[] = {
    {"missing_term", 1}, {"too_far", 2}, {"except_term", 6}, {"none_term", 7},
    {"excluded_part", 4}, {"negated", 5}, {"hedged", 5}, {"not_concrete", 3},
};
int Strength(MissReason r) { return kReasons[static_cast<std::size_t>(r)].strength; }

void Explain(NearMiss& nm, MissReason r, const std::string& d) {
  switch (r) {
    case MissReason::kMissingTerm:
      nm.reason = "同一句中没有另一组要求的词（" + d + "）";
      nm.need = "同一句里还要写到其中之一：" + d;
      return;
    case MissReason::kTooFar:
      nm.reason = "要求的词都有，但相隔太远（" + d + "）";
      nm.need = "把这几组词写在一处（同一分句、相隔不远）";
      return;
    case MissReason::kExceptTerm:
      nm.reason = "命中的词是排除词“" + d + "”的一部分（except）";
      nm.need = "要写到要求的词本身，而不是“" + d + "”";
      return;
    case MissReason::kNoneTerm:
      nm.reason = "句中有排除词“" + d + "”（none）：这样写的句子说的是另一项要求";
      nm.need = "写本规则要求的对象本身，不以“" + d + "”为对象";
      return;
    case MissReason::kExcludedPart:
      nm.reason = "位于“" + d + "”部分，该部分不计入本规则（not_in / in）";
      nm.need = "写在报告的工作情况部分（如“一、主要工作情况”）";
      return;
    case MissReason::kNegated:
      nm.reason = "句中有否定或待改进的表述“" + d + "”";
      nm.need = "写已经做到的工作，不带“" + d + "”这类表述";
      return;
    case MissReason::kHedged:
      nm.reason = "句中有计划或不确定的表述“" + d + "”：是打算，不是已做的工作";
      nm.need = "写本年度已经完成的工作";
      return;
    case MissReason::kNotConcrete:
      nm.reason = "只有概括的表述：没有文件名称（《…》）、数字或具体措施";
      nm.need = "写明文件名称《…》、次数/人次/件数等数字，或具体做了什么";
      return;
  }
}

}  // namespace

const char* RoleLabelZh(SectionRole r) {
  switch (r) {
    case SectionRole::kNone: return "";
    case SectionRole::kTitle: return "标题";
    case SectionRole::kPreamble: return "开头";
    case SectionRole::kMeasures: return "主要工作";
    case SectionRole::kFirstResponsible: return "第一责任人职责";
    case SectionRole::kShortcomings: return "存在的问题";
    case SectionRole::kCauses: return "原因分析";
    case SectionRole::kPlan: return "下一步安排";
    case SectionRole::kRectification: return "整改情况";
    case SectionRole::kClosing: return "结尾";
    case SectionRole::kBoilerplate: return "网页附属内容";
  }
  return "";
}

std::string PartName(const Document& doc, std::uint32_t section) {
  int s = static_cast<int>(section);
  while (s >= 0 && static_cast<std::size_t>(s) < doc.sections.size() && doc.sections[s].role == SectionRole::kNone)
    s = doc.sections[s].parent;
  if (s < 0 || static_cast<std::size_t>(s) >= doc.sections.size()) return "未分类";
  const Section& sec = doc.sections[s];
  std::string label = RoleLabelZh(sec.role);
  if (sec.heading.empty()) return label;
  if (label.empty() || sec.heading.find(label) != std::string::npos) return sec.heading;
  return sec.heading + "（" + label + "）";
}

const char* MissReasonCode(MissReason r) { return kReasons[static_cast<std::size_t>(r)].code; }

std::vector<NearMiss> BuildNearMisses(const Document& doc, const TermMatcher& m, std::vector<MissRef> misses,
                                      const std::vector<EvidenceRef>& counted, std::size_t max) {
  auto overlaps = [](Span a, Span b) { return a.begin < b.end && b.begin < a.end; };
  // Strongest first per sentence, then keep the first of each sentence.
  std::stable_sort(misses.begin(), misses.end(), [](const MissRef& a, const MissRef& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return Strength(a.reason) > Strength(b.reason);
  });
  std::vector<const MissRef*> kept;
  for (const auto& miss : misses) {
    if (!kept.empty() && overlaps(kept.back()->span, miss.span)) continue;
    bool counts = std::any_of(counted.begin(), counted.end(),
                              [&](const EvidenceRef& e) { return e.concrete && overlaps(e.span, miss.span); });
    if (!counts) kept.push_back(&miss);
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const MissRef* a, const MissRef* b) { return Strength(a->reason) > Strength(b->reason); });
  if (kept.size() > max) kept.resize(max);
  std::vector<NearMiss> out;
  for (const MissRef* miss : kept) {
    EvidenceRef ref;
    ref.span = miss->span;
    Evidence e = MakeEvidence(doc, ref, m);
    NearMiss nm;
    nm.quote = std::move(e.quote);
    nm.section = std::move(e.section);
    nm.line = e.line;
    nm.byte_start = e.byte_start;
    nm.byte_end = e.byte_end;
    nm.code = MissReasonCode(miss->reason);
    Explain(nm, miss->reason, miss->detail);
    out.push_back(std::move(nm));
  }
  return out;
}

void NoteOtherRules(std::vector<RuleResult>& results) {
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (results[i].near_misses().empty()) continue;
    std::vector<std::string> found(results[i].near_misses().size());
    bool any = false;
    for (std::size_t k = 0; k < results[i].near_misses().size(); ++k) {
      const NearMiss& nm = results[i].near_misses()[k];
      for (std::size_t j = 0; j < results.size() && found[k].empty(); ++j) {
        const RuleResult& other = results[j];
        if (j == i || (other.verdict != Verdict::kPass && other.verdict != Verdict::kPartial)) continue;
        for (const Evidence& e : other.evidence)
          if (e.kind == EvidenceKind::kSupport && e.byte_start < nm.byte_end && nm.byte_start < e.byte_end) {
            found[k] = other.rule->id.str() + "「" + other.rule->title.str() + "」（" + VerdictLabelZh(other.verdict) +
                       "）";
            any = true;
            break;
          }
      }
    }
    if (!any) continue;
    RuleResult& r = results[i];
    for (std::size_t k = 0; k < found.size(); ++k) r.extras.Mutable().near_misses[k].counted_for = std::move(found[k]);
  }
}

}  // namespace fazhi
