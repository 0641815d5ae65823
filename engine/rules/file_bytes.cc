// Whole-file reads for the rule loader and the parse cache (see file_bytes.h).
#include "rules/file_bytes.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace fazhi {

FileBytes ReadFileBytes(const std::string& path, std::uint64_t max_bytes, std::string& out) {
  // `out` keeps its old bytes until the read (cleared on every other way out): growing it from empty for each file
  // zero-filled every byte before read() wrote it (1.0 M of a warm load's instructions as valgrind counts them).
  // O_NONBLOCK: a FIFO must not block the open; it is refused by the fstat below without being read.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    out.clear();
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return FileBytes::kNotAFile;
    return static_cast<std::uint64_t>(st.st_size) > max_bytes ? FileBytes::kTooLarge : FileBytes::kNoAccess;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    out.clear();
    return FileBytes::kNotAFile;
  }
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > max_bytes) {
    ::close(fd);
    out.clear();
    return FileBytes::kTooLarge;
  }
  // Exactly the size fstat gave, read in as few calls as the kernel allows; no extra call to see the end. Only a
  // buffer smaller than the file grows (and zero-fills its new tail); the bytes read overwrite the rest.
  if (out.size() < size) out.resize(static_cast<std::size_t>(size));
  const auto want = static_cast<std::size_t>(size);
  std::size_t done = 0;
  while (done < want) {
    const ssize_t n = ::read(fd, out.data() + done, want - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      out.clear();
      return FileBytes::kNoAccess;
    }
    if (n == 0) break;  // shrank since the fstat: what is there
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  ::close(fd);
  return FileBytes::kRead;
}

}  // namespace fazhi
