// Diagnostic formatting shared by lint, the loader, readers and the CLI.
#include "core/diagnostic.h"

#include <fmt/format.h>

#include "core/messages.h"

namespace fazhi {

const char* LevelName(Level level) {
  switch (level) {
    case Level::kNote: return "note";
    case Level::kWarning: return "warning";
    case Level::kError: return "error";
  }
  return "error";
}

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.file.empty()) {
    out += d.file;
    if (d.line > 0) out += fmt::format(":{}", d.line);
    if (d.line > 0 && d.column > 0) out += fmt::format(":{}", d.column);
    out += ": ";
  }
  out += fmt::format("{}[{}]: {}", LevelLabel(d.level), d.code, d.message);
  if (!d.hint.empty()) out += fmt::format(" ({})", d.hint);
  return out;
}

bool HasErrors(const Diagnostics& ds) {
  for (const auto& d : ds)
    if (d.level == Level::kError) return true;
  return false;
}

}  // namespace fazhi
