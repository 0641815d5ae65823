// Size limits on input files: a huge file fails at once with the limit's name, without being read.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>

#include "core/error.h"
#include "ingest/ingest_test_util.h"

namespace fazhi {
namespace {

TEST_CASE("A 60 MB text file fails fast with the size-limit message", "[ingest][limits][bad]") {
  test::TempDir tmp;
  auto path = tmp.path() / "huge.txt";
  {
    std::string sample = test::ReadFile(test::SamplePath());
    std::ofstream out(path, std::ios::binary);
    std::size_t written = 0;
    while (written < 60'000'000) {
      out << sample;
      written += sample.size();
    }
  }
  auto start = std::chrono::steady_clock::now();
  try {
    ReadInput(path.string(), Limits{});
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == "E-too-large");
    CHECK_THAT(e.what(), Catch::Contains("超过 16.0 MB 的上限") && Catch::Contains("max_input_bytes"));
    CHECK_THAT(e.hint(), Catch::Contains("确认选对了文件"));
  }
  auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::milliseconds(500));  // only the first 4 KiB are read
}

TEST_CASE("A file over max_input_bytes is refused before reading, whatever its format", "[ingest][limits][bad]") {
  test::TempDir tmp;
  auto path = tmp.path() / "big.pdf";
  test::WriteFile(path, "%PDF-1.4\n" + std::string(3000, 'x'));
  Limits limits;
  limits.max_input_bytes = 2000;
  CHECK_THROWS_WITH(ReadInput(path.string(), limits), Catch::Contains("max_input_bytes 为 2000 字节"));
  CHECK_THROWS_WITH(ReadBytes("mem.txt", std::string(3000, 'a'), limits), Catch::Contains("max_input_bytes"));
}

}  // namespace
}  // namespace fazhi
