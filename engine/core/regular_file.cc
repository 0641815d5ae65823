// The regular-file guard (see regular_file.h).
#include "core/regular_file.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "core/messages.h"

namespace fazhi {
namespace {

[[noreturn]] void TooLarge(const std::string& path, std::uint64_t size, const char* limit, std::uint64_t max) {
  throw InputProblem(path, "E-too-large.file", {std::to_string(size), limit, std::to_string(max)});
}

}  // namespace

std::uint64_t RequireRegularFile(const std::string& path) {
  // The common case in one stat that also gives the size; anything else through std::filesystem, whose errors (and
  // so the messages) are the ones users have seen.
  if (struct stat st {}; ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode))
    return st.st_size > 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory)  // e.g. a symlink loop
    throw InputProblem(path, "E-unreadable.stat", {ec.message()});
  if (ec || !std::filesystem::exists(status)) throw InputProblem(path, "E-not-found");
  if (std::filesystem::is_directory(status)) throw InputProblem(path, "E-is-directory");
  if (!std::filesystem::is_regular_file(status))
    throw InputProblem(path, "E-not-a-file");
  return 0;  // it became a regular file between the two stats: size unknown, a reader reads to the end
}

std::string ReadRegularFile(const std::string& path, std::uint64_t max_bytes, const char* limit_name) {
  RequireRegularFile(path);
  std::error_code ec;
  std::uint64_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes) TooLarge(path, size, limit_name, max_bytes);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputProblem(path, "E-unreadable.open");
  std::string bytes;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes) TooLarge(path, bytes.size(), limit_name, max_bytes);
  }
  if (in.bad()) throw InputProblem(path, "E-unreadable.read");
  return bytes;
}

}  // namespace fazhi
