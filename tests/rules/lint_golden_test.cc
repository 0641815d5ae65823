// Golden tests for `fazhi rules lint`: each folder under tests/golden/lint is a broken pack (one diagnostic each)
// with its exact expected output in expected.txt. FAZHI_UPDATE_GOLDEN=1 rewrites them (read the diff!).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace fazhi::test;

TEST_CASE("rules lint golden outputs", "[rules][lint][golden]") {
  fs::path root = SourceDir() / "tests" / "golden" / "lint";
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(root))
    if (e.is_directory()) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 15);
  bool update = std::getenv("FAZHI_UPDATE_GOLDEN") != nullptr;
  for (const auto& c : cases) {
    std::string rel = "tests/golden/lint/" + c.filename().string();
    auto r = RunFazhi({"rules", "lint", rel});
    std::string got = r.out + "exit " + std::to_string(r.exit_code) + "\n";
    fs::path expected = c / "expected.txt";
    if (update) WriteFile(expected, got);
    INFO("case " << rel << "\nstderr: " << r.err);
    REQUIRE(fs::exists(expected));
    CHECK(got == ReadFile(expected));
    // No case may crash: sanitizer reports or signals would show as exit >= 128 or text on stderr.
    CHECK(r.exit_code < 128);
    CHECK(r.err.find("Sanitizer") == std::string::npos);
  }
}
