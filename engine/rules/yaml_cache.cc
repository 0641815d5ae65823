// Parse cache for rule YAML (see yaml_cache.h).
#include "rules/yaml_cache.h"

#include <optional>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/sha256.h"
#include "rules/file_bytes.h"

namespace fs = std::filesystem;

namespace fazhi {

namespace {

constexpr const char* kSubdir = "yaml-4";  // bump with the YamlTree format or the builder's behaviour; yaml-2:
// only files without authoring diagnostics are kept (the loader skips its raw-text checks on a hit); yaml-3: a
// tree entry starts with the source's depth ("FZYD", 4 bytes), and regex facts (.facts) live beside the trees;
// yaml-4: then 4 bytes of flags (kNoDuplicateKeys)
constexpr std::string_view kDepthMagic = "FZYD";
constexpr std::size_t kNoDuplicateKeys = 1;  // the loader walked the tree's maps and found no repeated key
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

// The entry's bytes in a per-thread buffer, valid until the thread's next ReadEntry; empty when absent. Entries are
// decoded (copied out) and dropped, so one buffer serves them all.
std::string_view ReadEntry(const fs::path& path) {
  thread_local std::string bytes;
  if (ReadFileBytes(path.string(), kMaxEntryBytes, bytes) != FileBytes::kRead) bytes.clear();
  return bytes;
}

void Prune(const fs::path& dir) {
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".tree" && e.path().extension() != ".facts") continue;
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

constexpr std::string_view kFactsMagic = "FZF1";

void PutU32(std::string& out, std::size_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

bool GetU32(std::string_view in, std::size_t& pos, std::size_t& v) {
  if (in.size() - pos < 4) return false;
  v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<std::size_t>(static_cast<unsigned char>(in[pos + i])) << (8 * i);
  pos += 4;
  return true;
}

}  // namespace

const std::string& FactsKeyOfBinary() {
  static const std::string key = [] {
    std::string k = "fazhi " FAZHI_VERSION;
    struct stat st {};
    if (::stat("/proc/self/exe", &st) == 0)
      k += " " + std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec);
    return k;
  }();
  return key;
}

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
  std::string_view bytes = ReadEntry(fs::path(dir_) / (sha256 + ".tree"));
  std::size_t pos = kDepthMagic.size(), depth = 0, flags = 0;
  if (bytes.substr(0, kDepthMagic.size()) != kDepthMagic || !GetU32(bytes, pos, depth) || !GetU32(bytes, pos, flags))
    return std::nullopt;
  if (auto tree = YamlTree::Deserialize(bytes.substr(pos))) {
    YamlParse hit;
    hit.tree = std::move(tree);
    hit.depth = depth == 0xFFFFFFFF ? -1 : static_cast<int>(depth);
    hit.no_duplicate_keys = (flags & kNoDuplicateKeys) != 0;
    return hit;
  }
  return std::nullopt;
}

// An entry: magic, the key's length and bytes, the facts' length and bytes, then the SHA-256 (hex) of all before.
std::string YamlCache::LookupFacts(std::string_view key) const {
  if (dir_.empty()) return {};
  std::string_view bytes = ReadEntry(fs::path(dir_) / (Sha256Hex(key) + ".facts"));
  if (bytes.size() < kFactsMagic.size() + 8 + 64 || bytes.substr(0, kFactsMagic.size()) != kFactsMagic) return {};
  std::string_view body(bytes.data(), bytes.size() - 64);
  if (Sha256Hex(body) != bytes.substr(body.size())) return {};
  std::size_t pos = kFactsMagic.size(), len = 0;
  if (!GetU32(body, pos, len) || len > body.size() - pos || body.substr(pos, len) != key) return {};
  pos += len;
  if (!GetU32(body, pos, len) || len != body.size() - pos) return {};
  return std::string(body.substr(pos));
}

void YamlCache::StoreFacts(std::string_view key, std::string_view facts) const {
  if (dir_.empty()) return;
  std::string bytes(kFactsMagic);
  PutU32(bytes, key.size());
  bytes += key;
  PutU32(bytes, facts.size());
  bytes += facts;
  bytes += Sha256Hex(bytes);
  WriteEntry(dir_, fs::path(dir_) / (Sha256Hex(key) + ".facts"), bytes);
}

void YamlCache::Store(const std::string& sha256, const YamlTree& tree, int depth, bool no_duplicate_keys) const {
  if (dir_.empty() || !IsHex64(sha256)) return;
  std::string bytes(kDepthMagic);
  PutU32(bytes, depth < 0 ? 0xFFFFFFFF : static_cast<std::size_t>(depth));
  PutU32(bytes, no_duplicate_keys ? kNoDuplicateKeys : 0);
  WriteEntry(dir_, fs::path(dir_) / (sha256 + ".tree"), bytes + tree.Serialize());
}

YamlParse YamlCache::Parse(const std::string& text, const std::string& sha256, bool store, int depth) const {
  if (auto hit = Lookup(sha256)) return std::move(*hit);
  YamlParse parsed = ParseYamlTree(text);
  parsed.depth = depth;
  if (parsed.tree && store) Store(sha256, *parsed.tree, depth, false);
  return parsed;
}

}  // namespace fazhi
