// Section roles from heading words, nesting and position (see roles.h).
#include "segment/roles.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <span>
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
    {SectionRole::kPlan, "主要安排"},  // "2025年推进法治政府建设的主要安排" (督察工作规定: 下一年度……的主要安排)
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
    {
      static const WordSet kFixing{"整改", "解决", "破解", "补齐", "查找", "聚焦", "分析", "败诉"};
      return kFixing.In(before);
    }
    case SectionRole::kPlan: {
      static const WordSet kMaking{"制定", "印发", "出台", "编制"}, kDone{"完成情况", "落实情况", "执行情况"};
      return kMaking.In(before) || kDone.In(h);
    }
    default:
      return false;
  }
}

struct CueHit {
  SectionRole role = SectionRole::kNone;
  std::size_t pos = 0, end = 0;
};

// A report on rectification work done ("整改情况", "问题整改落实情况"); not a plan ("整改措施", "整改方向", "存在问题
// 整改措施": the year's own problems and what will be done about them).
constexpr std::string_view kRectificationCues[] = {"整改情况", "整改落实", "整改成效", "整改进展", "整改推进",
                                                   "整改完成"};
// Words that put the problems a heading names in an earlier year than the report's.
constexpr std::string_view kPastYearWords[] = {"上年度", "上一年度", "上一年", "上年", "去年", "往年", "以往年度",
                                               "前一年"};

bool HasAny(std::string_view h, std::span<const std::string_view> words) {
  for (std::string_view w : words)
    if (h.find(w) != std::string_view::npos) return true;
  return false;
}

// The role a heading names from the general cues (the part is named last in Chinese, or first when coordinated).
SectionRole RoleFromCues(std::string_view heading);

}  // namespace

// "上年度问题整改情况": last year's problems and their rectification. A past-year word without a rectification cue is
// not enough: reports written in the following spring title their own parts "上一年度推进法治政府建设的主要举措和
// 成效" / "上一年度推进法治政府建设存在的不足和原因" (the content list of the 督察工作规定), where 上一年度 is the
// year the report covers.
bool NamesPastYearProblems(std::string_view heading) {
  return HasAny(heading, kPastYearWords) && HasAny(heading, kRectificationCues);
}

static bool HasRectificationCue(std::string_view heading) {
  if (HasAny(heading, kRectificationCues)) return true;
  // "整改工作开展情况", "问题整改工作成效": 整改 with a head word of work reported.
  return heading.find("整改") != std::string_view::npos &&
         EndsWithAny(heading, {"情况", "成效", "进展", "结果", "开展情况"});
}

bool NamesRectification(std::string_view heading) {
  return heading.find("整改") != std::string_view::npos;
}

SectionRole RoleFromHeading(std::string_view heading) {
  SectionRole general = RoleFromCues(heading);
  // Every rectification cue has 整改 (kRectificationCues, HasRectificationCue): without it, the general role.
  if (!NamesRectification(heading)) return general;
  if (NamesPastYearProblems(heading)) return SectionRole::kRectification;
  if (!HasRectificationCue(heading)) return general;
  // "存在不足及整改情况": the year's own problems coordinated with how they are being fixed stay the shortcomings
  // (RefineRectification moves them when the heading's year is before the report's); "存在问题整改情况",
  // "问题整改落实情况", "整改情况": the rectification is the head of the phrase.
  if (general == SectionRole::kShortcomings) {
    std::size_t fix = heading.find("整改");
    std::string_view before = heading.substr(0, fix);
    if (ContainsAny(before.substr(before.size() >= 6 ? before.size() - 6 : 0), {"及", "和", "与", "、", "并", "，"}))
      return general;
  }
  if (general == SectionRole::kPlan) return general;  // "下一步整改工作安排"
  return SectionRole::kRectification;
}

namespace {

// The first character (its three UTF-8 bytes) of every cue, sorted, with the cue's index: a heading is read once,
// each of its characters looked up here, instead of searched once per cue.
struct CueStart {
  std::uint32_t key;
  std::uint8_t cue;
  bool operator<(const CueStart& o) const { return key < o.key || (key == o.key && cue < o.cue); }
};
constexpr std::size_t kCueCount = std::size(kCues);
static_assert(kCueCount < 256);

std::uint32_t Key3(std::string_view s, std::size_t p) {
  return std::uint32_t(static_cast<unsigned char>(s[p])) << 16 | std::uint32_t(static_cast<unsigned char>(s[p + 1])) << 8 |
         std::uint32_t(static_cast<unsigned char>(s[p + 2]));
}

const std::vector<CueStart>& CueStarts() {
  static const std::vector<CueStart> kStarts = [] {
    std::vector<CueStart> v;
    for (std::size_t k = 0; k < kCueCount; ++k) v.push_back({Key3(kCues[k].words, 0), static_cast<std::uint8_t>(k)});
    std::sort(v.begin(), v.end());
    return v;
  }();
  return kStarts;
}

// Where each cue first occurs in `heading` (npos if nowhere): what heading.find(cue) gives, found in one pass. Every
// cue starts with a three-byte character, whose lead byte is never a continuation byte, so a match found at any byte
// offset is on a character boundary, as find's is.
// One bit per cue's first character, hashed to 1,024 (mod 64 set nearly every bit of 64 for the ~90 cues): most
// characters of a heading start no cue and are passed without the binary search.
unsigned CueBit(std::uint32_t key) { return (key * 0x9E3779B1u) >> 22; }
const std::array<std::uint64_t, 16>& CueStartBits() {
  static const std::array<std::uint64_t, 16> kBits = [] {
    std::array<std::uint64_t, 16> bits{};
    for (const CueStart& c : CueStarts()) bits[CueBit(c.key) >> 6] |= std::uint64_t{1} << (CueBit(c.key) & 63);
    return bits;
  }();
  return kBits;
}

// Which cues occur at all (bit k for kCues[k]), so that the caller visits only those, in cue order.
using CueSet = std::array<std::uint64_t, (kCueCount + 63) / 64>;

// Only the entries of the cues in `found` are set (the others are never read: no fill of ~90 entries per heading).
std::array<std::size_t, kCueCount> FirstCuePositions(std::string_view heading, CueSet& found) {
  std::array<std::size_t, kCueCount> first;
  found.fill(0);
  const std::vector<CueStart>& starts = CueStarts();
  const std::array<std::uint64_t, 16>& bits = CueStartBits();
  for (std::size_t p = 0; p + 3 <= heading.size(); ++p) {
    if ((static_cast<unsigned char>(heading[p]) & 0xF0) != 0xE0) continue;
    std::uint32_t key = Key3(heading, p);
    if (((bits[CueBit(key) >> 6] >> (CueBit(key) & 63)) & 1) == 0) continue;
    auto it = std::lower_bound(starts.begin(), starts.end(), CueStart{key, 0});
    for (; it != starts.end() && it->key == key; ++it)
      if (!(found[it->cue / 64] >> (it->cue % 64) & 1) && heading.substr(p).starts_with(kCues[it->cue].words)) {
        first[it->cue] = p;
        found[it->cue / 64] |= std::uint64_t{1} << (it->cue % 64);
      }
  }
  return first;
}

SectionRole RoleFromCues(std::string_view heading) {
  std::vector<CueHit> hits;
  CueSet found;
  const std::array<std::size_t, kCueCount> at = FirstCuePositions(heading, found);
  for (std::size_t w = 0; w < found.size(); ++w)
    for (std::uint64_t bits = found[w]; bits != 0; bits &= bits - 1) {  // the cues found, in cue order
      const std::size_t k = w * 64 + static_cast<std::size_t>(std::countr_zero(bits));
      const Cue& c = kCues[k];
      const std::size_t p = at[k];
      if (ExcludedFor(c.role, heading, p)) continue;
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

}  // namespace

bool RoleFitsInside(SectionRole inner, SectionRole outer) {
  if (inner == SectionRole::kNone || inner == outer) return false;
  switch (outer) {
    case SectionRole::kNone:
    case SectionRole::kPreamble:
      return true;
    case SectionRole::kMeasures:
      return inner != SectionRole::kTitle && inner != SectionRole::kBoilerplate;
    case SectionRole::kFirstResponsible:
      return inner == SectionRole::kShortcomings || inner == SectionRole::kCauses || inner == SectionRole::kPlan ||
             inner == SectionRole::kRectification;
    case SectionRole::kShortcomings:
      return inner == SectionRole::kCauses || inner == SectionRole::kPlan || inner == SectionRole::kRectification;
    case SectionRole::kCauses:
    case SectionRole::kRectification:  // "（二）关于政府诚信建设存在薄弱环节的问题" restates last year's problem
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
  if (int year = HeadingReferenceYear(doc)) RefineRectification(doc, year);
}

int HeadingReferenceYear(const Document& doc) {
  auto one_year = [](std::string_view s) {
    auto years = FindYears(s);
    for (const YearHit& y : years)
      if (y.year != years.front().year) return 0;
    return years.empty() ? 0 : years.front().year;
  };
  int measures = 0;
  for (std::uint32_t i = 1; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    if (s.parent == 0 && s.role == SectionRole::kMeasures) {
      int y = one_year(s.heading);
      if (y != 0 && measures != 0 && y != measures) return 0;  // two measures parts of different years: no reference
      if (y != 0) measures = y;
    }
  }
  if (measures != 0) return measures;
  for (std::uint32_t i = 1; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    if (s.role != SectionRole::kTitle) continue;
    std::uint32_t e = s.span.begin;
    while (e < s.span.end && doc.text[e] != '\n') ++e;
    return one_year(std::string_view(doc.text).substr(s.span.begin, e - s.span.begin));
  }
  return 0;
}

void RefineRectification(Document& doc, int year) {
  for (std::uint32_t i = 1; i < doc.sections.size(); ++i) {
    Section& s = doc.sections[i];
    if (s.role != SectionRole::kShortcomings || !NamesRectification(s.heading)) continue;
    auto years = FindYears(s.heading);
    if (years.empty()) continue;
    bool earlier = true;
    for (const YearHit& y : years) earlier = earlier && y.year < year;
    if (!earlier) continue;
    s.role = SectionRole::kRectification;
    for (std::uint32_t j = i + 1; j < doc.sections.size(); ++j) {  // descendants keep the new part's meaning
      int a = doc.sections[j].parent;
      while (a > 0 && a != static_cast<int>(i)) a = doc.sections[a].parent;
      if (a == static_cast<int>(i) && !RoleFitsInside(doc.sections[j].role, SectionRole::kRectification))
        doc.sections[j].role = SectionRole::kNone;
    }
  }
}

}  // namespace fazhi::seg
