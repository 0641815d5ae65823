// Running a helper tool (pdftotext, antiword) as a child process: no shell, a wall-clock timeout, capped output; the
// input handed over as a temporary file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/temp_files.h"

namespace fazhi {

struct ToolResult {
  int exit_code = -1;          // the child's exit status; -1 when it did not exit normally
  int spawn_error = 0;         // errno from posix_spawnp (e.g. ENOENT: the tool is not installed)
  bool timed_out = false;      // killed after the timeout
  bool output_capped = false;  // stdout was longer than max_output (the child was killed)
  std::string out, err;
};

// Runs argv[0] (looked up on PATH) with argv, stdin from /dev/null. Kills it with SIGKILL after
// `timeout_seconds` or once stdout exceeds `max_output` bytes. stderr is kept up to 64 KiB.
ToolResult RunTool(const std::vector<std::string>& argv, int timeout_seconds, std::size_t max_output);

// A temporary copy of an input's bytes (under $TMPDIR, else /tmp) for a tool to read; removed on destruction.
// Throws InputError(path, error_code, …) when it cannot be written.
class TempFile {
 public:
  TempFile(const std::string& path, std::string_view bytes, const char* prefix, const char* error_code);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  TempRegistration registration_;  // removed on SIGINT/SIGTERM too (core/temp_files.h)
};

}  // namespace fazhi
