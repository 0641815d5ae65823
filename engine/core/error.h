// InputError: a fatal problem with one input (a report, a rule file, a flag) that the user can act on.
#pragma once

#include <stdexcept>
#include <string>

namespace fazhi {

// Thrown where a whole input cannot be used; caught at the CLI or batch boundary, printed as one line
// naming the file, and turned into exit status 2 (or an `error` row in a batch).
class InputError : public std::runtime_error {
 public:
  InputError(std::string path, std::string code, const std::string& message, std::string hint = {})
      : std::runtime_error(message), path_(std::move(path)), code_(std::move(code)), hint_(std::move(hint)) {}
  const std::string& path() const { return path_; }
  const std::string& code() const { return code_; }
  // What the user can do about it ("另存为 .docx 后再检查"); may be empty. InputProblem (core/messages.h) fills it
  // from the message table.
  const std::string& hint() const { return hint_; }

 private:
  std::string path_;
  std::string code_;
  std::string hint_;
};

// A document that could be read but can't be checked (e.g. a PDF without a text layer): verdicts become
// `not_checkable` with this reason rather than a report full of failures.
class NotCheckableError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace fazhi
