// What the binary loads at every start (issue 21, docs/architecture.md "Cost per run"): the shared libraries in its
// dynamic section are loaded and relocated by every command, so the ones only some commands need are opened by
// those (cpp-httplib and OpenSSL's libssl by `serve`, through lib/fazhi/fazhi-serve.so; libzip and libxlsxwriter,
// and with them libcrypto, on first use; OpenCC, and with it libmarisa, for traditional-character text only), and
// those Debian ships as archives are linked in.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "test_support.h"

namespace {

// The NEEDED entries of an ELF file, read by binutils' readelf (installed with build-essential).
std::set<std::string> NeededLibraries(const std::string& file) {
  std::set<std::string> out;
  std::string cmd = "readelf -d '" + file + "'";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  char line[1024];
  while (fgets(line, sizeof line, p)) {
    std::string s = line;
    auto open = s.find("(NEEDED)");
    if (open == std::string::npos) continue;
    auto a = s.find('[', open), b = s.find(']', open);
    if (a != std::string::npos && b != std::string::npos) out.insert(s.substr(a + 1, b - a - 1));
  }
  pclose(p);
  return out;
}

}  // namespace

TEST_CASE("the binary does not load at start what only some commands need", "[e2e][startup]") {
  std::set<std::string> needed = NeededLibraries(FAZHI_BINARY);
  INFO("NEEDED: " << [&] {
    std::string all;
    for (const auto& n : needed) all += n + " ";
    return all;
  }());
  REQUIRE(needed.count("libc.so.6") == 1);  // the reading works
  std::vector<std::string> never = {"libcpp-httplib", "libssl", "libbrotli"};  // serve's module only
#ifdef FAZHI_LAZY_LIBS_ACTIVE  // -DFAZHI_LAZY_LIBS=OFF links them
  never.insert(never.end(), {"libzip", "libxlsxwriter", "libcrypto", "libopencc", "libmarisa"});
#endif
#ifdef FAZHI_STATIC_DEPS_ACTIVE  // -DFAZHI_STATIC_DEPS=OFF links them shared
  never.insert(never.end(), {"libyaml-cpp", "libre2", "libsqlite3", "libboost_program_options", "libpugixml",
                             "libgumbo", "libuchardet"});
#endif
  for (const auto& prefix : never)
    for (const auto& n : needed) CHECK(n.rfind(prefix, 0) == std::string::npos);
}

#ifdef FAZHI_MIMALLOC  // -DFAZHI_MIMALLOC=OFF and the sanitizer builds keep glibc's malloc
namespace {

// `fazhi --version` with mimalloc's start-up report (MIMALLOC_VERBOSE=1 lists every option as it starts), and with
// MIMALLOC_LARGE_OS_PAGES set to `large` unless that is empty; the variables are the test process's own for the
// run, which the child inherits.
std::string AllocatorReport(const char* large) {
  setenv("MIMALLOC_VERBOSE", "1", 1);
  if (*large) setenv("MIMALLOC_LARGE_OS_PAGES", large, 1);
  fazhi::test::RunResult r = fazhi::test::RunFazhi({"--version"});
  unsetenv("MIMALLOC_VERBOSE");
  unsetenv("MIMALLOC_LARGE_OS_PAGES");
  REQUIRE(r.exit_code == 0);
  return r.err;
}

}  // namespace

TEST_CASE("the binary allocates with mimalloc, its start on large pages", "[e2e][startup]") {
  REQUIRE(NeededLibraries(FAZHI_BINARY).count("libmimalloc.so.2") == 1);
  // The option is set before mimalloc starts (cli/main.cc, DT_PREINIT_ARRAY): at its start it reports it on.
  std::string report = AllocatorReport("");
  INFO(report);
  CHECK(report.find("option 'large_os_pages': 1") != std::string::npos);
  // A value in the environment is the user's and wins.
  std::string off = AllocatorReport("0");
  INFO(off);
  CHECK(off.find("option 'large_os_pages': 0") != std::string::npos);
}
#endif
