// Diagnostics: every problem fazhi reports is a value with a code, a place and a hint (never a stack trace).
#pragma once

#include <string>
#include <vector>

namespace fazhi {

enum class Level { kNote, kWarning, kError };

const char* LevelName(Level level);

struct Diagnostic {
  Level level = Level::kError;
  std::string code;     // stable, e.g. "E-unknown-key", "W-no-year"; every code is in core/codes.h
  std::string message;  // one line, names the problem
  std::string file;     // may be empty
  int line = 0;         // 1-based; 0 = unknown
  int column = 0;       // 1-based; 0 = unknown
  std::string hint;     // "did you mean `scope`?"; may be empty
};

// "file:line:col: 错误[code]: message（hint）" — the hint in full-width parentheses in Chinese, ASCII ones with
// --lang en ("file:line:col: error[code]: message (hint)").
std::string FormatDiagnostic(const Diagnostic& d);

// The same without the level, for a log line whose prefix already names it ("fazhi: 警告：" + this):
// "file:line:col: [code] message（hint）", the shape of an input error's reason (ReasonLine, core/messages.h).
std::string DiagnosticLogLine(const Diagnostic& d);

using Diagnostics = std::vector<Diagnostic>;

bool HasErrors(const Diagnostics& ds);

}  // namespace fazhi
