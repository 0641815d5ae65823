// Metadata from the segmented text: title block, signature, headings; overrides win (see metadata.h).
#include "segment/metadata.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/messages.h"
#include "segment/chars.h"
#include "segment/dates.h"
#include "segment/issuer.h"
#include "segment/line_kinds.h"

namespace fazhi {

namespace {

using namespace seg;

constexpr std::size_t kTitleWindow = 30;

std::string At(std::string_view what, std::uint32_t line) { return fmt::format("{} (line {})", what, line); }

std::string_view ParaText(const Document& doc, std::size_t i) { return doc.Slice(doc.paragraphs[i].span); }

// The line of paragraph `i` in the file as read (before line repairs), the line numbers `check` quotes evidence with.
std::uint32_t SourceLine(const Document& doc, std::size_t i) { return doc.SourceLineOf(doc.paragraphs[i].span.begin); }
std::uint32_t SourceLine(const Document& doc, const Section& s) {
  return doc.SourceLineOf(s.heading_span.end > s.heading_span.begin ? s.heading_span.begin : s.span.begin);
}

bool InRole(const Document& doc, std::size_t para, SectionRole role) {
  return doc.SectionHasRole(doc.paragraphs[para].section, role);
}

// Paragraphs of the title block: those before the first numbered part (unnumbered "headings" before the title are
// page furniture: "落实情况公开", a column name).
std::size_t TitleWindowEnd(const Document& doc) {
  std::size_t end = 0;
  for (; end < std::min(doc.paragraphs.size(), kTitleWindow); ++end) {
    int s = static_cast<int>(doc.paragraphs[end].section);
    bool numbered = false;
    for (; s > 0 && !numbered; s = doc.sections[s].parent) numbered = !doc.sections[s].number.empty();
    if (numbered) break;
  }
  return end;
}

// A title run into the text of a page saved without line breaks ("…www.mishuzj.com湖北省人民政府关于2023年度法治
// 政府建设情况的报告2023年,省政府…", "…镇人民政府关于报送2024年度法治政府建设的报告 中共海宁市委…"): the run of
// Chinese characters and digits that ends at the first 报告 of the opening and reads as a report title.
std::optional<std::string> InlineTitle(std::string_view text) {
  std::size_t end = text.find("报告");
  if (end == std::string_view::npos || end > 600) return std::nullopt;
  end += std::string_view("报告").size();
  std::size_t begin = end;
  // Walk back over Chinese characters and digits (a title holds no ASCII letters, spaces or punctuation).
  std::size_t i = 0, run_start = 0;
  while (i < end) {
    std::size_t next = i;
    char32_t cp = CodePointAt(text, i, &next);
    bool title_char = (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= '0' && cp <= '9') || cp == U'（' || cp == U'）' ||
                      cp == '(' || cp == ')' || cp == U'—';
    if (!title_char) run_start = next;
    i = next;
  }
  begin = run_start;
  std::string_view title = text.substr(begin, end - begin);
  if (!IsReportTitle(title) || FindYears(title).empty()) return std::nullopt;
  return std::string(title);
}

// A title that says what it reports without the word 报告: "四川省生态环境厅2023年度法治政府建设工作情况".
bool IsStatementTitle(std::string_view line) {
  line = Trim(line);
  std::size_t n = Chars(line);
  if (n < 10 || n > 60 || FindYears(line).empty()) return false;
  if (!ContainsAny(line, {"法治政府建设", "依法行政"}) || !EndsWithAny(line, {"情况", "工作情况", "总结", "工作总结"}))
    return false;
  for (std::string_view mark : {"。", "，", ",", "：", ":", "；", ";", "《", "！", "？"})
    if (Contains(line, mark)) return false;
  return !IsTitleMetaLine(line) && !IsBoilerplateLine(line);
}

// Sets the title; returns the index of the first paragraph after it (0 when none was found in the text).
std::size_t FindTitle(Document& doc, const RawDocument& raw) {
  std::vector<std::string_view> window;
  std::size_t end = TitleWindowEnd(doc);
  for (std::size_t i = 0; i < end; ++i) window.push_back(ParaText(doc, i));
  if (auto found = FindReportTitle(window)) {
    std::uint32_t first = SourceLine(doc, found->first);
    std::uint32_t last = SourceLine(doc, found->first + found->count - 1);
    doc.meta.title = {found->text, first == last ? At("title", first)
                                                 : fmt::format("title (lines {}-{})", first, last)};
    return found->first + found->count;
  }
  for (std::size_t i = 0; i < window.size(); ++i) {
    if (!IsStatementTitle(window[i])) continue;
    doc.meta.title = {std::string(Trim(window[i])), At("title", SourceLine(doc, i))};
    return i + 1;
  }
  if (raw.title.value && IsReportTitle(*raw.title.value)) {
    doc.meta.title = {std::string(Trim(*raw.title.value)), raw.title.source.empty() ? "document title" : raw.title.source};
    return 0;
  }
  if (!doc.paragraphs.empty()) {
    if (auto inline_title = InlineTitle(ParaText(doc, 0)))
      doc.meta.title = {*inline_title, At("title run into the text", SourceLine(doc, 0))};
  }
  return 0;
}

// The issuing body (or its place) a title names: before 关于 ("天津市红桥区人民政府关于…"), after it ("关于杭州市2024年度
// …"), before the year ("深圳市龙华区2024年…", "四川省生态环境厅2023年度…") or after it ("2020年静海区法治政府建设…").
std::optional<std::string> IssuerFromTitle(std::string_view title) {
  auto usable = [](std::string_view name) {
    name = Trim(name);
    return !name.empty() && (IsOrgName(name) || !NameLevel(name).empty());
  };
  std::size_t about = title.find("关于");
  if (about != std::string_view::npos && usable(title.substr(0, about))) return std::string(Trim(title.substr(0, about)));
  std::string_view rest = about == std::string_view::npos ? title : title.substr(about + std::string_view("关于").size());
  auto years = FindYears(rest);
  if (years.empty()) return std::nullopt;
  if (usable(rest.substr(0, years.front().begin))) return std::string(Trim(rest.substr(0, years.front().begin)));
  // After the year: "2020年静海区法治政府建设情况报告" → 静海区.
  std::string_view after = rest.substr(years.front().begin + 4 + std::string_view("年").size());
  if (after.starts_with("度")) after.remove_prefix(std::string_view("度").size());
  std::string_view name = LeadingName(after);
  if (!name.empty()) return std::string(name);
  return std::nullopt;
}

struct SignatureFound {
  std::optional<std::string> issuer;
  std::uint32_t issuer_line = 0;
  std::optional<Date> date;
  std::uint32_t date_line = 0;
};

SignatureFound FindSignature(Document& doc) {
  SignatureFound out;
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Section& s = doc.sections[doc.paragraphs[i].section];
    if (s.role != SectionRole::kClosing) continue;
    std::string_view line = ParaText(doc, i);
    bool ambiguous = false;
    if (auto d = ParseDateLine(line, &ambiguous)) {
      out.date = d;
      out.date_line = SourceLine(doc, i);
      if (i > 0 && IsOrgName(ParaText(doc, i - 1)) && doc.paragraphs[i - 1].section == doc.paragraphs[i].section) {
        out.issuer = std::string(Trim(ParaText(doc, i - 1)));
        out.issuer_line = SourceLine(doc, i - 1);
      }
      break;
    }
    if (ambiguous) {
      doc.diagnostics.push_back(MakeDiagnostic("N-ambiguous-signature-date", {Trim(line)}, doc.path,
                                               static_cast<int>(SourceLine(doc, i))));
      if (i > 0 && IsOrgName(ParaText(doc, i - 1))) {
        out.issuer = std::string(Trim(ParaText(doc, i - 1)));
        out.issuer_line = SourceLine(doc, i - 1);
      }
      break;
    }
    if (auto sig = ParseSignatureLine(line)) {
      out.date = sig->date;
      out.date_line = SourceLine(doc, i);
      if (!sig->issuer.empty()) {
        out.issuer = std::string(sig->issuer);
        out.issuer_line = SourceLine(doc, i);
      }
      break;
    }
    if (IsOrgName(line) && !out.issuer) {
      out.issuer = std::string(Trim(line));
      out.issuer_line = SourceLine(doc, i);
    }
  }
  return out;
}

// "发布时间:2021-02-26 18:20", "发布日期：2021年2月26日" in the title block or the page furniture.
void FindPublished(Document& doc, const RawDocument& raw) {
  static constexpr std::string_view kLabels[] = {"发布时间", "发布日期", "发文日期", "发布于", "日期", "时间"};
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    if (!InRole(doc, i, SectionRole::kTitle) && !InRole(doc, i, SectionRole::kBoilerplate)) continue;
    std::string_view line = ParaText(doc, i);
    if (ContainsAny(line, {"星期", "礼拜"})) continue;  // the page clock
    for (std::string_view label : kLabels) {
      std::size_t p = line.find(label);
      if (p == std::string_view::npos) continue;
      std::string_view rest = Trim(line.substr(p + label.size()));
      for (std::string_view colon : {":", "："})
        if (rest.starts_with(colon)) rest = Trim(rest.substr(colon.size()));
      auto dates = FindDates(rest);
      if (dates.empty() || dates.front().begin != 0 || dates.front().weekday) continue;
      doc.meta.published = {dates.front().date, At(label, SourceLine(doc, i))};
      return;
    }
  }
  if (raw.published.value)
    doc.meta.published = {raw.published.value, raw.published.source.empty() ? "document properties" : raw.published.source};
}

struct YearCandidate {
  int year;
  std::string source;  // as document.sources.year records it ("heading 一、… (line 12)")
  // The same in the user's language, for the year warnings: message `said_id` (metadata.src.* in core/messages.cc) with
  // up to two arguments, made only when a warning names the candidate (most reports have none).
  std::string_view said_id;
  std::string said_a = {}, said_b = {};
  int said_args = 0;
  std::string Said() const {
    if (said_args == 0) return Msg(said_id);
    if (said_args == 1) return Msg(said_id, {said_a});
    return Msg(said_id, {said_a, said_b});
  }
};

// The first year of `s` that names a covered year: not one end of a range ("2021—2025年"), not inside a cited
// document's title (《…（2021—2025年）》), not the year of a full date ("2025年5月29日在…会议上").
std::optional<int> CoveredYearIn(std::string_view s) {
  int depth = 0;
  std::size_t scanned = 0;
  for (const YearHit& y : FindYears(s)) {
    for (; scanned < y.begin; ++scanned) {
      if (s.substr(scanned).starts_with("《")) ++depth;
      if (s.substr(scanned).starts_with("》") && depth > 0) --depth;
    }
    if (depth > 0) continue;
    std::string_view before = s.substr(0, y.begin);
    bool range_end = false;
    for (std::string_view dash : {"—", "－", "-", "–", "至", "~", "～", "——"}) {
      if (!before.ends_with(dash)) continue;
      std::string_view head = before.substr(0, before.size() - dash.size());
      if (head.ends_with("年")) head.remove_suffix(std::string_view("年").size());
      if (head.size() >= 4 && std::all_of(head.end() - 4, head.end(), [](char c) { return c >= '0' && c <= '9'; }))
        range_end = true;
    }
    if (range_end) continue;
    std::string_view after = s.substr(y.begin + 4 + std::string_view("年").size());
    for (std::string_view dash : {"—", "－", "-", "–", "至", "~", "～"})
      if (after.starts_with(dash)) range_end = true;  // "2021年—2025年"
    if (range_end) continue;
    if (!after.empty() && ((after[0] >= '0' && after[0] <= '9') || after.starts_with("一") || after.starts_with("十")) &&
        Contains(after.substr(0, 12), "月"))
      continue;  // a date
    return y.year;
  }
  return std::nullopt;
}

// A heading about last year's problems and their rectification ("二、2024年存在不足及整改情况", "上年度问题整改情况"):
// its year is the year before the one covered, so it never votes.
bool LooksBackward(std::string_view heading) {
  static const WordSet kBackward{"整改", "上年度", "上一年度", "上年", "去年", "上一年", "前一年"};
  return kBackward.In(heading);
}

// The covered year, from the strongest evidence there is (issue: title > main measures heading > opening sentence >
// plan heading − 1 > signature date − 1). Evidence of one strength that disagrees is a W-year-conflict, and the
// first (strongest) candidate is still used and named; weaker evidence never outvotes stronger.
void FindYear(Document& doc, std::size_t body_begin) {
  constexpr int kTiers = 5;
  std::vector<YearCandidate> tiers[kTiers];
  if (doc.meta.title.value) {
    if (auto y = CoveredYearIn(*doc.meta.title.value))
      tiers[0].push_back({*y, doc.meta.title.source, "metadata.src.title"});
  }
  // Headings of the top two levels: "一、2021年主要工作情况" (the year itself), "八、2020年…工作计划" (the year after).
  for (std::size_t i = 1; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    if (s.heading.empty() || s.level > 2) continue;
    // The year first: most headings name none, and LooksBackward walks the whole heading.
    auto year = CoveredYearIn(s.heading);
    if (!year || LooksBackward(s.heading)) continue;
    std::string label = s.number + s.heading;
    auto sec = static_cast<std::uint32_t>(i);
    const std::string line = std::to_string(SourceLine(doc, s));
    if (doc.SectionHasRole(sec, SectionRole::kPlan))
      tiers[3].push_back({*year - 1, At("plan heading " + label, SourceLine(doc, s)),
                          "metadata.src.plan-heading", label, line, 2});
    else if (doc.SectionHasRole(sec, SectionRole::kMeasures) || doc.SectionHasRole(sec, SectionRole::kFirstResponsible))
      tiers[1].push_back({*year, At("heading " + label, SourceLine(doc, s)), "metadata.src.heading", label, line, 2});
    else if (doc.SectionHasRole(sec, SectionRole::kShortcomings))
      tiers[2].push_back({*year, At("heading " + label, SourceLine(doc, s)), "metadata.src.heading", label, line, 2});
  }
  // The opening sentence: "2025年，我办…", "2025年以来，…", "现将我县2020年度法治政府建设情况报告如下".
  for (std::size_t i = body_begin, seen = 0; i < doc.paragraphs.size() && seen < 3; ++i) {
    const Paragraph& p = doc.paragraphs[i];
    if (p.is_heading || InRole(doc, i, SectionRole::kBoilerplate) || InRole(doc, i, SectionRole::kClosing)) continue;
    std::string_view text = Trim(ParaText(doc, i));
    if (IsTitleMetaLine(text) || IsBoilerplateLine(text) || IsReportTitle(text)) continue;
    ++seen;
    auto years = FindYears(text);
    if (!years.empty() && years.front().begin == 0) {
      if (auto y = CoveredYearIn(text.substr(0, 40)); y && *y == years.front().year) {
        tiers[2].push_back({*y, At("opening sentence", SourceLine(doc, i)),
                            "metadata.src.opening", std::to_string(SourceLine(doc, i)), {}, 1});
        break;
      }
    }
    std::size_t report = text.find("现将");
    if (report != std::string_view::npos) {
      std::string_view clause = text.substr(report, 120);
      if (ContainsAny(clause, {"报告如下", "汇报如下", "报告于后"})) {
        if (auto y = CoveredYearIn(clause)) {
          tiers[2].push_back({*y, At("opening sentence", SourceLine(doc, i)),
                              "metadata.src.opening", std::to_string(SourceLine(doc, i)), {}, 1});
          break;
        }
      }
    }
  }
  if (const auto& sig = doc.meta.signed_on; sig.value) {
    // "今年以来" in the report of the work done: written in the covered year.
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
      if (!(InRole(doc, i, SectionRole::kMeasures) || InRole(doc, i, SectionRole::kFirstResponsible))) continue;
      if (InRole(doc, i, SectionRole::kPlan)) continue;
      if (!Contains(ParaText(doc, i), "今年以来")) continue;
      tiers[4].push_back({sig.value->year, At("今年以来", SourceLine(doc, i)) + " + signature year",
                          "metadata.src.this-year", std::to_string(SourceLine(doc, i)), {}, 1});
      break;
    }
    int m = sig.value->month;
    const std::string date = sig.value->ToString();
    if (m >= 1 && m <= 4)
      tiers[4].push_back({sig.value->year - 1, "signature date " + date + " (Jan–Apr)",
                          "metadata.src.signed-early", date, {}, 1});
    if (m >= 11)
      tiers[4].push_back({sig.value->year, "signature date " + date + " (Nov–Dec)", "metadata.src.signed-late", date, {}, 1});
  }
  auto describe = [](const std::vector<YearCandidate>& cs) {
    std::string out;
    for (const auto& c : cs)
      out += (out.empty() ? "" : Msg("metadata.year-from-separator")) +
             Msg("metadata.year-from", {std::to_string(c.year), c.Said()});
    return out;
  };
  int top = 0;
  while (top < kTiers && tiers[top].empty()) ++top;
  if (top == kTiers) {
    doc.diagnostics.push_back(MakeDiagnostic("W-no-year", {}, doc.path));
    return;
  }
  const std::vector<YearCandidate>& use = tiers[top];
  const YearCandidate& chosen = use.front();
  doc.meta.year = {chosen.year, chosen.source};
  std::vector<YearCandidate> disagree, weaker;
  for (const auto& c : use)
    if (c.year != chosen.year) disagree.push_back(c);
  if (!disagree.empty())
    doc.diagnostics.push_back(MakeDiagnostic(
        "W-year-conflict", {std::to_string(chosen.year), chosen.Said(), describe(disagree)}, doc.path));
  for (int t = top + 1; t < kTiers; ++t)
    for (const auto& c : tiers[t])
      if (c.year != chosen.year) weaker.push_back(c);
  if (!weaker.empty())
    doc.diagnostics.push_back(MakeDiagnostic(
        "N-year-hint-differs", {std::to_string(chosen.year), chosen.Said(), describe(weaker)}, doc.path));
}

// "来源:深圳市龙华区人民政府日期:2025年02月20日", "发文单位：某某区人民政府", "信息來源:辰溪縣小龍門鄉": a body named
// by a label of the page's title block. `strong` labels name the issuer (发文单位, 发文机关, 发布机构); 来源 often
// names the publisher (司法局, 法规与标准处), so it is used only where other evidence agrees.
struct LabelledBody {
  std::string name;
  std::string label;
  std::uint32_t line = 0;
  bool strong = false;
};

std::vector<LabelledBody> FindLabelledBodies(const Document& doc, std::size_t window_end) {
  static constexpr std::string_view kStrong[] = {"发文单位", "发文机关", "发布机构", "发布单位", "成文单位"};
  static constexpr std::string_view kWeak[] = {"信息来源", "文章来源", "稿件来源", "来源"};
  static constexpr std::string_view kStops[] = {"日期", "时间", "发布", "作者", "浏览", "点击", "字体", "字号",
                                                "更新", "信息", "阅读", "责任编辑", "编辑", "索引"};
  std::vector<LabelledBody> out;
  for (std::size_t i = 0; i < std::min(doc.paragraphs.size(), kTitleWindow); ++i) {
    if (i >= window_end && !InRole(doc, i, SectionRole::kTitle) && !InRole(doc, i, SectionRole::kBoilerplate)) continue;
    std::string_view line = ParaText(doc, i);
    auto take = [&](std::string_view label, bool strong) {
      std::size_t p = FindBytes(line, label);
      if (p == std::string_view::npos) return false;
      std::string_view rest = Trim(line.substr(p + label.size()));
      for (std::string_view colon : {":", "："})
        if (rest.starts_with(colon)) rest = Trim(rest.substr(colon.size()));
      std::size_t end = 0;
      while (end < rest.size()) {
        std::size_t next = end;
        char32_t cp = CodePointAt(rest, end, &next);
        if (!(cp >= 0x4E00 && cp <= 0x9FFF)) break;
        end = next;
      }
      std::string_view name = rest.substr(0, end);
      for (std::string_view stop : kStops) {
        std::size_t q = name.find(stop);
        if (q != std::string_view::npos && q >= 6) name = name.substr(0, q);
      }
      if (name.empty()) return false;
      out.push_back({std::string(name), std::string(label), SourceLine(doc, i), strong});
      return true;
    };
    for (std::string_view label : kStrong)
      if (take(label, true)) break;
    for (std::string_view label : kWeak)
      if (take(label, false)) break;
  }
  return out;
}

// The level a report's self-references point to (我区 → district …), the opening paragraphs counting three times.
struct SelfLevel {
  std::string level;
  std::string word;
  std::uint32_t line = 0;
};

std::optional<SelfLevel> FindSelfLevel(const Document& doc, std::size_t body_begin) {
  struct Tally {
    int weight = 0;
    std::string_view word;
    std::uint32_t line = 0;
  };
  std::vector<std::pair<std::string_view, Tally>> tally;
  std::size_t body_seen = 0;
  for (std::size_t i = body_begin; i < doc.paragraphs.size(); ++i) {
    if (InRole(doc, i, SectionRole::kBoilerplate)) continue;
    int weight = body_seen++ < 3 ? 3 : 1;
    for (const SelfReference& r : FindSelfReferences(ParaText(doc, i))) {
      auto it = std::find_if(tally.begin(), tally.end(), [&](const auto& t) { return t.first == r.level; });
      if (it == tally.end()) {
        tally.push_back({r.level, Tally{0, r.word, SourceLine(doc, i)}});
        it = tally.end() - 1;
      }
      it->second.weight += weight;
    }
  }
  if (tally.empty()) return std::nullopt;
  // Ties go to the first seen.
  auto best = std::max_element(tally.begin(), tally.end(), [](const auto& a, const auto& b) {
    return a.second.weight < b.second.weight;
  });
  return SelfLevel{std::string(best->first), std::string(best->second.word), best->second.line};
}

std::string_view LevelOf(std::string_view issuer) {
  std::string_view level = NameLevel(issuer);
  return level.empty() ? LevelOfIssuerName(issuer) : level;
}

// A name as a fuller one: the title's "深圳市龙华区" is the 来源's "深圳市龙华区人民政府".
bool Extends(std::string_view full, std::string_view place) {
  return full.size() > place.size() && Contains(full, place) && IsOrgName(full);
}

void FindIssuer(Document& doc, const SignatureFound& sig, std::size_t window_end, std::size_t body_begin,
                const std::optional<SelfLevel>& self) {
  auto agrees = [&](std::string_view name) {
    return !self || LevelOf(name) == self->level ||
           (self->level == "district" && LevelOf(name) == "other");  // 开发区 reports say 我区
  };
  std::vector<LabelledBody> labelled = FindLabelledBodies(doc, window_end);
  // Org names alone on a line of the title block ("杭州市人民政府" under a speech's meeting line).
  std::vector<std::pair<std::string, std::uint32_t>> org_lines;
  for (std::size_t i = 0; i < std::min(doc.paragraphs.size(), window_end); ++i) {
    std::string_view line = Trim(ParaText(doc, i));
    if (IsOrgName(line) && !LevelOf(line).empty() && !IsBoilerplateLine(line))
      org_lines.push_back({std::string(line), SourceLine(doc, i)});
  }

  if (doc.meta.title.value) {
    if (auto issuer = IssuerFromTitle(*doc.meta.title.value)) {
      doc.meta.issuer = {*issuer, doc.meta.title.source};
      if (!IsOrgName(*issuer)) {  // a place: the body's full name where the page gives it
        for (const auto& [line, at] : org_lines)
          if (Extends(line, *issuer)) return void(doc.meta.issuer = {line, At("title + issuer line", at)});
        for (const auto& l : labelled)
          if (Extends(l.name, *issuer)) return void(doc.meta.issuer = {l.name, At("title + " + l.label, l.line)});
        if (sig.issuer && Extends(*sig.issuer, *issuer))
          return void(doc.meta.issuer = {*sig.issuer, At("title + signature", sig.issuer_line)});
      }
      return;
    }
  }
  for (const auto& l : labelled)
    if (l.strong && !LevelOf(l.name).empty()) return void(doc.meta.issuer = {l.name, At(l.label, l.line)});
  if (sig.issuer) return void(doc.meta.issuer = {sig.issuer, At("signature", sig.issuer_line)});
  for (const auto& [line, at] : org_lines)
    if (agrees(line)) return void(doc.meta.issuer = {line, At("issuer line", at)});
  // The subject of the opening sentences: "2024年，东城区坚持…", "泾源县公安局在县委…领导下…".
  std::size_t seen = 0;
  for (std::size_t i = body_begin; i < doc.paragraphs.size() && seen < 8; ++i) {
    if (InRole(doc, i, SectionRole::kBoilerplate) || InRole(doc, i, SectionRole::kClosing)) continue;
    const Paragraph& p = doc.paragraphs[i];
    if (p.is_heading) continue;
    ++seen;
    for (std::uint32_t k = 0; k < std::min<std::uint32_t>(p.sentence_count, 2); ++k) {
      std::string_view sentence = doc.Slice(doc.sentences[p.first_sentence + k].span);
      std::string_view name = LeadingName(SkipOpeningAdverbials(sentence));
      if (!name.empty() && agrees(name)) return void(doc.meta.issuer = {std::string(name), At("opening sentence", SourceLine(doc, i))});
    }
  }
  // The body's own documents are named after it: 《光明区城市更新和土地整备局2025年法治政府建设工作要点》 in a report
  // that says 我局.
  if (self) {
    for (std::size_t i = body_begin; i < std::min(doc.paragraphs.size(), body_begin + 60); ++i) {
      std::string_view text = ParaText(doc, i);
      for (std::size_t q = text.find("《"); q != std::string_view::npos; q = text.find("《", q + 3)) {
        std::string_view inside = text.substr(q + std::string_view("《").size(), 120);
        std::string_view name = LeadingName(inside);
        if (name.empty() || LevelOf(name) != self->level) continue;
        std::string_view after = inside.substr(name.size());
        if (after.empty() || after[0] < '0' || after[0] > '9') continue;  // "…局2025年…"
        return void(doc.meta.issuer = {std::string(name), At("own document title", SourceLine(doc, i))});
      }
    }
    for (const auto& l : labelled)
      if (!l.strong && !LevelOf(l.name).empty() && LevelOf(l.name) == self->level)
        return void(doc.meta.issuer = {l.name, At(l.label, l.line)});
  }
}

}  // namespace

void ExtractMetadata(Document& doc, const RawDocument& raw, const MetadataOverrides& o) {
  doc.meta = {};
  std::size_t body_begin = FindTitle(doc, raw);
  std::size_t window_end = TitleWindowEnd(doc);

  SignatureFound sig = FindSignature(doc);
  if (sig.date) doc.meta.signed_on = {sig.date, At("signature", sig.date_line)};
  std::optional<SelfLevel> self = FindSelfLevel(doc, body_begin);
  FindIssuer(doc, sig, window_end, body_begin, self);
  FindPublished(doc, raw);

  if (o.issuer) doc.meta.issuer = {o.issuer, "--issuer"};
  if (o.published) doc.meta.published = {o.published, "--published"};
  if (doc.meta.issuer.value) {
    std::string_view level = LevelOf(*doc.meta.issuer.value);
    if (!level.empty())
      doc.meta.level = {std::string(level), o.issuer ? "--issuer" : "issuer " + *doc.meta.issuer.value};
  }
  if (!doc.meta.level.value && self)
    doc.meta.level = {self->level, At("self-reference " + self->word, self->line)};
  if (o.level) doc.meta.level = {std::string(IssuerLevelName(*o.level)), "--level"};
  if (o.year) doc.meta.year = {o.year, "--year"};
  else FindYear(doc, body_begin);
}

}  // namespace fazhi
