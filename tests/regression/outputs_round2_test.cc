// Regression tests for issue #17 items 5-10 and issue #15 item 1 (docs/reliability.md, "第二轮"): inputs are never
// outputs, every write is checked (files and stdout), batch outputs are atomic with a manifest and a lock, SIGINT
// leaves no temporary, `-o FILE` takes the format from its extension, and the input walker reports every entry it
// cannot read instead of skipping it (dangling and looping symlinks, unreadable folders, deep trees, few fds).
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "ingest/subprocess.h"
#include "output/file_writer.h"
#include "output/run_folder.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace fazhi::test {
namespace {

std::string Sample() { return ReadFile(SourceDir() / "reports" / "samples" / "hongqiao-2020.txt"); }

// Every entry under `dir` (files, links, folders), relative, sorted; hidden ones included.
std::set<std::string> Tree(const fs::path& dir) {
  std::set<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    out.insert(fs::relative(it->path(), dir).generic_string());
  return out;
}

bool HasTemporary(const fs::path& dir) {
  for (const auto& e : Tree(dir))
    if (e.find(".fazhi-") != std::string::npos && e.find(".fazhi-manifest") == std::string::npos) return true;
  return false;
}

// The summary.csv rows as {file → {status, reason}}.
// summary.csv's rows by file: (状态代码, 原因). The 文件 column names a file relative to the inputs' folder, so a
// lookup by an absolute path takes the row whose file ends that path.
struct Summary {
  std::map<std::string, std::pair<std::string, std::string>> rows;
  std::size_t size() const { return rows.size(); }
  std::pair<std::string, std::string> operator[](const std::string& path) const {
    for (const auto& [file, row] : rows)
      if (path == file || (path.size() > file.size() && path.compare(path.size() - file.size(), file.size(), file) == 0 &&
                           path[path.size() - file.size() - 1] == '/'))
        return row;
    return {};
  }
  auto begin() const { return rows.begin(); }
  auto end() const { return rows.end(); }
};

Summary SummaryRows(const fs::path& csv) {
  Summary out;
  std::string text = ReadFile(csv);
  std::stringstream in(text);
  std::string line;
  std::getline(in, line);  // header: 排名,发布主体,文件,状态,状态代码,原因,…
  const auto header = CsvFields(line + "\n");
  const auto col = [&](const char* name) {
    const auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<std::size_t>(it - header.begin());
  };
  const std::size_t file = col("文件"), code = col("状态代码"), reason = col("原因");
  while (std::getline(in, line)) {
    auto f = CsvFields(line + "\n");
    if (f.size() > std::max({file, code, reason})) out.rows[f[file]] = {f[code], f[reason]};
  }
  return out;
}

// `fazhi ARGS` run by /bin/sh after `ulimit -n fds` (a process limit on open files).
ToolResult RunWithFdLimit(int fds, const std::vector<std::string>& args) {
  std::string cmd = "ulimit -n " + std::to_string(fds) + " && exec '" + std::string(FAZHI_BINARY) + "'";
  for (const auto& a : args) cmd += " '" + a + "'";
  return RunTool({"sh", "-c", cmd}, 120, 64u << 20);
}

}  // namespace

TEST_CASE("an output equal to an input is refused with exit 2 and the input is untouched", "[regression][outputs]") {
  TempDir tmp;
  const fs::path in = tmp.path() / "报告.txt";
  WriteFile(in, Sample());
  // `-o .` with -f text names ./报告.txt (the stem plus the text renderer's .txt): the input itself.
  auto r = RunFazhiCapped({"check", "报告.txt", "-f", "text", "-o", "."}, 60, tmp.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("就是输入文件"));
  CHECK(ReadFile(in) == Sample());
  // -o naming the input file, through another spelling and through a hard link: compared by device and inode.
  fs::create_hard_link(in, tmp.path() / "link.txt");
  for (const std::string& out :
       std::vector<std::string>{"./报告.txt", "link.txt", (tmp.path() / "sub" / ".." / "报告.txt").string()}) {
    INFO(out);
    fs::create_directories(tmp.path() / "sub");
    r = RunFazhiCapped({"check", "报告.txt", "-o", out}, 60, tmp.path());
    CHECK(r.exit_code == 2);
    CHECK(ReadFile(in) == Sample());
  }
  // A batch whose -o is its input folder is refused; one inside the input folder is left out of the walk.
  fs::create_directories(tmp.path() / "in");
  WriteFile(tmp.path() / "in" / "a.txt", Sample());
  WriteFile(tmp.path() / "in" / "b.txt", Sample());
  r = RunFazhi({"check", "-q", (tmp.path() / "in").string(), "-o", (tmp.path() / "in" / ".").string()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("就是输入文件夹"));
  for (int run = 0; run < 2; ++run) {  // the second run must not read the first run's index.html or reports
    r = RunFazhi({"check", "-q", "-f", "html", (tmp.path() / "in").string(), "-o", (tmp.path() / "in" / "out").string()});
    CHECK(r.exit_code == 0);
    auto rows = SummaryRows(tmp.path() / "in" / "out" / "summary.csv");
    CHECK(rows.size() == 2);
  }
}

TEST_CASE("write errors name the file and exit 2: -o /dev/full, > /dev/full", "[regression][outputs]") {
  if (!fs::exists("/dev/full")) return;  // only where the device exists
  TempDir tmp;
  WriteFile(tmp.path() / "r.txt", Sample());
  auto r = RunFazhi({"check", (tmp.path() / "r.txt").string(), "-f", "json", "-o", "/dev/full"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("/dev/full") && Catch::Contains("No space left on device") &&
                        Catch::Contains("E-output-write"));
  CHECK(fs::is_character_file("/dev/full"));  // written in place, never replaced by a file
  // stdout: the shell's `> /dev/full`.
  ToolResult s = RunTool({"sh", "-c", "exec '" + std::string(FAZHI_BINARY) + "' check -f json '" +
                                          (tmp.path() / "r.txt").string() + "' > /dev/full"},
                         60, 1 << 20);
  CHECK(s.exit_code == 2);
  CHECK_THAT(s.err, Catch::Contains("标准输出") && Catch::Contains("No space left on device"));
  // A folder that cannot take the file: the message names it, nothing is left behind.
  fs::create_directories(tmp.path() / "out");
  CHECK_THROWS_AS(WriteOutputFile((tmp.path() / "out").string(), std::string_view("x")), OutputError);
  CHECK_THROWS_AS(WriteOutputFile((tmp.path() / "no-such-folder" / "x.json").string(), std::string_view("x")),
                  OutputError);
  CHECK_FALSE(HasTemporary(tmp.path()));
}

TEST_CASE("the output writer replaces a file whole and leaves no temporary", "[regression][outputs]") {
  TempDir tmp;
  const fs::path f = tmp.path() / "report.json";
  WriteOutputFile(f.string(), std::string_view("old contents, longer than the new ones"));
  WriteOutputFile(f.string(), [](std::ostream& out) { out << "new"; });
  CHECK(ReadFile(f) == "new");
  CHECK(Tree(tmp.path()) == std::set<std::string>{"report.json"});
  struct stat st{};
  REQUIRE(stat(f.c_str(), &st) == 0);
  CHECK((st.st_mode & 0044) != 0);  // not mkstemp's 0600: a report others may read as any new file
}

TEST_CASE("a streamed output is written through a small buffer: whole, or not at all", "[regression][outputs]") {
  TempDir tmp;
  const fs::path f = tmp.path() / "matrix.csv";
  // Several times the 64 KiB buffer, with a line that straddles each boundary: the file holds every byte in order.
  std::string expect;
  for (int i = 0; i < 40000; ++i) expect += "第" + std::to_string(i) + "行,符合,部分符合\n";
  REQUIRE(expect.size() > 10 * 65536);
  WriteOutputFile(f.string(), [&](std::ostream& out) {
    for (std::size_t at = 0; at < expect.size(); at += 1000) out << expect.substr(at, 1000);
  });
  CHECK(ReadFile(f) == expect);
  // A writer that throws after a megabyte: the old file stays as it was and no temporary is left.
  CHECK_THROWS_AS(WriteOutputFile(f.string(),
                                  [&](std::ostream& out) {
                                    out << expect;
                                    throw std::runtime_error("writer failed");
                                  }),
                  std::runtime_error);
  CHECK(ReadFile(f) == expect);
  CHECK(Tree(tmp.path()) == std::set<std::string>{"matrix.csv"});
  // A device is written in place, after the writer finished (a full one is an OutputError naming it).
  if (fs::exists("/dev/full"))
    CHECK_THROWS_AS(WriteOutputFile("/dev/full", [&](std::ostream& out) { out << expect; }), OutputError);
}

TEST_CASE("output: -o FILE takes the format from its extension; a conflict or an unknown extension is exit 2",
          "[regression][outputs]") {
  TempDir tmp;
  const std::string in = (tmp.path() / "r.txt").string();
  WriteFile(in, Sample());
  // .xlsx without --format is a real workbook: a ZIP whose XML parts parse.
  auto r = RunFazhi({"check", in, "-o", (tmp.path() / "结果.xlsx").string()});
  CHECK(r.exit_code == 0);
  int err = 0;
  zip_t* z = zip_open((tmp.path() / "结果.xlsx").c_str(), ZIP_RDONLY, &err);
  REQUIRE(z);
  int xml_parts = 0;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    std::string name = zip_get_name(z, i, 0);
    if (name.size() < 4 || (name.substr(name.size() - 4) != ".xml" && name.substr(name.size() - 5) != ".rels"))
      continue;
    zip_stat_t st;
    REQUIRE(zip_stat_index(z, i, 0, &st) == 0);
    std::string bytes(st.size, '\0');
    zip_file_t* zf = zip_fopen_index(z, i, 0);
    REQUIRE(zf);
    CHECK(zip_fread(zf, bytes.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(zf);
    pugi::xml_document doc;
    INFO(name);
    CHECK(doc.load_buffer(bytes.data(), bytes.size()));
    ++xml_parts;
  }
  zip_close(z);
  CHECK(xml_parts >= 5);
  // .html / .md / .json / .jsonl / .csv / .txt: the renderer of that extension.
  r = RunFazhi({"check", in, "-o", (tmp.path() / "r.json").string()});
  CHECK(r.exit_code == 0);
  CHECK(ReadFile(tmp.path() / "r.json").rfind("{", 0) == 0);
  r = RunFazhi({"check", in, "-o", (tmp.path() / "r.html").string()});
  CHECK(ReadFile(tmp.path() / "r.html").find("<html") != std::string::npos);
  // Unknown extension, and a --format that disagrees: usage errors naming both, nothing written.
  r = RunFazhi({"check", in, "-o", (tmp.path() / "x.pdf").string()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("x.pdf") && Catch::Contains(".pdf") && Catch::Contains(".xlsx"));
  r = RunFazhi({"check", in, "-f", "html", "-o", (tmp.path() / "y.json").string()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("y.json") && Catch::Contains("html") && Catch::Contains("json"));
  CHECK_FALSE(fs::exists(tmp.path() / "x.pdf"));
  CHECK_FALSE(fs::exists(tmp.path() / "y.json"));
}

TEST_CASE("a batch folder is replaced whole by the next run, only manifest files removed, and locked",
          "[regression][outputs][batch]") {
  TempDir tmp;
  const fs::path in = tmp.path() / "in", out = tmp.path() / "out";
  WriteFile(in / "a" / "one.txt", Sample());
  WriteFile(in / "b" / "two.txt", Sample());
  auto r = RunFazhi({"check", "-q", "-f", "json", in.string(), "-o", out.string()});
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(out / "reports" / "a" / "one.txt.json"));
  CHECK(fs::exists(out / "reports" / "b" / "two.txt.json"));
  auto manifest = ReadManifest(out.string());
  CHECK(std::set<std::string>(manifest.begin(), manifest.end()) ==
        std::set<std::string>{"reports/a/one.txt.json", "reports/b/two.txt.json", "summary.csv", "matrix.csv",
                              "summary.xlsx", "index.html"});
  // The auditor's own file in the folder, and a manifest line that tries to leave it: both left alone.
  WriteFile(out / "我的笔记.txt", "keep");
  WriteFile(tmp.path() / "outside.txt", "keep");
  WriteFile(out / RunFolder::kManifest, ReadFile(out / RunFolder::kManifest) + "file: ../outside.txt\n");
  fs::remove_all(in / "b");
  r = RunFazhi({"check", "-q", "-f", "md", in.string(), "-o", out.string()});
  REQUIRE(r.exit_code == 0);
  // Only this run's outputs and the untouched files remain (two.txt's report and the old .json are stale).
  std::set<std::string> files;
  for (const auto& e : Tree(out))
    if (fs::is_regular_file(out / e)) files.insert(e);
  CHECK(files == std::set<std::string>{".fazhi-manifest", ".fazhi.lock", "index.html", "matrix.csv",
                                       "reports/one.txt.md", "summary.csv", "summary.xlsx", "我的笔记.txt"});
  CHECK(ReadFile(tmp.path() / "outside.txt") == "keep");
  // A second run while the folder is locked is refused with a clear message.
  int fd = open((out / RunFolder::kLock).c_str(), O_RDWR);
  REQUIRE(fd >= 0);
  REQUIRE(flock(fd, LOCK_EX | LOCK_NB) == 0);
  r = RunFazhi({"check", "-q", in.string(), "-o", out.string()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("E-output-locked") && Catch::Contains(out.string()));
  close(fd);
}

TEST_CASE("SIGINT during a batch leaves no temporary and no half-written file", "[regression][outputs][batch]") {
  TempDir tmp;
  const fs::path in = tmp.path() / "in", out = tmp.path() / "out";
  for (int i = 0; i < 60; ++i) WriteFile(in / ("r" + std::to_string(i) + ".txt"), Sample());
  // The child's own temporary folder: whatever fazhi puts under $TMPDIR (workbooks being built, copies for
  // pdftotext/antiword) must be gone after the signal.
  const fs::path private_tmp = tmp.path() / "tmpdir";
  fs::create_directories(private_tmp);
  std::vector<std::string> env_strings = {"TMPDIR=" + private_tmp.string()};
  for (char** e = environ; *e; ++e)
    if (std::string(*e).rfind("TMPDIR=", 0) != 0) env_strings.push_back(*e);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  // Several interrupts at different moments of the run (the writes of xlsx, html and json outputs).
  for (int delay_ms : {300, 700, 1200}) {
    INFO(delay_ms << " ms");
    std::vector<std::string> args = {FAZHI_BINARY, "check", "-q", "-j", "2", "-f", "xlsx", "-f", "html", "-f", "json",
                                     in.string(), "-o", out.string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), envp.data()) == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGINT);
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(((WIFSIGNALED(status) && WTERMSIG(status) == SIGINT) || (WIFEXITED(status) && WEXITSTATUS(status) == 0)));
    CHECK_FALSE(HasTemporary(out));
    for (const auto& e : Tree(out)) {
      INFO(e);
      if (fs::is_regular_file(out / e) && e != ".fazhi.lock") CHECK(fs::file_size(out / e) > 0);
    }
    const auto left = Tree(private_tmp);
    for (const auto& e : left) UNSCOPED_INFO("left in TMPDIR: " << e);
    CHECK(left.empty());
  }
  // The next run cleans up whatever the interrupted ones wrote.
  auto r = RunFazhi({"check", "-q", "--summary-only", in.string(), "-o", out.string()});
  CHECK(r.exit_code == 0);
  CHECK_FALSE(fs::exists(out / "reports" / "r0.txt.json"));
}

TEST_CASE("the walker lists every entry it cannot read and takes the same file once", "[regression][batch]") {
  TempDir tmp;
  const fs::path in = tmp.path() / "in", out = tmp.path() / "out";
  WriteFile(in / "a" / "one.txt", Sample());
  fs::create_hard_link(in / "a" / "one.txt", in / "hard.txt");
  fs::create_directory_symlink("a", in / "link-to-a");
  fs::create_symlink("nowhere.txt", in / "dangling.txt");
  fs::create_symlink("loop-b.txt", in / "loop-a.txt");
  fs::create_symlink("loop-a.txt", in / "loop-b.txt");
  fs::create_directory_symlink("..", in / "a" / "up");  // a folder loop through a symlink
  auto r = RunFazhiCapped({"check", "-f", "json", in.string(), "-o", out.string()}, 60);
  REQUIRE_FALSE(r.timed_out);
  CHECK(r.exit_code == 2);
  auto rows = SummaryRows(out / "summary.csv");
  INFO(r.err);
  CHECK(rows.size() == 4);  // one.txt once (not hard.txt, not link-to-a/one.txt), three error rows
  CHECK(rows[(in / "a" / "one.txt").generic_string()].first == "checked");
  CHECK(rows[(in / "dangling.txt").generic_string()].first == "error");
  CHECK_THAT(rows[(in / "dangling.txt").generic_string()].second, Catch::Contains("符号链接"));
  CHECK(rows[(in / "loop-a.txt").generic_string()].first == "error");
  CHECK_THAT(r.err, Catch::Contains("只核查一次"));  // the hard link, noted
  // A folder given as the argument that cannot be read is an error row, not "no report files" (root reads any
  // folder, so the part with permissions runs only for other users).
  fs::create_directories(tmp.path() / "locked");
  WriteFile(tmp.path() / "locked" / "r.txt", Sample());
  fs::permissions(tmp.path() / "locked", fs::perms::none);
  if (access((tmp.path() / "locked").c_str(), R_OK) != 0) {
    r = RunFazhi({"check", "-f", "json", (tmp.path() / "locked").string()});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("无法读取文件夹"));
    CHECK(r.err.find("no report files") == std::string::npos);
    WriteFile(in / "ok.txt", Sample());
    fs::create_directories(in / "secret");
    WriteFile(in / "secret" / "s.txt", Sample());
    fs::permissions(in / "secret", fs::perms::none);
    r = RunFazhi({"check", "-q", in.string(), "-o", out.string()});
    CHECK(r.exit_code == 2);
    CHECK(SummaryRows(out / "summary.csv")[(in / "secret").generic_string()].first == "error");
    fs::permissions(in / "secret", fs::perms::owner_all);
  } else {
    WARN("running as root: the unreadable-folder part is skipped (root reads any folder)");
  }
  fs::permissions(tmp.path() / "locked", fs::perms::owner_all);
}

TEST_CASE("a tree deeper than a path can name and a low open-file limit do not stop the batch",
          "[regression][batch]") {
  TempDir tmp;
  const fs::path in = tmp.path() / "in";
  WriteFile(in / "top.txt", Sample());
  // 1,500 nested folders of 3-character names (a path of 6,000 bytes, over PATH_MAX), made with mkdirat so no path
  // is ever longer than one name; a report at the bottom and one half-way.
  int fd = open(in.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(fd >= 0);
  const int kDepth = 1500;
  for (int i = 0; i < kDepth; ++i) {
    REQUIRE(mkdirat(fd, "ddd", 0755) == 0);
    int next = openat(fd, "ddd", O_RDONLY | O_DIRECTORY);
    close(fd);
    REQUIRE(next >= 0);
    fd = next;
    if (i == 20) {
      int f = openat(fd, "mid.txt", O_WRONLY | O_CREAT, 0644);
      std::string s = Sample();
      REQUIRE(write(f, s.data(), s.size()) == static_cast<ssize_t>(s.size()));
      close(f);
    }
  }
  close(fd);
  const fs::path out = tmp.path() / "out";
  // Under `ulimit -n 64`: the walk holds one folder open at a time.
  ToolResult r = RunWithFdLimit(64, {"check", "-q", "-j", "1", "-f", "json", in.string(), "-o", out.string()});
  INFO(r.err);
  CHECK(r.exit_code == 2);  // the too-deep part is an error row
  auto rows = SummaryRows(out / "summary.csv");
  CHECK(rows[(in / "top.txt").generic_string()].first == "checked");
  std::string mid = in.generic_string();
  for (int i = 0; i <= 20; ++i) mid += "/ddd";
  CHECK(rows[mid + "/mid.txt"].first == "checked");
  bool deep_error = false;
  for (const auto& [path, row] : rows)
    if (row.first == "error" && row.second.find("File name too long") != std::string::npos) deep_error = true;
  CHECK(deep_error);
  // Cleanup: the nested folders cannot be removed by path (too long); unwind them with unlinkat.
  std::vector<int> fds{open(in.c_str(), O_RDONLY | O_DIRECTORY)};
  for (int i = 0; i < kDepth; ++i) fds.push_back(openat(fds.back(), "ddd", O_RDONLY | O_DIRECTORY));
  close(fds.back());
  fds.pop_back();
  for (int i = kDepth - 1; i >= 0; --i) {
    if (i == 20) unlinkat(fds.back(), "ddd/mid.txt", 0);
    unlinkat(fds.back(), "ddd", AT_REMOVEDIR);
    close(fds.back());
    fds.pop_back();
  }
}

}  // namespace fazhi::test
