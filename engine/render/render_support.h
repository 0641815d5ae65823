// What several renderers share: severity order and labels, score strings, the ordered gap list, evidence
// locations and plain-language counts. Pure functions of the Report (renderers are sinks).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/report.h"
#include "core/severity.h"

namespace fazhi {

// critical = 4 … info = 0; unknown = -1.
// SeverityRank and SeverityLabelZh (严重 / 高 / 中 / 低 / 提示) are core/severity.h's.
const char* EvidenceKindLabelZh(EvidenceKind kind);        // 佐证 / 自述不足 / 仅有计划 / 否定表述 / 上下文

// "72.5", or "—" when there is nothing to score.
std::string FormatScore(const std::optional<double>& score);
// True when waivers changed a score (the renderers then show both).
bool WaiversChangedScore(const ScoreSummary& s);
bool WaiversChangedScore(const PackScore& p);

// The gaps (fail, partial) ordered by severity (highest first), fail before partial, then report order.
std::vector<const RuleResult*> GapsBySeverity(const Report& report);
// Results with this verdict, in report order.
std::vector<const RuleResult*> ResultsWith(const Report& report, Verdict verdict);

// "〔二、主要措施〕第 12 行" (section, line, page when known); empty when nothing is known.
std::string EvidenceLocation(const Evidence& e);
// "符合 3 · 部分符合 1 · 不符合 2 · 无法判断 1" — zero counts left out, in this fixed order.
std::string CountsZh(const VerdictCounts& c);
// What every output says about the rule packs beyond their versions: "草稿规则包，未经审核：…" for a pack marked
// `draft: true`, "规则包 X 含本地修改（--rules）：覆盖 … 新增 …" for a pack a later --rules folder changed. One
// line each, empty when the packs are as shipped.
std::vector<std::string> RulesetNotices(const Report& report);
// "outline-2015 1.2.0" plus "（本地修改）" / "（草稿）" when so.
std::string RulesetVersion(const RulesetInfo& rs);
// "天津市红桥区人民政府" or "（未识别）" for unknown metadata (never invented).
std::string OrUnknown(const std::optional<std::string>& v);
std::string OrUnknown(const std::optional<int>& v);
// "区县级" for "district"…; the raw value when unknown.
std::string LevelLabelZh(const std::optional<std::string>& level);

// The dates of the report and which one the deadline checks use (checks/date: the publication date, else the date
// under the signature): "发布 2021-03-15", "落款 2021-01-20（未见发布日期，时限按落款日期判断）", "（未识别）".
std::string DatesZh(const DocumentInfo& d);

// A path as a forwarded report may show it: relative to the working folder when the file is inside it, else the
// file name alone — never a local absolute path (/home/…).
std::string DisplayPath(std::string_view path);

// Text for HTML element content and attribute values: & < > " ' escaped (document and rule text is never markup).
std::string HtmlEscape(std::string_view s);

// Byte ranges [begin, end) of every occurrence of `terms` in `quote`, sorted and merged (for highlighting).
std::vector<std::pair<std::size_t, std::size_t>> TermRanges(std::string_view quote,
                                                            std::span<const std::string_view> terms);

}  // namespace fazhi
