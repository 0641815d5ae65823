// Metadata from the segmented text: title block, signature, headings; overrides win (see metadata.h).
#include "segment/metadata.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "segment/chars.h"
#include "segment/dates.h"
#include "segment/line_kinds.h"

namespace fazhi {

namespace {

using namespace seg;

constexpr std::size_t kTitleWindow = 30;

std::string At(std::string_view what, std::uint32_t line) { return fmt::format("{} (line {})", what, line); }

std::string_view ParaText(const Document& doc, std::size_t i) { return doc.Slice(doc.paragraphs[i].span); }

bool InRole(const Document& doc, std::size_t para, SectionRole role) {
  return doc.SectionHasRole(doc.paragraphs[para].section, role);
}

// A paragraph of the body proper (inside a numbered/headed section).
bool InHeadedSection(const Document& doc, std::size_t para) {
  int s = static_cast<int>(doc.paragraphs[para].section);
  while (s > 0) {
    if (!doc.sections[s].heading.empty() || !doc.sections[s].number.empty()) return true;
    s = doc.sections[s].parent;
  }
  return false;
}

void FindTitle(Document& doc, const RawDocument& raw) {
  std::vector<std::string_view> window;
  for (std::size_t i = 0; i < std::min(doc.paragraphs.size(), kTitleWindow); ++i) {
    if (InHeadedSection(doc, i)) break;
    window.push_back(ParaText(doc, i));
  }
  if (auto found = FindReportTitle(window)) {
    std::uint32_t first = doc.paragraphs[found->first].line;
    std::uint32_t last = doc.paragraphs[found->first + found->count - 1].line;
    doc.meta.title = {found->text, first == last ? At("title", first)
                                                 : fmt::format("title (lines {}-{})", first, last)};
    return;
  }
  if (raw.title.value && IsReportTitle(*raw.title.value))
    doc.meta.title = {std::string(Trim(*raw.title.value)), raw.title.source.empty() ? "document title" : raw.title.source};
}

// The part of a title before 关于 (or before its year), when it names an issuing body.
std::optional<std::string> IssuerFromTitle(std::string_view title) {
  std::size_t cut = title.find("关于");
  if (cut == std::string_view::npos) {
    auto years = FindYears(title);
    if (years.empty()) return std::nullopt;
    cut = years.front().begin;
  }
  std::string_view issuer = Trim(title.substr(0, cut));
  if (!IsOrgName(issuer)) return std::nullopt;
  return std::string(issuer);
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
      out.date_line = doc.paragraphs[i].line;
      if (i > 0 && IsOrgName(ParaText(doc, i - 1)) && doc.paragraphs[i - 1].section == doc.paragraphs[i].section) {
        out.issuer = std::string(Trim(ParaText(doc, i - 1)));
        out.issuer_line = doc.paragraphs[i - 1].line;
      }
      break;
    }
    if (ambiguous) {
      doc.diagnostics.push_back({Level::kNote, "N-ambiguous-signature-date",
                                 fmt::format("the signature date \"{}\" reads as more than one date; ignored",
                                             std::string(Trim(line))),
                                 doc.path, static_cast<int>(doc.paragraphs[i].line), 0, "give --published"});
      if (i > 0 && IsOrgName(ParaText(doc, i - 1))) {
        out.issuer = std::string(Trim(ParaText(doc, i - 1)));
        out.issuer_line = doc.paragraphs[i - 1].line;
      }
      break;
    }
    if (auto sig = ParseSignatureLine(line)) {
      out.date = sig->date;
      out.date_line = doc.paragraphs[i].line;
      if (!sig->issuer.empty()) {
        out.issuer = std::string(sig->issuer);
        out.issuer_line = doc.paragraphs[i].line;
      }
      break;
    }
    if (IsOrgName(line) && !out.issuer) {
      out.issuer = std::string(Trim(line));
      out.issuer_line = doc.paragraphs[i].line;
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
      doc.meta.published = {dates.front().date, At(label, doc.paragraphs[i].line)};
      return;
    }
  }
  if (raw.published.value)
    doc.meta.published = {raw.published.value, raw.published.source.empty() ? "document properties" : raw.published.source};
}

struct YearCandidate {
  int year;
  std::string source;
};

void FindYear(Document& doc) {
  std::vector<YearCandidate> strong, weak;
  if (doc.meta.title.value) {
    auto years = FindYears(*doc.meta.title.value);
    if (!years.empty()) strong.push_back({years.front().year, doc.meta.title.source});
  }
  // Headings of the top two levels: "一、2021年主要工作情况" (the year itself), "八、2020年…工作计划" (the year after).
  for (std::size_t i = 1; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    if (s.heading.empty() || s.level > 2) continue;
    auto years = FindYears(s.heading);
    if (years.empty()) continue;
    std::string label = s.number + s.heading;
    if (doc.SectionHasRole(static_cast<std::uint32_t>(i), SectionRole::kPlan))
      strong.push_back({years.front().year - 1, At("plan heading " + label, s.line_begin)});
    else if (doc.SectionHasRole(static_cast<std::uint32_t>(i), SectionRole::kMeasures) ||
             doc.SectionHasRole(static_cast<std::uint32_t>(i), SectionRole::kShortcomings))
      strong.push_back({years.front().year, At("heading " + label, s.line_begin)});
  }
  if (const auto& sig = doc.meta.signed_on; sig.value) {
    // "今年以来" in the report of the work done: written in the covered year.
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
      if (!(InRole(doc, i, SectionRole::kMeasures) || InRole(doc, i, SectionRole::kFirstResponsible))) continue;
      if (InRole(doc, i, SectionRole::kPlan)) continue;
      if (!Contains(ParaText(doc, i), "今年以来")) continue;
      weak.push_back({sig.value->year, At("今年以来", doc.paragraphs[i].line) + " + signature year"});
      break;
    }
    int m = sig.value->month;
    if (m >= 1 && m <= 4) weak.push_back({sig.value->year - 1, "signature date " + sig.value->ToString() + " (Jan–Apr)"});
    if (m >= 11) weak.push_back({sig.value->year, "signature date " + sig.value->ToString() + " (Nov–Dec)"});
  }
  auto describe = [](const std::vector<YearCandidate>& cs) {
    std::string out;
    for (const auto& c : cs) out += fmt::format("{}{} from {}", out.empty() ? "" : "; ", c.year, c.source);
    return out;
  };
  auto distinct = [](const std::vector<YearCandidate>& cs) {
    std::set<int> ys;
    for (const auto& c : cs) ys.insert(c.year);
    return ys.size();
  };
  const std::vector<YearCandidate>& use = strong.empty() ? weak : strong;
  if (use.empty()) {
    doc.diagnostics.push_back({Level::kWarning, "W-no-year",
                               "the covered year is in neither the title, the headings nor the signature date",
                               doc.path, 0, 0, "give --year"});
    return;
  }
  if (distinct(use) > 1) {
    doc.diagnostics.push_back({Level::kWarning, "W-year-conflict",
                               "the covered year is unclear: " + describe(use), doc.path, 0, 0, "give --year"});
    return;
  }
  doc.meta.year = {use.front().year, use.front().source};
  if (!strong.empty()) {
    std::vector<YearCandidate> off;
    for (const auto& c : weak)
      if (c.year != use.front().year) off.push_back(c);
    if (!off.empty())
      doc.diagnostics.push_back({Level::kNote, "N-year-hint-differs",
                                 fmt::format("covered year {} ({}); the dates suggest otherwise: {}", use.front().year,
                                             use.front().source, describe(off)),
                                 doc.path, 0, 0, ""});
  }
}

}  // namespace

void ExtractMetadata(Document& doc, const RawDocument& raw, const MetadataOverrides& o) {
  doc.meta = {};
  FindTitle(doc, raw);

  SignatureFound sig = FindSignature(doc);
  if (sig.date) doc.meta.signed_on = {sig.date, At("signature", sig.date_line)};
  if (doc.meta.title.value) {
    if (auto issuer = IssuerFromTitle(*doc.meta.title.value))
      doc.meta.issuer = {*issuer, doc.meta.title.source};
  }
  if (!doc.meta.issuer.value && sig.issuer) doc.meta.issuer = {sig.issuer, At("signature", sig.issuer_line)};
  FindPublished(doc, raw);

  if (o.issuer) doc.meta.issuer = {o.issuer, "--issuer"};
  if (o.published) doc.meta.published = {o.published, "--published"};
  if (doc.meta.issuer.value) {
    std::string_view level = IssuerLevel(*doc.meta.issuer.value);
    if (!level.empty())
      doc.meta.level = {std::string(level), o.issuer ? "--issuer" : "issuer " + *doc.meta.issuer.value};
  }
  if (o.level) doc.meta.level = {o.level, "--level"};
  if (o.year) doc.meta.year = {o.year, "--year"};
  else FindYear(doc);
}

}  // namespace fazhi
