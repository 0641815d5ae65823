// The regular-file guard (see regular_file.h).
#include "core/regular_file.h"

#include <filesystem>
#include <fstream>

#include "core/error.h"

namespace fazhi {
namespace {

[[noreturn]] void TooLarge(const std::string& path, std::uint64_t size, const char* limit, std::uint64_t max) {
  throw InputError(path, "E-too-large",
                   "文件有 " + std::to_string(size) + " 字节，超过限制 " + limit + "（" + std::to_string(max) +
                       " 字节）(the file is " + std::to_string(size) + " bytes, over the limit " + limit + ")");
}

}  // namespace

void RequireRegularFile(const std::string& path) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory)  // e.g. a symlink loop
    throw InputError(path, "E-unreadable", "无法读取文件 (cannot read the file: " + ec.message() + ")");
  if (ec || !std::filesystem::exists(status)) throw InputError(path, "E-not-found", "文件不存在 (no such file)");
  if (std::filesystem::is_directory(status)) throw InputError(path, "E-is-directory", "这是文件夹，不是文件 (is a directory, not a file)");
  if (!std::filesystem::is_regular_file(status))
    throw InputError(path, "E-not-a-file", "不是普通文件（是管道、套接字或设备），请先存为文件 (is not a regular file: a FIFO, socket or device)");
}

std::string ReadRegularFile(const std::string& path, std::uint64_t max_bytes, const char* limit_name) {
  RequireRegularFile(path);
  std::error_code ec;
  std::uint64_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes) TooLarge(path, size, limit_name, max_bytes);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "E-unreadable", "无法打开文件 (cannot open the file)");
  std::string bytes;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes) TooLarge(path, bytes.size(), limit_name, max_bytes);
  }
  if (in.bad()) throw InputError(path, "E-unreadable", "读取文件时出错 (error while reading the file)");
  return bytes;
}

}  // namespace fazhi
