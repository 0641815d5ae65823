// The Catch2 (v2) main for fazhi_tests. The rule parse cache of every `fazhi` the tests run goes into the build
// folder (not the user's ~/.cache), unless FAZHI_CACHE_DIR says otherwise.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

int main(int argc, char* argv[]) {
  std::filesystem::path cache = std::filesystem::path(FAZHI_BINARY).parent_path() / "rule-cache";
  ::setenv("FAZHI_CACHE_DIR", cache.c_str(), 0);
  return Catch::Session().run(argc, argv);
}
