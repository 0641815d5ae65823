// Renderers are sinks: each turns a Report into bytes and sees nothing else (no rules, no matchers).
// Adding a format = render/<name>.cc + one line in render/registry.cc + a golden test.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/report.h"

namespace fazhi {

struct RenderOptions {
  bool color = false;  // ANSI colour (text renderer, only on a TTY and never with NO_COLOR)
  int width = 100;     // terminal columns for the text renderer
};

using RenderFn = void (*)(const Report& report, std::ostream& out, const RenderOptions& opts);
// Appends the same bytes as RenderFn to `out` (a batch to stdout renders into its worker's buffer, no stream).
using AppendFn = void (*)(const Report& report, std::string& out, const RenderOptions& opts);

struct RendererEntry {
  const char* name;       // --format value
  const char* extension;  // output file extension
  bool binary;            // writes non-text bytes (xlsx)
  RenderFn render;
  const char* summary;
  AppendFn append = nullptr;  // set where the format is built in a string anyway (json, jsonl)
};

const std::vector<RendererEntry>& Renderers();
const RendererEntry* FindRenderer(std::string_view name);

void RenderJson(const Report& report, std::ostream& out, const RenderOptions& opts);
void RenderText(const Report& report, std::ostream& out, const RenderOptions& opts);
void RenderMarkdown(const Report& report, std::ostream& out, const RenderOptions& opts);
void RenderHtml(const Report& report, std::ostream& out, const RenderOptions& opts);
void RenderCsv(const Report& report, std::ostream& out, const RenderOptions& opts);
void RenderXlsx(const Report& report, std::ostream& out, const RenderOptions& opts);
void RenderJsonl(const Report& report, std::ostream& out, const RenderOptions& opts);
void AppendJson(const Report& report, std::string& out, const RenderOptions& opts);
void AppendJsonl(const Report& report, std::string& out, const RenderOptions& opts);

}  // namespace fazhi
