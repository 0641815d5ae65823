// Reader dispatch (initial version: UTF-8 text only; the full registry of readers replaces this).
#include "ingest/reader.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/sha256.h"
#include "core/utf8.h"

namespace fazhi {

RawDocument ReadBytes(const std::string& path, std::string_view bytes, const Limits& limits) {
  if (bytes.size() > limits.max_input_bytes)
    throw InputError(path, "E-too-large", "input larger than the limit max_input_bytes");
  if (bytes.empty()) throw InputError(path, "E-empty", "the file is empty");
  RawDocument raw;
  raw.path = path;
  raw.format = "text";
  raw.encoding = "UTF-8";
  raw.sha256 = Sha256Hex(bytes);
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (FindInvalidUtf8(bytes) != std::string_view::npos)
    throw InputError(path, "E-encoding", "not valid UTF-8");
  raw.text.assign(bytes);
  return raw;
}

RawDocument ReadInput(const std::string& path, const Limits& limits) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) throw InputError(path, "E-not-found", "no such file");
  if (std::filesystem::is_directory(status)) throw InputError(path, "E-is-directory", "is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "E-unreadable", "cannot open the file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ReadBytes(path, ss.str(), limits);
}

std::vector<std::string> ReaderNames() { return {"text"}; }

}  // namespace fazhi
