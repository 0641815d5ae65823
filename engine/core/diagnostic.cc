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

namespace {

// "file:line:col: " (what is known of it), or nothing.
std::string Place(const Diagnostic& d) {
  std::string out;
  if (d.file.empty()) return out;
  out += d.file;
  if (d.line > 0) out += fmt::format(":{}", d.line);
  if (d.line > 0 && d.column > 0) out += fmt::format(":{}", d.column);
  out += ": ";
  return out;
}

}  // namespace

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = Place(d) + fmt::format("{}[{}]: ", LevelLabel(d.level), d.code);
  // ReasonLine with no code: the message and the hint in the parentheses of the user's language.
  return out + ReasonLine({}, d.message, d.hint);
}

std::string DiagnosticLogLine(const Diagnostic& d) { return Place(d) + ReasonLine(d.code, d.message, d.hint); }

bool HasErrors(const Diagnostics& ds) {
  for (const auto& d : ds)
    if (d.level == Level::kError) return true;
  return false;
}

}  // namespace fazhi
