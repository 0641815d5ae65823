// DiagnosticError: an InputError that carries a whole diagnostic from the message table — its line and column (a
// waiver file's line, a CSV 台账's line) and its hint (which column of the 台账 is missing, what value is allowed) —
// so that the line printed for a file that cannot be used reads like a lint diagnostic:
// "waivers.yaml:3:5: 错误[E-waiver]: 豁免中不认识的键 `reasn` (您是不是想写 `reason`？)".
#pragma once

#include <string>
#include <utility>

#include "core/diagnostic.h"
#include "core/error.h"

namespace fazhi {

class DiagnosticError : public InputError {
 public:
  // `throw DiagnosticError(MakeDiagnostic("E-waiver.date", {key, value}, path, line, column));` — what() is the
  // message alone, path() and code() those of the diagnostic.
  explicit DiagnosticError(Diagnostic d) : InputError(d.file, d.code, d.message, d.hint), d_(std::move(d)) {}
  const Diagnostic& diagnostic() const { return d_; }

 private:
  Diagnostic d_;
};

// What an InputError knows, as a diagnostic (for FormatDiagnostic): a DiagnosticError's own; for any other its
// file, code, message and hint (an InputProblem's, from the table).
inline Diagnostic DiagnosticOf(const InputError& e) {
  if (const auto* d = dynamic_cast<const DiagnosticError*>(&e)) return d->diagnostic();
  return Diagnostic{Level::kError, e.code(), e.what(), e.path(), 0, 0, e.hint()};
}

}  // namespace fazhi
