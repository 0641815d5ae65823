// Markdown renderer (initial version): the gap report as a document ready to paste into a work report.
#include <fmt/format.h>

#include "render/renderer.h"

namespace fazhi {

void RenderMarkdown(const Report& report, std::ostream& out, const RenderOptions&) {
  const auto& d = report.document;
  out << "# 法治政府建设年度报告核查结果\n\n";
  out << fmt::format("- 文件: `{}`\n- 标题: {}\n- 年度: {}\n", d.path, d.title.value_or("（未识别）"),
                     d.year ? std::to_string(*d.year) : "（未识别）");
  if (report.score.total) out << fmt::format("- 总分: {:.1f}\n", *report.score.total);
  out << "\n## 问题清单\n\n";
  for (const auto& r : report.results) {
    if (!IsGap(r.verdict)) continue;
    out << fmt::format("### {} {}（{}）\n\n- 依据: {}\n- 问题: {}\n", r.rule, r.title, VerdictLabelZh(r.verdict),
                       r.cite, r.message);
    for (const auto& e : r.evidence) out << fmt::format("- 证据（第{}行）: > {}\n", e.line, e.quote);
    if (!r.remedy.empty()) out << fmt::format("- 整改建议: {}\n", r.remedy);
    out << "\n";
  }
}

}  // namespace fazhi
