// Golden segment dumps of the real reports: the sample in reports/samples and the two Shenzhen texts in
// ../shared/corpus/real (read at test time; only our dump of them is checked in). FAZHI_UPDATE_GOLDEN=1 rewrites.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "segment/dump.h"
#include "segment_util.h"
#include "test_support.h"

using namespace fazhi;

namespace {

// The dump of a text segmented directly (no reader, no normalizer: those stages have their own tests, and the
// golden files should change only when segmentation does).
std::string DumpOf(const std::filesystem::path& input) {
  std::string text = test::ReadFile(input);
  std::string unix;
  unix.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) unix += text[i];
  auto doc = test::SegmentText(unix);
  doc.path = input.filename().string();
  test::CheckInvariants(doc);
  return DumpSegments(doc);
}

void CompareWithGolden(const std::filesystem::path& input, const std::string& name) {
  if (!std::filesystem::exists(input)) {
    WARN("skipped: " << input << " is not there (set FAZHI_SHARED)");
    return;
  }
  std::string actual = DumpOf(input);
  auto golden = test::SourceDir() / "tests" / "golden" / "segments" / (name + ".segments");
  const char* update = std::getenv("FAZHI_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    test::WriteFile(golden, actual);
    WARN("rewrote " << golden);
    return;
  }
  REQUIRE(std::filesystem::exists(golden));
  std::string expected = test::ReadFile(golden);
  INFO("golden file " << golden << " (FAZHI_UPDATE_GOLDEN=1 rewrites it after a reviewed change)");
  CHECK(actual == expected);
}

}  // namespace

TEST_CASE("golden segments of the Hongqiao sample", "[segment][golden]") {
  CompareWithGolden(test::SourceDir() / "reports" / "samples" / "hongqiao-2020.txt", "hongqiao-2020");
}

TEST_CASE("golden segments of the Longhua 2019 report", "[segment][golden]") {
  CompareWithGolden(test::SharedDir() / "corpus" / "real" / "001_shenzhen_longhua_district_2019.txt",
                    "shenzhen-longhua-2019");
}

TEST_CASE("golden segments of the Guangming 2021 report", "[segment][golden]") {
  CompareWithGolden(test::SharedDir() / "corpus" / "real" / "002_shenzhen_guangming_district_2021.txt",
                    "shenzhen-guangming-2021");
}
