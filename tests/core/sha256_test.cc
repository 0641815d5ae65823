// SHA-256: the FIPS 180-4 / NIST test vectors, and the SHA-extension path (when the CPU has it) against the
// portable one on every length around the block and padding boundaries.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "core/sha256.h"

namespace fazhi {
namespace {

TEST_CASE("SHA-256 gives the NIST test vectors", "[core][sha256]") {
  const std::string million_a(1'000'000, 'a');
  const std::pair<std::string, std::string> vectors[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
      {million_a, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
  for (const auto& [in, want] : vectors) {
    INFO("length " << in.size());
    CHECK(Sha256Hex(in) == want);
    CHECK(Sha256HexPortable(in) == want);
  }
}

TEST_CASE("SHA-256 with the CPU's extensions equals the portable code on every length", "[core][sha256]") {
  std::mt19937 rng(256);
  std::string data;
  for (int i = 0; i < 4200; ++i) data += static_cast<char>(rng() & 0xFF);
  for (std::size_t n = 0; n <= data.size(); n += n < 300 ? 1 : 61) {
    INFO("length " << n);
    REQUIRE(Sha256Hex(std::string_view(data).substr(0, n)) == Sha256HexPortable(std::string_view(data).substr(0, n)));
  }
}

}  // namespace
}  // namespace fazhi
