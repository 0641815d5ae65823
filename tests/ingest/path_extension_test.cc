// PathExtension: the extension std::filesystem::path gives, read off the path without building one.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <string>

#include "ingest/reader.h"

namespace fazhi {
namespace {

std::string Reference(const std::string& path) { return std::filesystem::path(path).extension().string(); }

TEST_CASE("PathExtension equals std::filesystem's extension on odd and random paths", "[ingest][extension]") {
  for (const std::string p :
       {"", ".", "..", "...", ".x", ".txt", "..txt", "a", "a.", "a.txt", "a.TXT", "a.tar.gz", "dir/a.txt", "dir.d/a",
        "dir.d/", "dir/.bashrc", "dir/..", "dir/.", "/", "//", "/a.b/", "/a.b/c", "a.b/c.d/e.f", "./a.txt",
        "../x.docx", "报告.txt", "d000/r000001.txt", "a/b.", "a/.b.c", "a//b.c", "x.y/.", "x.y/.."})
    CHECK(std::string(PathExtension(p)) == Reference(p));
  std::mt19937 rng(21);
  const char kChars[] = {'a', 'b', '.', '/', '.', 'x'};
  for (int round = 0; round < 20000; ++round) {
    std::string p;
    for (int k = static_cast<int>(rng() % 9); k > 0; --k) p += kChars[rng() % sizeof kChars];
    INFO(p);
    CHECK(std::string(PathExtension(p)) == Reference(p));
  }
}

}  // namespace
}  // namespace fazhi
