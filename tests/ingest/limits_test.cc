// Size limits on input files: a huge file fails at once with the limit's name, without being read.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>

#include "core/error.h"
#include "core/regular_file.h"
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

TEST_CASE("ReadInput reads every byte of a file in one read after the guard's stat (no fstat, no read of the end)",
          "[ingest][limits]") {
  // ReadInput takes the size from RequireRegularFile's stat and stops at the first short read once that many bytes
  // are in: the bytes must be the file's whole, at every size around the sniffing read (4 KiB), and a file over the
  // text limit must be refused as ReadBytes refuses it.
  test::TempDir tmp;
  const std::string sample = test::ReadFile(test::SamplePath());
  std::string big;
  while (big.size() < 70'000) big += sample;
  std::size_t k = 0;
  for (std::size_t size : {std::size_t{1}, std::size_t{2}, std::size_t{100}, std::size_t{4095}, std::size_t{4096},
                           std::size_t{4097}, std::size_t{8192}, sample.size(), std::size_t{65'536},
                           big.size()}) {
    auto path = tmp.path() / ("f" + std::to_string(k++) + ".txt");
    std::string bytes = big.substr(0, size);
    if (bytes.front() != 'x') bytes.front() = 'x';  // a text, whatever the cut
    test::WriteFile(path, bytes);
    CHECK(RequireRegularFile(path.string()) == size);
    Limits limits;
    for (std::uint64_t max_input : {Limits{}.max_input_bytes, std::uint64_t{40'000}}) {  // text limit: a quarter
      limits.max_input_bytes = max_input;
      std::string read_code, bytes_code;
      RawDocument from_file, from_bytes;
      try {
        from_file = ReadInput(path.string(), limits);
      } catch (const InputError& e) {
        read_code = e.code();
      }
      try {
        from_bytes = ReadBytes(path.string(), bytes, limits);
      } catch (const InputError& e) {
        bytes_code = e.code();
      }
      INFO("size " << size << ", max_input_bytes " << max_input);
      CHECK(read_code == bytes_code);
      CHECK(from_file.sha256 == from_bytes.sha256);
      CHECK(from_file.text == from_bytes.text);
    }
  }
  // A file whose stat says 0 (as /proc's do) is read to its end all the same.
  if (std::filesystem::exists("/proc/self/status")) {
    CHECK(RequireRegularFile("/proc/self/status") == 0);
    CHECK(ReadInput("/proc/self/status", Limits{}).text.find("Name:") != std::string::npos);
  }
}

}  // namespace
}  // namespace fazhi
