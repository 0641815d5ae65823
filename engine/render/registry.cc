// The registry of output formats: a plain table, one line per renderer.
#include <algorithm>

#include "render/renderer.h"

namespace fazhi {

const std::vector<RendererEntry>& Renderers() {
  static const std::vector<RendererEntry> kRenderers = {
      {"text", "txt", false, RenderText, "terminal summary and gaps (default)"},
      {"json", "json", false, RenderJson, "machine-readable result, schema fazhi.check/1", AppendJson},
      {"jsonl", "jsonl", false, RenderJsonl, "one compact fazhi.check/1 object per report and line (batches)",
       AppendJsonl},
      {"md", "md", false, RenderMarkdown, "Markdown gap report (Chinese headings)"},
      {"html", "html", false, RenderHtml, "self-contained HTML gap report (offline, prints on A4)"},
      {"csv", "csv", false, RenderCsv, "整改台账 as CSV (UTF-8 with BOM)"},
      {"xlsx", "xlsx", true, RenderXlsx, "整改台账 workbook: ledger, all results, summary"},
  };
  return kRenderers;
}

const RendererEntry* FindRenderer(std::string_view name) {
  const auto& rs = Renderers();
  auto it = std::find_if(rs.begin(), rs.end(), [&](const RendererEntry& r) { return name == r.name; });
  return it == rs.end() ? nullptr : &*it;
}

}  // namespace fazhi
