// Finding the shipped rule packs without flags.
#include "cli/rules_dir.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace fazhi {

namespace {
bool HasPacks(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return false;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (fs::exists(e.path() / "pack.yaml")) return true;
  return false;
}

}  // namespace

fs::path ExecutablePath(const char* argv0) {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) return fs::path(std::string(buf, static_cast<std::size_t>(n)));
  std::error_code ec;
  return fs::weakly_canonical(argv0 ? argv0 : "", ec);
}

std::optional<std::string> FindShippedRules(const char* argv0) {
  if (const char* env = std::getenv("FAZHI_RULES"); env && *env) return std::string(env);
  fs::path bin = ExecutablePath(argv0).parent_path();
  for (const fs::path& candidate : {bin / "rules", bin.parent_path() / "rules", bin.parent_path().parent_path() / "rules",
                                    bin.parent_path() / "share" / "fazhi" / "rules", fs::path(FAZHI_INSTALL_RULES_DIR)}) {
    if (HasPacks(candidate)) return candidate.lexically_normal().string();
  }
  return std::nullopt;
}

}  // namespace fazhi
