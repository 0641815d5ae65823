// The one output writer (file_writer.h).
#include "output/file_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <streambuf>

#include "core/temp_files.h"

namespace fs = std::filesystem;

namespace fazhi {

namespace {

[[noreturn]] void Fail(const std::string& path, const char* what, int err) {
  throw OutputError(path, "无法写入 " + path + "：" + what + "：" + std::strerror(err) + " (cannot write the output file) [E-output-write]");
}

// Writes all of `bytes` to `fd`; returns 0 or the errno of the failing write.
int WriteAll(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return EIO;
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

// A device or FIFO given as the output: written in place (renaming a file over /dev/full would replace it).
void WriteInPlace(const std::string& path, std::string_view bytes) {
  int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) Fail(path, "打开失败", errno);
  int err = WriteAll(fd, bytes);
  if (close(fd) != 0 && err == 0) err = errno;
  if (err) Fail(path, "写入失败", err);
}

// The umask, read without changing it (umask(2) would, for a moment, for every thread): /proc/self/status.
mode_t ProcessUmask() {
  static const mode_t mask = [] {
    std::FILE* f = std::fopen("/proc/self/status", "re");
    unsigned value = 022;
    if (f) {
      char line[256];
      while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "Umask: %o", &value) == 1) break;
      std::fclose(f);
    }
    return static_cast<mode_t>(value);
  }();
  return mask;
}

// std::cout's buffer once UseCheckedStdout ran, and an output file's while a writer streams into it: 64 KiB, written
// with write(2); the first error is kept and every later write refused (so a full disk is reported once, with its
// reason).
class CheckedFdBuf final : public std::streambuf {
 public:
  explicit CheckedFdBuf(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return Drain() ? 0 : -1; }
  // A piece as large as a quarter of the buffer (a batch report's JSON line is ~190 KB) goes to write(2) as it is,
  // after the bytes buffered before it: the default copied it through the buffer, 64 KiB and one write at a time.
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n < static_cast<std::streamsize>(sizeof buffer_ / 4)) return std::streambuf::xsputn(s, n);
    if (!Drain()) return 0;
    error_ = WriteAll(fd_, std::string_view(s, static_cast<std::size_t>(n)));
    return error_ == 0 ? n : 0;
  }

 private:
  bool Drain() {
    std::size_t n = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_, buffer_ + sizeof buffer_);
    if (error_) return false;
    if (n > 0) error_ = WriteAll(fd_, std::string_view(buffer_, n));
    return error_ == 0;
  }

  int fd_;
  int error_ = 0;
  char buffer_[1 << 16];
};

}  // namespace

std::optional<FileId> FileIdOf(const std::string& path) {
  struct stat st{};
  if (stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileId{static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino)};
}

namespace {

// Writes a regular (or new) file `path` through `fill`, which writes the bytes to the descriptor it is given and
// returns 0 or an errno: under a temporary name in the same folder, then renamed. Whatever `fill` throws removes
// the temporary and goes on up.
void WriteRenamed(const std::string& path, const std::function<int(int fd)>& fill) {
  fs::path target(path);
  fs::path dir = target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".fazhi-XXXXXX")).string();
  TempRegistration registration;
  int fd;
  {
    TempWorkGuard busy;  // an interrupt between mkostemp and the registration waits for it
    fd = mkostemp(tmpl.data(), O_CLOEXEC);
    if (fd < 0) Fail(path, "无法在该文件夹中创建临时文件", errno);
    registration.Reset(tmpl);
  }
  StopIfInterrupted(tmpl.c_str());  // made while an interrupt was being handled: never left behind
  int err;
  try {
    err = fill(fd);
  } catch (...) {
    close(fd);
    unlink(tmpl.c_str());
    throw;
  }
  // The final file gets the permissions a new file would (mkstemp makes 0600): 0666 less the umask.
  if (err == 0 && fchmod(fd, 0666 & ~ProcessUmask()) != 0) err = errno;
  if (close(fd) != 0 && err == 0) err = errno;
  if (err == 0) StopIfInterrupted(tmpl.c_str());  // the bytes may come from a temporary the handler removed
  if (err == 0 && rename(tmpl.c_str(), path.c_str()) != 0) err = errno;
  if (err) {
    unlink(tmpl.c_str());
    Fail(path, "写入失败", err);
  }
}

// True when `path` exists and is not a regular file (a device, a FIFO): written in place. Throws for a folder.
bool WritesInPlace(const std::string& path) {
  struct stat st{};
  if (stat(path.c_str(), &st) != 0) return false;
  if (S_ISDIR(st.st_mode)) Fail(path, "这是一个文件夹", EISDIR);
  return !S_ISREG(st.st_mode);
}

}  // namespace

void WriteOutputFile(const std::string& path, std::string_view bytes) {
  if (WritesInPlace(path)) return WriteInPlace(path, bytes);
  WriteRenamed(path, [&](int fd) { return WriteAll(fd, bytes); });
}

void WriteOutputFile(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (WritesInPlace(path)) {  // kept whole in memory: a writer that throws leaves a device or pipe untouched
    std::ostringstream out;
    write(out);
    return WriteInPlace(path, std::move(out).str());
  }
  // Straight into the temporary file through a 64 KiB buffer: a batch's matrix.csv of 20,000 inputs is ~40 MB,
  // which a memory stream held whole (and twice while growing) before it was written.
  WriteRenamed(path, [&](int fd) {
    auto buf = std::make_unique<CheckedFdBuf>(fd);
    std::ostream out(buf.get());
    write(out);
    out.flush();
    if (buf->error()) return buf->error();
    return out ? 0 : EIO;
  });
}

namespace {

CheckedFdBuf* g_stdout_buf = nullptr;

}  // namespace

void UseCheckedStdout() {
  // Never destroyed: std::cout is flushed by the library after static objects are gone (ios_base::Init's
  // destructor), so the buffer must outlive them.
  static CheckedFdBuf* const buf = new CheckedFdBuf(STDOUT_FILENO);
  g_stdout_buf = buf;
  std::cout.rdbuf(buf);
}

std::string FlushStdout() {
  errno = 0;
  std::cout.flush();
  int err = g_stdout_buf ? g_stdout_buf->error() : errno;
  bool failed = !std::cout || err != 0;
  if (std::fflush(stdout) != 0) {
    failed = true;
    if (!err) err = errno;
  }
  if (std::ferror(stdout)) failed = true;
  if (!failed) return "";
  return err ? std::strerror(err) : "write error";
}

}  // namespace fazhi
