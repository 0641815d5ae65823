// Shared helpers for the renderers (see render_support.h).
#include "render/render_support.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <cmath>

#include "core/levels.h"

namespace fazhi {

const char* EvidenceKindLabelZh(EvidenceKind k) {
  switch (k) {
    case EvidenceKind::kSupport: return "佐证";
    case EvidenceKind::kSelfReportedGap: return "自述不足";
    case EvidenceKind::kPromiseOnly: return "仅有计划";
    case EvidenceKind::kNegated: return "否定表述";
    case EvidenceKind::kContext: return "上下文";
  }
  return "佐证";
}

std::string FormatScore(const std::optional<double>& score) {
  if (!score) return "—";
  return fmt::format("{:.1f}", std::round(*score * 10.0) / 10.0);
}

bool WaiversChangedScore(const ScoreSummary& s) { return FormatScore(s.total) != FormatScore(s.total_unwaived); }
bool WaiversChangedScore(const PackScore& p) { return FormatScore(p.score) != FormatScore(p.score_unwaived); }

std::vector<const RuleResult*> GapsBySeverity(const Report& report) {
  std::vector<const RuleResult*> gaps;
  for (const auto& r : report.results)
    if (IsGap(r.verdict)) gaps.push_back(&r);
  std::stable_sort(gaps.begin(), gaps.end(), [](const RuleResult* a, const RuleResult* b) {
    int sa = SeverityRank(a->rule->severity), sb = SeverityRank(b->rule->severity);
    if (sa != sb) return sa > sb;
    return a->verdict == Verdict::kFail && b->verdict != Verdict::kFail;
  });
  return gaps;
}

std::vector<const RuleResult*> ResultsWith(const Report& report, Verdict verdict) {
  std::vector<const RuleResult*> out;
  for (const auto& r : report.results)
    if (r.verdict == verdict) out.push_back(&r);
  return out;
}

std::string EvidenceLocation(const Evidence& e) {
  std::string out;
  if (!e.section.empty()) out.append("〔").append(e.section).append("〕");
  if (e.role == "rectification") out += "（上年度问题整改部分，所列措施计入本年度）";
  if (e.page > 0) out += fmt::format("第 {} 页", e.page);
  if (e.line > 0) out += fmt::format("{}第 {} 行", e.page > 0 ? "、" : "", e.line);
  return out;
}

std::vector<std::string> RulesetNotices(const Report& report) {
  std::vector<std::string> out;
  for (const auto& rs : report.rulesets) {
    if (rs.draft) out.push_back("草稿规则包，未经审核：" + rs.title + "（" + rs.pack + "）");
    if (rs.overrides.empty()) continue;
    std::string overridden, added;
    int n_over = 0, n_add = 0;
    for (const auto& o : rs.overrides) {
      std::size_t sp = o.find(' ');
      std::string id = o.substr(0, sp);
      if (o.find(" 覆盖 ") != std::string::npos) overridden += (n_over++ ? "、" : "") + id;
      else added += (n_add++ ? "、" : "") + id;
    }
    std::string line = "规则包 " + rs.pack + " 含本地修改（--rules）：";
    if (n_over) line += "覆盖 " + std::to_string(n_over) + " 条（" + overridden + "）";
    if (n_add) line += std::string(n_over ? "，" : "") + "新增 " + std::to_string(n_add) + " 条（" + added + "）";
    out.push_back(line + "；规则包摘要随之改变");
  }
  return out;
}

std::string RulesetVersion(const RulesetInfo& rs) {
  std::string v = rs.pack + " " + rs.version;
  if (!rs.overrides.empty()) v += "（本地修改）";
  if (rs.draft) v += "（草稿）";
  return v;
}

std::string CountsZh(const VerdictCounts& c) {
  std::string out;
  auto add = [&](int n, const char* label) {
    if (n == 0) return;
    if (!out.empty()) out += " · ";
    out += fmt::format("{} {}", label, n);
  };
  add(c.pass, "符合");
  add(c.partial, "部分符合");
  add(c.fail, "不符合");
  add(c.not_checkable, "无法判断");
  add(c.not_applicable, "不适用");
  add(c.waived, "已豁免");
  add(c.error, "错误");
  return out.empty() ? "无规则" : out;
}

std::string OrUnknown(const std::optional<std::string>& v) { return v && !v->empty() ? *v : "（未识别）"; }
std::string OrUnknown(const std::optional<int>& v) { return v ? std::to_string(*v) : "（未识别）"; }

std::string LevelLabelZh(const std::optional<std::string>& level) {
  return level ? LevelNameZh(*level) : "（未识别）";
}

std::vector<std::pair<std::size_t, std::size_t>> TermRanges(std::string_view quote,
                                                            std::span<const std::string_view> terms) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  for (const auto& t : terms) {
    if (t.empty()) continue;
    // Terms are whole UTF-8 sequences, so a byte match always starts and ends on character boundaries.
    for (std::size_t p = quote.find(t); p != std::string_view::npos; p = quote.find(t, p + t.size()))
      ranges.push_back({p, p + t.size()});
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<std::size_t, std::size_t>> merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && r.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, r.second);
    else
      merged.push_back(r);
  }
  return merged;
}

std::string DatesZh(const DocumentInfo& d) {
  if (d.published) {
    std::string s = "发布 " + *d.published;
    if (d.signed_on && *d.signed_on != *d.published) s += "；落款 " + *d.signed_on;
    return s;
  }
  if (d.signed_on) return "落款 " + *d.signed_on + "（未见发布日期，时限按落款日期判断）";
  return "（未识别）";
}

std::string DisplayPath(std::string_view path) {
  std::filesystem::path p{std::string(path)};
  if (!p.is_absolute()) return std::string(path);
  std::error_code ec;
  std::filesystem::path cwd = std::filesystem::current_path(ec);
  if (!ec) {
    std::filesystem::path rel = p.lexically_normal().lexically_relative(cwd.lexically_normal());
    if (!rel.empty() && *rel.begin() != "..") return rel.string();
  }
  return p.filename().string();
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace fazhi
