// Text renderer (initial version): summary and the gaps with citations and quotes.
#include <fmt/format.h>

#include "render/renderer.h"

namespace fazhi {

void RenderText(const Report& report, std::ostream& out, const RenderOptions&) {
  const auto& d = report.document;
  out << fmt::format("fazhi {} — {}\n", report.tool_version, d.path);
  out << fmt::format("标题: {}\n主体: {}  年度: {}  发布: {}\n", d.title.value_or("（未识别）"),
                     d.issuer.value_or("（未识别）"), d.year ? std::to_string(*d.year) : "（未识别）",
                     d.published.value_or("（未识别）"));
  if (report.score.total) out << fmt::format("总分: {:.1f}\n", *report.score.total);
  for (const auto& p : report.score.packs)
    out << fmt::format("  {:<14} {}  通过 {} 部分 {} 不符合 {} 无法判断 {} 不适用 {}\n", p.pack,
                       p.score ? fmt::format("{:5.1f}", *p.score) : std::string("  n/a"), p.counts.pass,
                       p.counts.partial, p.counts.fail, p.counts.not_checkable, p.counts.not_applicable);
  for (const auto& r : report.results) {
    if (!IsGap(r.verdict) && r.verdict != Verdict::kNotCheckable) continue;
    out << fmt::format("\n[{}] {} {}\n  依据: {}\n  问题: {}\n", VerdictLabelZh(r.verdict), r.rule, r.title, r.cite,
                       r.message);
    for (const auto& e : r.evidence) out << fmt::format("  证据(第{}行): {}\n", e.line, e.quote);
    if (!r.remedy.empty()) out << fmt::format("  整改建议: {}\n", r.remedy);
  }
}

}  // namespace fazhi
