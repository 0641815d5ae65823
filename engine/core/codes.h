// Every diagnostic code fazhi emits, declared once: the code (stable, language-free: E- error, W- warning,
// N- note), its level and a short Chinese description. docs/cli.md (诊断代码) lists the same codes; the tests check
// that every code written in engine/ is here and every code here is in the docs (tests/core/codes_test.cc).
// Messages stay where they are raised for now; a per-language message template joins CodeInfo later (issue #15).
#pragma once

#include <span>
#include <string_view>

#include "core/diagnostic.h"

namespace fazhi {

struct CodeInfo {
  std::string_view code;     // "E-unknown-key"
  Level level;               // the level it is raised at (the prefix says the same)
  std::string_view summary;  // 简短说明（中文）: what the code means, for the docs and a future `fazhi explain-code`
};

// All codes, sorted by code.
std::span<const CodeInfo> DiagnosticCodes();
// The entry of `code`; nullptr when fazhi has no such code.
const CodeInfo* FindDiagnosticCode(std::string_view code);

}  // namespace fazhi
