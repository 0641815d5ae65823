// Markdown renderer: the same content as the text report, as a document to paste into a work report (Chinese
// headings, tables for scores, quotes with matched terms in bold). Document and rule text is escaped, so markup in a
// report shows as text in any Markdown viewer.
#include <fmt/format.h>

#include "core/messages.h"
#include "render/render_support.h"
#include "render/renderer.h"

namespace fazhi {

namespace {

// Backslash-escapes the ASCII punctuation Markdown would interpret (CommonMark allows escaping any of it), and
// turns line breaks into spaces so one value stays one paragraph or table cell.
std::string Esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '#':
      case '&': case '~': case '!':
        out += '\\';
        out += c;
        break;
      case '\n': case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

// Inline code: a backtick run longer than any inside the value.
std::string Code(std::string_view s) {
  std::size_t run = 0, longest = 0;
  for (char c : s) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  std::string pad = (!s.empty() && (s.front() == '`' || s.back() == '`')) ? " " : "";
  return fence + pad + std::string(s) + pad + fence;
}

std::string Quote(const Evidence& e) {
  std::string out;
  std::size_t at = 0;
  for (auto [b, en] : TermRanges(e.quote, e.terms)) {
    out += Esc(e.quote.substr(at, b - at));
    out += "**" + Esc(e.quote.substr(b, en - b)) + "**";
    at = en;
  }
  return out + Esc(e.quote.substr(at));
}

std::string ScoreCell(const std::optional<double>& score, const std::optional<double>& unwaived, bool bold) {
  std::string s = FormatScore(score);
  if (bold && score) s = "**" + s + "**";
  if (FormatScore(score) != FormatScore(unwaived)) s += fmt::format("（豁免前 {}）", FormatScore(unwaived));
  return s;
}

void EvidenceList(std::string& out, const RuleResult& r) {
  if (r.evidence.empty()) return;  // the message says what is missing
  out += "- **证据**：\n";
  for (const auto& e : r.evidence) {
    out += "\n";
    std::string kind = e.kind == EvidenceKind::kSupport ? "" : fmt::format("［{}］", EvidenceKindLabelZh(e.kind));
    out += "  > " + kind + Quote(e) + "\n";
    std::string where = EvidenceLocation(e);
    if (!where.empty()) out += "  >\n  > —— " + Esc(where) + "\n";
  }
  out += "\n";
}

}  // namespace

void RenderMarkdown(const Report& report, std::ostream& os, const RenderOptions&) {
  const auto& d = report.document;
  const ScoreSummary& s = report.score;
  std::string out;
  out += "# 法治政府建设年度报告核查结果\n\n";
  if (d.title) out += "> " + Esc(*d.title) + "\n\n";
  out += "| 项目 | 内容 |\n|---|---|\n";
  out += "| 文件 | " + Esc(DisplayPath(d.path)) + " |\n";
  out += "| 标题 | " + Esc(OrUnknown(d.title)) + " |\n";
  out += "| 发布主体 | " + Esc(OrUnknown(d.issuer)) + " |\n";
  out += "| 层级 | " + Esc(LevelLabelZh(d.level)) + " |\n";
  out += "| 年度 | " + Esc(OrUnknown(d.year)) + " |\n";
  out += "| 发布/落款 | " + Esc(DatesZh(d)) + " |\n";
  std::string packs;
  for (const auto& rs : report.rulesets)
    packs += (packs.empty() ? "" : "；") + Esc(rs.title) + "（" + Esc(RulesetVersion(rs)) + "）";
  out += "| 规则包 | " + (packs.empty() ? "—" : packs) + " |\n";
  for (const auto& notice : RulesetNotices(report)) out += "| 注意 | **" + Esc(notice) + "** |\n";
  out += "| 总分 | " + ScoreCell(s.total, s.total_unwaived, true) + " / 100 |\n";
  out += "| 结论统计 | " + CountsZh(s.counts) + " |\n\n";
  if (d.not_checkable) out += "> **无法核查**：" + Esc(d.not_checkable_reason) + "\n\n";
  if (s.counts.not_checkable > 0)
    out += fmt::format("> **注意**：有 {} 项要求无法从报告文本判断，未计入得分，需人工核实（见第三部分）。\n\n",
                       s.counts.not_checkable);

  out += "## 一、得分概况\n\n";
  out += "| 规则包 / 类别 | 得分 | 符合 | 部分符合 | 不符合 | 无法判断 | 不适用 | 已豁免 |\n";
  out += "|---|---:|---:|---:|---:|---:|---:|---:|\n";
  auto row = [&](const std::string& name, const std::string& score, const VerdictCounts& c) {
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", name, score, c.pass, c.partial, c.fail,
                       c.not_checkable, c.not_applicable, c.waived);
  };
  for (const auto& p : s.packs) {
    row("**" + Esc(p.title) + "**（" + Esc(p.pack) + "）", ScoreCell(p.score, p.score_unwaived, true), p.counts);
    for (const auto& c : p.categories)
      row("　" + Esc(c.name.empty() ? "（未分类）" : c.name), FormatScore(c.score), c.counts);
  }
  out += "\n得分为 0–100 的加权得分；不适用、无法判断和已豁免的要求不计入分母（算法见 docs/scoring.md）。\n\n";

  auto gaps = GapsBySeverity(report);
  out += fmt::format("## 二、问题清单（{} 项，按严重程度排列）\n\n", gaps.size());
  if (gaps.empty()) out += "未发现差距。\n\n";
  int n = 0;
  for (const RuleResult* r : gaps) {
    out += fmt::format("### {}. 【{}·{}】{}\n\n", ++n, SeverityLabelZh(r->rule->severity), VerdictLabelZh(r->verdict),
                       Esc(r->rule->title));
    out += "- **规则**：" + Code(r->rule->id) + "\n";
    if (!r->rule->cite.empty()) out += "- **依据**：" + Esc(r->rule->cite) + "\n";
    if (!r->message.empty()) out += "- **问题**：" + Esc(r->message) + "\n";
    EvidenceList(out, *r);
    if (!r->rule->remedy.empty()) out += "- **整改建议**：" + Esc(r->rule->remedy) + "\n";
    out += "\n";
  }

  auto nc = ResultsWith(report, Verdict::kNotCheckable);
  out += fmt::format("## 三、无法判断的要求（{} 项，需人工核实）\n\n", nc.size());
  if (nc.empty()) out += "无。\n";
  for (const RuleResult* r : nc)
    out += "- " + Code(r->rule->id) + " " + Esc(r->rule->title) + (r->message.empty() ? "" : "：" + Esc(r->message)) +
           "\n";
  out += "\n";

  auto waived = ResultsWith(report, Verdict::kWaived);
  out += fmt::format("## 四、已豁免的要求（{} 项）\n\n", waived.size());
  if (waived.empty()) out += "无。\n";
  for (const RuleResult* r : waived)
    out += "- " + Code(r->rule->id) + " " + Esc(r->rule->title) + "（豁免前：" + VerdictLabelZh(r->unwaived) +
           "）：" + Esc(r->waiver()) + "\n";
  out += "\n";

  auto passes = ResultsWith(report, Verdict::kPass);
  out += fmt::format("## 五、符合的要求（{} 项）\n\n", passes.size());
  if (passes.empty()) out += "无。\n";
  for (const RuleResult* r : passes) {
    out += "- " + Code(r->rule->id) + " " + Esc(r->rule->title);
    if (!r->evidence.empty()) {
      std::string where = EvidenceLocation(r->evidence.front());
      if (!where.empty()) out += "（" + Esc(where) + "）";
    }
    out += "\n";
  }
  out += "\n";

  auto na = ResultsWith(report, Verdict::kNotApplicable);
  if (!na.empty()) {
    out += fmt::format("## 六、不适用的要求（{} 项）\n\n", na.size());
    for (const RuleResult* r : na)
      out += "- " + Code(r->rule->id) + " " + Esc(r->rule->title) + (r->message.empty() ? "" : "：" + Esc(r->message)) +
           "\n";
    out += "\n";
  }
  auto errors = ResultsWith(report, Verdict::kError);
  if (!errors.empty()) {
    out += fmt::format("## 规则执行错误（{} 项）\n\n", errors.size());
    for (const RuleResult* r : errors) out += "- " + Code(r->rule->id) + "：" + Esc(r->message) + "\n";
    out += "\n";
  }
  if (!report.diagnostics.empty()) {
    out += "## 附：诊断信息\n\n";
    for (const auto& dg : report.diagnostics)
      out += "- " + Code(LevelLabel(dg.level) + " " + dg.code) + " " + Esc(dg.message) + "\n";
    out += "\n";
  }
  out += "---\n\n由 fazhi " + Esc(report.tool_version) + " 生成。自动核查结果仅供参考，结论以人工审核为准。\n";
  os << out;
}

}  // namespace fazhi
