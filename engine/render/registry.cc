// The registry of output formats: a plain table, one line per renderer.
#include <algorithm>

#include "render/renderer.h"

namespace fazhi {

const std::vector<RendererEntry>& Renderers() {
  static const std::vector<RendererEntry> kRenderers = {
      {"text", "txt", false, RenderText, "terminal summary and gaps (default)"},
      {"json", "json", false, RenderJson, "machine-readable result, schema fazhi.check/1"},
      {"md", "md", false, RenderMarkdown, "Markdown gap report"},
  };
  return kRenderers;
}

const RendererEntry* FindRenderer(std::string_view name) {
  const auto& rs = Renderers();
  auto it = std::find_if(rs.begin(), rs.end(), [&](const RendererEntry& r) { return name == r.name; });
  return it == rs.end() ? nullptr : &*it;
}

}  // namespace fazhi
