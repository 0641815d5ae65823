// A batch's output folder: lock and manifest (run_folder.h).
#include "output/run_folder.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "output/file_writer.h"

namespace fs = std::filesystem;

namespace fazhi {

namespace {

constexpr const char* kHeader = "# fazhi 批量核查输出清单：下一次写入本文件夹时，先删除这里列出的文件 (fazhi batch manifest v1)";

// A manifest entry that may be removed: relative, no "..", no empty or "." part.
bool SafeRelative(const std::string& rel) {
  if (rel.empty() || rel[0] == '/') return false;
  for (const auto& part : fs::path(rel)) {
    std::string p = part.string();
    if (p.empty() || p == "." || p == "..") return false;
  }
  return true;
}

void WriteManifest(const std::string& dir, const char* status, const std::vector<std::string>& files) {
  std::string text = std::string(kHeader) + "\nstatus: " + status + "\n";
  for (const auto& f : files) text += "file: " + f + "\n";
  WriteOutputFile((fs::path(dir) / RunFolder::kManifest).string(), text);
}

}  // namespace

std::vector<std::string> ReadManifest(const std::string& dir) {
  std::vector<std::string> files;
  std::ifstream in(fs::path(dir) / RunFolder::kManifest, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line) || line != kHeader) return files;
  while (std::getline(in, line))
    if (line.rfind("file: ", 0) == 0) files.push_back(line.substr(6));
  return files;
}

RunFolder::RunFolder(std::string dir) : dir_(std::move(dir)) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) throw OutputError(dir_, "无法创建输出文件夹 " + dir_ + "：" + ec.message() + " (cannot create the folder) [E-output-write]");
  std::string lock = (fs::path(dir_) / kLock).string();
  lock_fd_ = open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (lock_fd_ < 0)
    throw OutputError(dir_, "无法在输出文件夹中创建锁文件 " + lock + "：" + std::strerror(errno) +
                                " (cannot create the lock file) [E-output-write]");
  if (flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    close(lock_fd_);
    lock_fd_ = -1;
    if (err == EWOULDBLOCK)
      throw OutputError(dir_, "另一个 fazhi 正在向 " + dir_ + " 写入批量核查结果（锁文件 " + lock +
                                  "），请等它结束或换一个输出文件夹 (another run is writing into this folder) "
                                  "[E-output-locked]");
    throw OutputError(dir_, "无法锁定 " + lock + "：" + std::strerror(err) + " [E-output-write]");
  }
}

RunFolder::~RunFolder() {
  if (lock_fd_ >= 0) close(lock_fd_);  // closing releases the flock
}

std::size_t RunFolder::Begin(const std::vector<std::string>& planned) {
  std::size_t removed = 0;
  const fs::path root(dir_);
  std::set<fs::path> parents;
  for (const auto& rel : ReadManifest(dir_)) {
    if (!SafeRelative(rel)) continue;
    fs::path p = root / rel;
    struct stat st{};
    if (lstat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;  // only regular files, never through a link
    if (unlink(p.c_str()) == 0) {
      ++removed;
      parents.insert(p.parent_path());
    }
  }
  // Folders the earlier run made and that are empty now (rmdir removes nothing else).
  for (auto it = parents.rbegin(); it != parents.rend(); ++it)
    for (fs::path d = *it; d != root && d.string().size() > root.string().size(); d = d.parent_path())
      if (rmdir(d.c_str()) != 0) break;
  WriteManifest(dir_, "running", planned);
  return removed;
}

void RunFolder::Finish(const std::vector<std::string>& written) { WriteManifest(dir_, "complete", written); }

}  // namespace fazhi
