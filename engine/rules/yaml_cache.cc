// Parse cache for rule YAML (see yaml_cache.h).
#include "rules/yaml_cache.h"

#include <optional>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace fazhi {

namespace {

constexpr const char* kSubdir = "yaml-2";  // bump with the YamlTree format or the builder's behaviour; yaml-2:
// only files without authoring diagnostics are kept (the loader skips its raw-text checks on a hit)
constexpr std::size_t kMaxEntries = 256;     // past this, the oldest half is removed when an entry is written
constexpr std::uintmax_t kMaxEntryBytes = 256u << 20;

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

bool IsHex64(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::string ReadEntry(const fs::path& path) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec || size > kMaxEntryBytes) return {};
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::string bytes;
  bytes.reserve(size);
  char buffer[1 << 16];  // in blocks: a streambuf iterator costs ~15 instructions a byte
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
  return bytes;
}

void Prune(const fs::path& dir) {
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".tree") continue;
    std::error_code tec;
    entries.emplace_back(fs::last_write_time(e.path(), tec), e.path());
  }
  if (entries.size() <= kMaxEntries) return;
  std::sort(entries.begin(), entries.end());
  for (std::size_t i = 0; i < entries.size() / 2; ++i) fs::remove(entries[i].second, ec);
}

void WriteEntry(const fs::path& dir, const fs::path& path, const std::string& bytes) {
  static std::atomic<unsigned> counter{0};
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return;
  fs::path tmp = path;
  tmp += ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return;
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      out.close();
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, path, ec);  // atomic: a reader sees the old entry, no entry, or the whole new one
  if (ec) {
    fs::remove(tmp, ec);
    return;
  }
  static std::atomic<bool> pruned{false};  // once per process: listing the folder on every write is wasted work
  if (!pruned.exchange(true)) Prune(dir);
}

}  // namespace

std::string DefaultCacheDir() {
  if (const char* v = std::getenv("FAZHI_CACHE_DIR")) {
    std::string s = v;
    return s == "off" ? "" : s;
  }
  if (auto xdg = Env("XDG_CACHE_HOME"); !xdg.empty()) return (fs::path(xdg) / "fazhi").string();
  if (auto home = Env("HOME"); !home.empty()) return (fs::path(home) / ".cache" / "fazhi").string();
  return "";
}

YamlCache::YamlCache(std::string dir) : dir_(dir.empty() ? "" : (fs::path(dir) / kSubdir).string()) {}

std::optional<YamlParse> YamlCache::Lookup(const std::string& sha256) const {
  if (dir_.empty() || !IsHex64(sha256)) return std::nullopt;
  if (std::string bytes = ReadEntry(fs::path(dir_) / (sha256 + ".tree")); !bytes.empty()) {
    if (auto tree = YamlTree::Deserialize(bytes)) {
      YamlParse hit;
      hit.tree = std::move(tree);
      return hit;
    }
  }
  return std::nullopt;
}

YamlParse YamlCache::Parse(const std::string& text, const std::string& sha256, bool store) const {
  if (auto hit = Lookup(sha256)) return std::move(*hit);
  YamlParse parsed = ParseYamlTree(text);
  if (parsed.tree && store && !dir_.empty() && IsHex64(sha256))
    WriteEntry(dir_, fs::path(dir_) / (sha256 + ".tree"), parsed.tree->Serialize());
  return parsed;
}

}  // namespace fazhi
