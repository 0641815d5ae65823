// Every file fazhi writes (a report, a batch's reports and summary files, a diff, a ledger-import pack) goes through
// here: written whole under a temporary name in the same folder, every write and the close checked, then renamed
// over the final name — so a final name never holds a half-written file, and a full disk is an error that names
// the file, never a truncated output with exit 0.
#pragma once

#include <compare>
#include <functional>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace fazhi {

// A file that could not be written: `path` and the system's reason (strerror) in the message. The CLI prints it
// as one line and exits 2 (docs/cli.md).
class OutputError : public std::runtime_error {
 public:
  OutputError(std::string path, const std::string& message) : std::runtime_error(message), path_(std::move(path)) {}
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Writes `bytes` to `path`. A regular file (or a new one) is written to ".<name>.fazhi-XXXXXX" next to it (hidden,
// registered for removal on SIGINT/SIGTERM: core/temp_files.h), then renamed; a device or FIFO that exists
// (/dev/full, /dev/stdout, a pipe) is written in place. Throws OutputError; no temporary is left behind.
void WriteOutputFile(const std::string& path, std::string_view bytes);
// The same with the bytes `write` puts into the stream it is given (a renderer, a summary writer): written to the
// temporary file as they come (64 KiB at a time, memory flat in the file's size) — in memory first only for a device
// or FIFO, so that a writer that throws leaves it untouched. A throwing writer leaves no file behind either way.
void WriteOutputFile(const std::string& path, const std::function<void(std::ostream&)>& write);

// What makes two paths the same file or folder (device and inode, symlinks followed): an output is compared with
// the inputs by it, and the input walker takes a file reached twice once.
struct FileId {
  unsigned long long dev = 0, ino = 0;
  auto operator<=>(const FileId&) const = default;
};
// nullopt when `path` does not exist or cannot be reached.
std::optional<FileId> FileIdOf(const std::string& path);

// Puts std::cout on a buffer that writes to file descriptor 1 with write(2) and keeps the errno of the first
// failed write (the C library's stdout forgets it). Call once, first thing in main.
void UseCheckedStdout();
// Flushes stdout (std::cout and C stdio) and checks that every write to it succeeded. Returns "" or the reason
// ("No space left on device"), for `> /dev/full` or a closed pipe.
std::string FlushStdout();

}  // namespace fazhi
