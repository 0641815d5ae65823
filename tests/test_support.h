// Test helpers: where the sources, the shared corpus and the built binary are; running the CLI; temp dirs.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace fazhi::test {

std::filesystem::path SourceDir();  // the repository root
std::filesystem::path SharedDir();  // ../shared next to the checkout (or $FAZHI_SHARED)
std::string ReadFile(const std::filesystem::path& p);
// The real reports a test runs over: the bundled sample and every .txt of ../shared/corpus/real, sorted; a shared
// text with the sample's very bytes (the Hongqiao report is both) is taken once.
std::vector<std::filesystem::path> RealReports();
void WriteFile(const std::filesystem::path& p, const std::string& bytes);

struct RunResult {
  int exit_code = -1;
  std::string out, err;
  bool timed_out = false;  // killed after the deadline (RunFazhiCapped)
  double seconds = 0;      // wall time
  long max_rss_kb = 0;     // peak resident memory of the process (getrusage's ru_maxrss)
};
// Runs the built `fazhi` with `args` (no shell), stdin from /dev/null, capturing stdout and stderr.
RunResult RunFazhi(const std::vector<std::string>& args);
// The same with a deadline (a hang is killed and reported, not a stuck test run; 0 = none) and an optional working
// folder.
RunResult RunFazhiCapped(const std::vector<std::string>& args, int timeout_seconds,
                         const std::filesystem::path& cwd = {});

// A PDF of `pages` pages that all show one shared content stream of `lines` text lines of `line_chars` ASCII
// characters each: a small file whose text is pages × lines × line_chars bytes (issue #17, item 16).
std::string SharedContentPdf(int pages, int lines, int line_chars);

// The fields of a CSV text (RFC 4180: quotes, doubled quotes, CRLF records), all records in one list.
std::vector<std::string> CsvFields(const std::string& csv);
// The files inside a zip archive (an XLSX) held in memory, by name; empty when it is not one.
std::map<std::string, std::string> Unzip(const std::string& bytes);

// Debian's python3 (/usr/bin/python3, where scripts/setup installs python3-openpyxl and python3-selenium), not
// another python3 earlier on PATH; "python3" where there is none.
std::string DebianPython();

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
