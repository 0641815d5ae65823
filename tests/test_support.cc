// Test helpers (see test_support.h).
#include "test_support.h"

#include <zip.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <thread>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace fazhi::test {

std::filesystem::path SourceDir() { return FAZHI_SOURCE_DIR; }

std::filesystem::path SharedDir() {
  if (const char* env = std::getenv("FAZHI_SHARED")) return env;
  return std::filesystem::weakly_canonical(SourceDir() / ".." / "shared");
}

std::vector<std::filesystem::path> RealReports() {
  const std::filesystem::path sample = SourceDir() / "reports" / "samples" / "hongqiao-2020.txt";
  const std::string sample_bytes = ReadFile(sample);
  std::vector<std::filesystem::path> inputs = {sample};
  for (const auto& e : std::filesystem::directory_iterator(SharedDir() / "corpus" / "real"))
    if (e.path().extension() == ".txt" && ReadFile(e.path()) != sample_bytes) inputs.push_back(e.path());
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::filesystem::path& p, const std::string& bytes) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

namespace {
std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

RunResult RunFazhi(const std::vector<std::string>& args) { return RunFazhiCapped(args, 0); }

RunResult RunFazhiCapped(const std::vector<std::string>& args, int timeout_seconds, const std::filesystem::path& cwd) {
  TempDir tmp;
  auto out_path = tmp.path() / "out", err_path = tmp.path() / "err";
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> argv_s = {FAZHI_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  if (!cwd.empty()) {  // posix_spawn has no chdir before glibc 2.29's _np; go through /bin/sh -c 'cd … && exec …'
    std::string cmd = "cd '" + cwd.string() + "' && exec";
    for (const auto& a : argv_s) cmd += " '" + a + "'";
    argv_s = {"/bin/sh", "-c", cmd};
  }
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid;
  RunResult r;
  auto start = std::chrono::steady_clock::now();
  if (posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) != 0) {
    posix_spawn_file_actions_destroy(&fa);
    throw std::runtime_error("cannot start " + argv_s[0]);
  }
  posix_spawn_file_actions_destroy(&fa);
  int status = 0;
  rusage usage{};
  if (timeout_seconds <= 0) {
    wait4(pid, &status, 0, &usage);
  } else {
    for (;;) {
      if (wait4(pid, &status, WNOHANG, &usage) == pid) break;
      if (std::chrono::steady_clock::now() - start > std::chrono::seconds(timeout_seconds)) {
        kill(pid, SIGKILL);
        wait4(pid, &status, 0, &usage);
        r.timed_out = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.max_rss_kb = usage.ru_maxrss;
  r.out = Slurp(out_path);
  r.err = Slurp(err_path);
  return r;
}

std::vector<std::string> CsvFields(const std::string& csv) {
  std::vector<std::string> fields;
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') cur += c, ++i;
      else if (c == '"') quoted = false;
      else cur += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',' || c == '\n') {
      fields.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  if (!cur.empty()) fields.push_back(cur);
  return fields;
}

std::string SharedContentPdf(int pages, int lines, int line_chars) {
  std::string word;
  while (static_cast<int>(word.size()) < line_chars) word += "law ";
  std::string content;
  for (int i = 0; i < lines; ++i)
    content += "BT /F1 1 Tf 5 " + std::to_string(845 - (i * 8) % 840) + " Td (" + word + ") Tj ET\n";
  std::map<int, std::string> objs;
  objs[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(10 + i) + " 0 R ";
  objs[2] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>";
  objs[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  objs[4] = "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream";
  for (int i = 0; i < pages; ++i)
    objs[10 + i] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 850] /Resources << /Font << /F1 3 0 R >> >> "
                   "/Contents 4 0 R >>";
  std::string pdf = "%PDF-1.4\n";
  std::map<int, std::size_t> offsets;
  for (const auto& [id, body] : objs) {
    offsets[id] = pdf.size();
    pdf += std::to_string(id) + " 0 obj\n" + body + "\nendobj\n";
  }
  std::size_t xref = pdf.size();
  int size = objs.rbegin()->first + 1;
  pdf += "xref\n0 " + std::to_string(size) + "\n0000000000 65535 f \n";
  char entry[32];
  for (int id = 1; id < size; ++id) {
    if (offsets.count(id))
      std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offsets[id]);
    else
      std::snprintf(entry, sizeof entry, "0000000000 65535 f \n");
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(size) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) +
         "\n%%EOF\n";
  return pdf;
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("fazhi-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace fazhi::test

namespace fazhi::test {

std::map<std::string, std::string> Unzip(const std::string& bytes) {
  std::map<std::string, std::string> files;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) return files;
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!za) {
    zip_source_free(src);
    return files;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(za, i, 0, &st);
    zip_file_t* f = zip_fopen_index(za, i, 0);
    if (!f) continue;
    std::string data(st.size, '\0');
    zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    files[st.name] = std::move(data);
  }
  zip_close(za);
  return files;
}

std::string DebianPython() {
  return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

}  // namespace fazhi::test
