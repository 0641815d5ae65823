// Section roles from heading words, nesting and position (see roles.h).
#include "segment/roles.h"

#include <string>
#include <vector>

#include "segment/chars.h"
#include "segment/dates.h"

namespace fazhi::seg {

namespace {

struct Cue {
  SectionRole role;
  std::string_view words;
};

// Heading cues. Order matters only for ties at the same position.
constexpr Cue kCues[] = {
    // shortcomings
    {SectionRole::kShortcomings, "存在的问题"}, {SectionRole::kShortcomings, "存在问题"},
    {SectionRole::kShortcomings, "存在的不足"}, {SectionRole::kShortcomings, "存在不足"},
    {SectionRole::kShortcomings, "问题和不足"}, {SectionRole::kShortcomings, "问题与不足"},
    {SectionRole::kShortcomings, "问题及不足"}, {SectionRole::kShortcomings, "不足和问题"},
    {SectionRole::kShortcomings, "不足与问题"}, {SectionRole::kShortcomings, "不足之处"},
    {SectionRole::kShortcomings, "薄弱环节"}, {SectionRole::kShortcomings, "差距和不足"},
    {SectionRole::kShortcomings, "差距与不足"}, {SectionRole::kShortcomings, "短板和不足"},
    {SectionRole::kShortcomings, "短板与不足"}, {SectionRole::kShortcomings, "问题和短板"},
    {SectionRole::kShortcomings, "困难和问题"}, {SectionRole::kShortcomings, "问题和困难"},
    {SectionRole::kShortcomings, "问题与困难"}, {SectionRole::kShortcomings, "主要问题"},
    {SectionRole::kShortcomings, "存在的差距"},
    // causes
    {SectionRole::kCauses, "原因分析"}, {SectionRole::kCauses, "原因剖析"}, {SectionRole::kCauses, "问题原因"},
    {SectionRole::kCauses, "问题的原因"}, {SectionRole::kCauses, "不足的原因"}, {SectionRole::kCauses, "产生的原因"},
    {SectionRole::kCauses, "产生原因"}, {SectionRole::kCauses, "主要原因"}, {SectionRole::kCauses, "深层次原因"},
    {SectionRole::kCauses, "原因及"}, {SectionRole::kCauses, "原因和"},
    // plan
    {SectionRole::kPlan, "下一步"}, {SectionRole::kPlan, "下步工作"}, {SectionRole::kPlan, "工作计划"},
    {SectionRole::kPlan, "工作安排"}, {SectionRole::kPlan, "工作打算"}, {SectionRole::kPlan, "工作思路"},
    {SectionRole::kPlan, "工作设想"}, {SectionRole::kPlan, "工作展望"}, {SectionRole::kPlan, "下一年度"},
    {SectionRole::kPlan, "下一年"}, {SectionRole::kPlan, "明年"}, {SectionRole::kPlan, "今后工作"},
    {SectionRole::kPlan, "今后一个时期"}, {SectionRole::kPlan, "努力方向"},
    // first-responsible duty
    {SectionRole::kFirstResponsible, "第一责任"}, {SectionRole::kFirstResponsible, "组织领导"},
    {SectionRole::kFirstResponsible, "主要负责人"}, {SectionRole::kFirstResponsible, "主要负责同志"},
    {SectionRole::kFirstResponsible, "党的领导"}, {SectionRole::kFirstResponsible, "党对法治"},
    {SectionRole::kFirstResponsible, "主要领导"},
    // measures and results
    {SectionRole::kMeasures, "主要举措"}, {SectionRole::kMeasures, "举措和成效"},
    {SectionRole::kMeasures, "举措及成效"}, {SectionRole::kMeasures, "主要做法"},
    {SectionRole::kMeasures, "工作情况"}, {SectionRole::kMeasures, "开展情况"}, {SectionRole::kMeasures, "工作成效"},
    {SectionRole::kMeasures, "主要成效"}, {SectionRole::kMeasures, "取得的成效"},
    {SectionRole::kMeasures, "取得成效"}, {SectionRole::kMeasures, "工作进展"}, {SectionRole::kMeasures, "进展情况"},
    {SectionRole::kMeasures, "推进情况"}, {SectionRole::kMeasures, "落实情况"}, {SectionRole::kMeasures, "完成情况"},
    {SectionRole::kMeasures, "基本情况"}, {SectionRole::kMeasures, "总体情况"}, {SectionRole::kMeasures, "工作总结"},
    {SectionRole::kMeasures, "主要成绩"}, {SectionRole::kMeasures, "做法和成效"},
    {SectionRole::kMeasures, "做法及成效"}, {SectionRole::kMeasures, "成效和做法"},
};

// Words that make a heading an action (a measure) rather than the name of a part: a verb before the cue
// ("整改存在的问题", "制定年度工作计划"), or a report on a plan ("工作计划完成情况").
bool ExcludedFor(SectionRole role, std::string_view h, std::size_t cue_pos) {
  std::string_view before = h.substr(0, cue_pos);
  switch (role) {
    case SectionRole::kShortcomings:
    case SectionRole::kCauses:
      return ContainsAny(before, {"整改", "解决", "破解", "补齐", "查找", "聚焦", "分析", "败诉"});
    case SectionRole::kPlan:
      return ContainsAny(before, {"制定", "印发", "出台", "编制"}) ||
             ContainsAny(h, {"完成情况", "落实情况", "执行情况"});
    default:
      return false;
  }
}

struct CueHit {
  SectionRole role = SectionRole::kNone;
  std::size_t pos = 0, end = 0;
};

}  // namespace

SectionRole RoleFromHeading(std::string_view heading) {
  std::vector<CueHit> hits;
  for (const Cue& c : kCues) {
    std::size_t p = heading.find(c.words);
    if (p == std::string_view::npos || ExcludedFor(c.role, heading, p)) continue;
    hits.push_back({c.role, p, p + c.words.size()});
  }
  // "2022年工作重点": a year with words for a programme names the plan.
  if (!FindYears(heading).empty()) {
    for (std::string_view w : {"工作重点", "重点任务", "主要任务", "工作要点", "工作目标", "重点工作"}) {
      std::size_t p = heading.find(w);
      if (p != std::string_view::npos && !ExcludedFor(SectionRole::kPlan, heading, p))
        hits.push_back({SectionRole::kPlan, p, p + w.size()});
    }
  }
  if (hits.empty()) return SectionRole::kNone;
  CueHit first = hits.front(), last = hits.front();
  for (const CueHit& h : hits) {
    if (h.pos < first.pos || (h.pos == first.pos && h.end > first.end)) first = h;
    if (h.end > last.end || (h.end == last.end && h.pos < last.pos)) last = h;
  }
  if (first.role == last.role) return first.role;
  // Two parts named: "存在的问题及原因分析" (coordinated: the first names the part) or "存在问题的原因" (the head noun
  // comes last in Chinese: the causes).
  std::string_view between = last.pos > first.end ? heading.substr(first.end, last.pos - first.end) : "";
  if (ContainsAny(between, {"及", "和", "与", "、", "并", "，", ","})) return first.role;
  return last.role;
}

bool RoleFitsInside(SectionRole inner, SectionRole outer) {
  if (inner == SectionRole::kNone || inner == outer) return false;
  switch (outer) {
    case SectionRole::kNone:
    case SectionRole::kPreamble:
      return true;
    case SectionRole::kMeasures:
      return inner != SectionRole::kTitle && inner != SectionRole::kBoilerplate;
    case SectionRole::kFirstResponsible:
      return inner == SectionRole::kShortcomings || inner == SectionRole::kCauses || inner == SectionRole::kPlan;
    case SectionRole::kShortcomings:
      return inner == SectionRole::kCauses || inner == SectionRole::kPlan;
    case SectionRole::kCauses:
      return inner == SectionRole::kPlan;
    default:  // plan, closing, title, boilerplate: everything inside keeps the ancestor's meaning
      return false;
  }
}

void AssignPositionalRoles(Document& doc, const std::vector<bool>& synthetic) {
  std::vector<std::uint32_t> top;
  for (std::uint32_t i = 1; i < doc.sections.size(); ++i)
    if (doc.sections[i].parent == 0 && !(i < synthetic.size() && synthetic[i])) top.push_back(i);
  for (std::uint32_t i : top) {
    SectionRole r = doc.sections[i].role;
    if (r == SectionRole::kShortcomings || r == SectionRole::kCauses || r == SectionRole::kPlan) break;
    if (r == SectionRole::kNone) doc.sections[i].role = SectionRole::kMeasures;
  }
}

}  // namespace fazhi::seg
