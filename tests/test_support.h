// Test helpers: where the sources, the shared corpus and the built binary are; running the CLI; temp dirs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace fazhi::test {

std::filesystem::path SourceDir();  // the repository root
std::filesystem::path SharedDir();  // ../shared next to the checkout (or $FAZHI_SHARED)
std::string ReadFile(const std::filesystem::path& p);
void WriteFile(const std::filesystem::path& p, const std::string& bytes);

struct RunResult {
  int exit_code = -1;
  std::string out, err;
  bool timed_out = false;  // killed after the deadline (RunFazhiCapped)
  double seconds = 0;      // wall time
};
// Runs the built `fazhi` with `args` (no shell), stdin from /dev/null, capturing stdout and stderr.
RunResult RunFazhi(const std::vector<std::string>& args);
// The same with a deadline (a hang is killed and reported, not a stuck test run; 0 = none) and an optional working
// folder.
RunResult RunFazhiCapped(const std::vector<std::string>& args, int timeout_seconds,
                         const std::filesystem::path& cwd = {});

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace fazhi::test
