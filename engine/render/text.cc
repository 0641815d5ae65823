// Text renderer (the terminal default): document summary, score bars per pack and category, then the gaps by
// severity with citation, message, quoted evidence and remedy. Columns are CJK-aware (text_width.h); ANSI colour
// only when RenderOptions::color is set (the CLI sets it on a TTY without NO_COLOR). Every text taken from the
// report goes through TerminalSafe (core/safe_text.h), so the only escape sequences printed are the painter's.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/safe_text.h"
#include "render/render_support.h"
#include "render/renderer.h"
#include "render/text_width.h"

namespace fazhi {

namespace {

constexpr int kBarCells = 20;
constexpr int kHeadLabel = 10;  // label column of the document summary (four CJK characters + 2)

class Painter {
 public:
  explicit Painter(bool on) : on_(on) {}
  std::string operator()(const char* sgr, std::string_view s) const {
    if (!on_ || s.empty()) return std::string(s);
    return fmt::format("\x1b[{}m{}\x1b[0m", sgr, s);
  }
  bool on() const { return on_; }

 private:
  bool on_;
};

constexpr const char* kBold = "1";
constexpr const char* kDim = "2";
constexpr const char* kRed = "31";
constexpr const char* kGreen = "32";
constexpr const char* kYellow = "33";
constexpr const char* kCyan = "36";
constexpr const char* kBoldRed = "1;31";
constexpr const char* kBoldYellow = "1;33";
constexpr const char* kMagenta = "35";

const char* ScoreColour(const std::optional<double>& s) {
  if (!s) return kDim;
  if (*s >= 85) return kGreen;
  if (*s >= 60) return kYellow;
  return kRed;
}

const char* SeverityColour(Severity sev) {
  switch (sev) {
    case Severity::kCritical: return kBoldRed;
    case Severity::kHigh: return kRed;
    case Severity::kMedium: return kYellow;
    case Severity::kLow: return kCyan;
    case Severity::kInfo: break;
  }
  return kDim;
}

std::string Bar(const std::optional<double>& score, const Painter& paint) {
  if (!score) return paint(kDim, PadRight("（无可计分规则）", kBarCells));
  int full = static_cast<int>(std::lround(std::clamp(*score, 0.0, 100.0) / 100.0 * kBarCells));
  std::string on, off;
  for (int i = 0; i < full; ++i) on += "█";
  for (int i = full; i < kBarCells; ++i) off += "░";
  return paint(ScoreColour(score), on) + paint(kDim, off);
}

// Appends `label` + `value` wrapped to `width` with a hanging indent under the value.
void Field(std::string& out, int indent, std::string_view label, std::string_view value, int width,
           const Painter& paint, const char* value_sgr = nullptr, int label_cols = 6) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  std::string hang(static_cast<std::size_t>(indent + label_cols), ' ');
  auto lines = WrapToWidth(TerminalSafe(value, true), std::max(20, width - indent - label_cols));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += i == 0 ? pad + paint(kDim, PadRight(label, label_cols)) : hang;
    out += value_sgr ? paint(value_sgr, lines[i]) : lines[i];
    out += "\n";
  }
}

// The quote with its matched terms in bold when colour is on (plain text otherwise).
std::string Highlight(const Evidence& e, const Painter& paint) {
  if (!paint.on()) return std::string(e.quote);
  std::string out;
  std::size_t at = 0;
  for (auto [b, en] : TermRanges(e.quote, e.terms)) {
    out += e.quote.substr(at, b - at);
    out += paint(kBoldYellow, std::string(e.quote.substr(b, en - b)));
    at = en;
  }
  return out.append(e.quote.substr(at));
}

void EvidenceLines(std::string& out, const RuleResult& r, int indent, int width, const Painter& paint) {
  if (r.evidence.empty()) return;  // the message says what is missing
  bool first = true;
  for (const auto& e : r.evidence) {
    std::string kind = e.kind == EvidenceKind::kSupport ? "" : fmt::format("[{}] ", EvidenceKindLabelZh(e.kind));
    // Wrap the plain quote, then colour terms line by line (escape codes must not count as width).
    std::string quote = kind + "「" + TerminalSafe(e.quote) + "」";
    auto lines = WrapToWidth(quote, std::max(20, width - indent - 6));
    std::string pad(static_cast<std::size_t>(indent), ' '), hang(static_cast<std::size_t>(indent + 6), ' ');
    for (std::size_t i = 0; i < lines.size(); ++i) {
      out += i == 0 ? pad + paint(kDim, PadRight(first ? "证据" : "", 6)) : hang;
      Evidence line_ev{e.kind, lines[i], "", 0, 0, 0, 0, e.terms, e.role, e.bytes};
      out += Highlight(line_ev, paint) + "\n";
    }
    std::string where = TerminalSafe(EvidenceLocation(e));
    if (!where.empty()) out += hang + paint(kDim, "—— " + where) + "\n";
    first = false;
  }
}

void Gap(std::string& out, const RuleResult& r, int width, const Painter& paint) {
  const char* mark = r.verdict == Verdict::kFail ? "✗" : "◐";
  const char* vcol = r.verdict == Verdict::kFail ? kRed : kYellow;
  // "  ✗ 不符合  title" with the title wrapped under itself.
  std::string head = fmt::format("{} {}  ", mark, VerdictLabelZh(r.verdict));
  int head_cols = 2 + DisplayWidth(head);
  auto title = WrapToWidth(TerminalSafe(r.rule->title), std::max(20, width - head_cols));
  for (std::size_t i = 0; i < title.size(); ++i)
    out += (i == 0 ? "  " + paint(vcol, head) : std::string(static_cast<std::size_t>(head_cols), ' ')) +
           paint(kBold, title[i]) + "\n";
  Field(out, 4, "规则", r.rule->id, width, paint);
  if (!r.rule->cite.empty()) Field(out, 4, "依据", r.rule->cite, width, paint);
  if (!r.message.empty()) Field(out, 4, "问题", r.message, width, paint);
  EvidenceLines(out, r, 4, width, paint);
  if (!r.rule->remedy.empty()) Field(out, 4, "整改", r.rule->remedy, width, paint, kCyan);
  out += "\n";
}

// Ends `out` with exactly one empty line (before a section heading).
void BlankLine(std::string& out) {
  if (out.size() >= 2 && out.compare(out.size() - 2, 2, "\n\n") == 0) return;
  out += "\n";
}

// Compact counts for the score table ("符合 1  不符合 2"): two spaces instead of " · ".
std::string ShortCounts(const VerdictCounts& c) {
  std::string s = CountsZh(c);
  const std::string sep = " · ";
  for (auto p = s.find(sep); p != std::string::npos; p = s.find(sep, p + 2)) s.replace(p, sep.size(), "  ");
  return s;
}

// Counts that do not fit beside the bar go on the lines below, indented by `indent`, as many items ("不适用 1")
// per line as fit in `width` — an item is never cut and no count is ever dropped.
void CountsBelow(std::string& out, const std::string& counts, std::string_view sep, int indent, int width,
                 const Painter& paint, const char* colour) {
  const int room = std::max(20, width - indent);
  std::string line;
  auto flush = [&] {
    if (line.empty()) return;
    out += std::string(static_cast<std::size_t>(indent), ' ') + (colour ? paint(colour, line) : line) + "\n";
    line.clear();
  };
  for (std::size_t start = 0; start <= counts.size();) {
    std::size_t end = counts.find(sep, start);
    if (end == std::string::npos) end = counts.size();
    std::string item = counts.substr(start, end - start);
    if (!line.empty() && DisplayWidth(line) + DisplayWidth(sep) + DisplayWidth(item) > room) flush();
    line += (line.empty() ? "" : std::string(sep)) + item;
    start = end + sep.size();
  }
  flush();
}

void ScoreTable(std::string& out, const Report& report, int width, const Painter& paint) {
  // Name column: the widest pack or category label, capped so that bars and counts fit.
  int name_cols = 8;
  for (const auto& p : report.score.packs) {
    name_cols = std::max(name_cols, DisplayWidth(TerminalSafe(p.title)) + DisplayWidth(TerminalSafe(p.pack)) + 3);
    for (const auto& c : p.categories) name_cols = std::max(name_cols, DisplayWidth(TerminalSafe(c.name)) + 2);
  }
  name_cols = std::clamp(name_cols, 12, std::max(12, std::min(28, width - 2 - 7 - kBarCells - 2 - 40)));
  const int counts_cols = width - (2 + name_cols + 1 + 5 + 1 + kBarCells + 2);
  for (const auto& p : report.score.packs) {
    std::string id = name_cols >= 24 ? " (" + TerminalSafe(p.pack) + ")" : "";  // narrow terminals: the title only
    std::string title = TerminalSafe(p.title);
    std::string name = DisplayWidth(title) + DisplayWidth(id) <= name_cols
                           ? title + id
                           : TruncateToWidth(title, std::max(4, name_cols - DisplayWidth(id))) + id;
    name = TruncateToWidth(name, name_cols);
    std::string counts = ShortCounts(p.counts);
    if (WaiversChangedScore(p)) counts += fmt::format("（豁免前 {}）", FormatScore(p.score_unwaived));
    bool fits = DisplayWidth(counts) <= counts_cols;
    out += fmt::format("  {} {} {}{}\n", paint(kBold, PadRight(name, name_cols)),
                       paint(ScoreColour(p.score), PadLeft(FormatScore(p.score), 5)), Bar(p.score, paint),
                       fits ? "  " + counts : "");
    if (!fits) CountsBelow(out, counts, "  ", name_cols + 3, width, paint, nullptr);
    if (p.categories.size() <= 1 && (p.categories.empty() || p.categories[0].name.empty())) continue;
    if (!p.score) continue;  // nothing scorable (e.g. a pack for other years): its categories say nothing more
    for (const auto& c : p.categories) {
      std::string cname = TruncateToWidth(c.name.empty() ? "（未分类）" : TerminalSafe(c.name), name_cols - 2);
      std::string ccounts = ShortCounts(c.counts);
      bool cfits = DisplayWidth(ccounts) <= counts_cols;
      out += fmt::format("    {} {} {}{}\n", PadRight(cname, name_cols - 2),
                         paint(ScoreColour(c.score), PadLeft(FormatScore(c.score), 5)), Bar(c.score, paint),
                         cfits ? "  " + paint(kDim, ccounts) : "");
      if (!cfits) CountsBelow(out, ccounts, "  ", name_cols + 3, width, paint, kDim);
    }
  }
}

}  // namespace

void RenderText(const Report& report, std::ostream& os, const RenderOptions& opts) {
  const int width = std::clamp(opts.width, 60, 200);
  const Painter paint(opts.color);
  const auto& d = report.document;
  std::string out;
  out += paint(kBold, "法治政府建设年度报告核查") + paint(kDim, " · fazhi " + report.tool_version) + "\n";
  out += paint(kDim, std::string(static_cast<std::size_t>(std::min(width, 72)) * 1, '-')) + "\n";
  Field(out, 0, "文件", d.path, width, paint, nullptr, kHeadLabel);
  Field(out, 0, "标题", OrUnknown(d.title), width, paint, nullptr, kHeadLabel);
  Field(out, 0, "发布主体",
        fmt::format("{}（{}）  年度 {}  {}", OrUnknown(d.issuer), LevelLabelZh(d.level), OrUnknown(d.year),
                    DatesZh(d)),
        width, paint, nullptr, kHeadLabel);
  std::string packs;
  for (const auto& rs : report.rulesets) packs += (packs.empty() ? "" : " · ") + RulesetVersion(rs);
  if (!packs.empty()) Field(out, 0, "规则包", packs, width, paint, nullptr, kHeadLabel);
  for (const auto& notice : RulesetNotices(report)) Field(out, 0, "注意", notice, width, paint, kBoldRed, kHeadLabel);
  if (d.not_checkable) Field(out, 0, "无法核查", d.not_checkable_reason, width, paint, kBoldRed, kHeadLabel);
  out += "\n";

  const ScoreSummary& s = report.score;
  std::string extra = WaiversChangedScore(s) ? fmt::format("  （豁免前 {}）", FormatScore(s.total_unwaived)) : "";
  out += fmt::format("{}{} {}{}\n", paint(kBold, PadRight("总分", kHeadLabel - 1)),
                     paint(ScoreColour(s.total), PadLeft(FormatScore(s.total), 5)), Bar(s.total, paint), extra);
  CountsBelow(out, CountsZh(s.counts), " · ", kHeadLabel, width, paint, nullptr);
  if (s.counts.not_checkable > 0) {
    auto nc = ResultsWith(report, Verdict::kNotCheckable);
    std::string ids;
    for (std::size_t i = 0; i < nc.size() && i < 5; ++i) ids += (i ? "、" : "") + nc[i]->rule->id;
    if (nc.size() > 5) ids += fmt::format(" 等 {} 项", nc.size());
    Field(out, 2, "注意",
          fmt::format("{} 项要求无法从文本判断，未计入得分，需人工核实：{}", s.counts.not_checkable, ids), width,
          paint, kMagenta);
  }
  out += "\n" + paint(kBold, "得分") + "\n";
  ScoreTable(out, report, width, paint);

  auto gaps = GapsBySeverity(report);
  out += "\n" + paint(kBold, fmt::format("差距 {} 项（按严重程度）", gaps.size())) + "\n";
  if (gaps.empty()) out += "  未发现差距。\n";
  Severity current = Severity::kInfo;
  bool first = true;
  for (const RuleResult* r : gaps) {
    if (first || r->rule->severity != current) {
      out += (first ? "\n" : "") +
             paint(SeverityColour(r->rule->severity), fmt::format("■ {}", SeverityLabelZh(r->rule->severity))) + "\n";
      first = false;
      current = r->rule->severity;
    }
    Gap(out, *r, width, paint);
  }

  auto nc = ResultsWith(report, Verdict::kNotCheckable);
  if (!nc.empty()) {
    BlankLine(out);
    out += paint(kBold, fmt::format("无法判断 {} 项（不计入得分，需人工核实）", nc.size())) + "\n";
    for (const RuleResult* r : nc) {
      out += fmt::format("  {} {}  {}\n", paint(kMagenta, "?"), paint(kBold, TerminalSafe(r->rule->id)),
                         TerminalSafe(r->rule->title));
      if (!r->message.empty()) Field(out, 4, "原因", r->message, width, paint);
    }
  }
  auto waived = ResultsWith(report, Verdict::kWaived);
  if (!waived.empty()) {
    BlankLine(out);
    out += paint(kBold, fmt::format("已豁免 {} 项（不计入得分）", waived.size())) + "\n";
    for (const RuleResult* r : waived) {
      out += fmt::format("  {} {}  {}  {}\n", paint(kDim, "~"), paint(kBold, TerminalSafe(r->rule->id)),
                         TerminalSafe(r->rule->title),
                         paint(kDim, fmt::format("（豁免前：{}）", VerdictLabelZh(r->unwaived))));
      Field(out, 4, "理由", r->waiver(), width, paint);
    }
  }
  os << out;
}

}  // namespace fazhi
