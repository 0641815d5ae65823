// The inline fast paths of DecodeUtf8 / AppendUtf8 (ASCII, three-byte sequences) must decide exactly as the general
// decoder does: every lead byte with every second and third byte, at the end of the text and inside it.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "core/utf8.h"

namespace fazhi {
namespace {

TEST_CASE("DecodeUtf8's fast path decodes as the general decoder on every three-byte prefix", "[core][utf8]") {
  for (int a = 0; a < 256; ++a)
    for (int b = 0; b < 256; ++b)
      for (int c : {0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF}) {
        const std::string bytes = {static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), 'x'};
        for (std::size_t len : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{4}}) {
          const std::string_view s(bytes.data(), len);
          std::size_t i = 0, j = 0;
          const char32_t fast = DecodeUtf8(s, i), general = DecodeUtf8Other(s, j);
          INFO(a << " " << b << " " << c << " length " << len);
          REQUIRE(fast == general);
          REQUIRE(i == j);
        }
      }
}

TEST_CASE("AppendUtf8 encodes every code point as it decodes back", "[core][utf8]") {
  std::string out;
  for (char32_t cp = 0; cp <= 0x10FFFF; cp += (cp < 0x20000 ? 1 : 97)) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    out.clear();
    AppendUtf8(out, cp);
    std::size_t i = 0;
    REQUIRE(DecodeUtf8(out, i) == cp);
    REQUIRE(i == out.size());
  }
}

TEST_CASE("CountChars and TruncateChars (eight bytes at a time) count as a byte-by-byte walk", "[core][utf8]") {
  // Mixed ASCII, two-, three- and four-byte characters and stray continuation bytes, every length and every cut.
  const std::string pieces[] = {"a", "1", "é", "法", "治", "，", "😀", "\x80", "\xBF", " "};
  std::mt19937 rng(3);
  for (int round = 0; round < 300; ++round) {
    std::string s;
    for (int k = 0, n = static_cast<int>(rng() % 60); k < n; ++k) s += pieces[rng() % std::size(pieces)];
    std::size_t starts = 0;
    for (unsigned char c : s) starts += (c & 0xC0) != 0x80;
    REQUIRE(CountChars(s) == starts);
    for (std::size_t max = 0; max <= starts + 2; ++max) {
      std::size_t n = 0, cut = s.size();
      for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
          if (n == max) {
            cut = i;
            break;
          }
          ++n;
        }
      INFO(s << " max " << max);
      REQUIRE(TruncateChars(s, max).size() == cut);
    }
  }
}

}  // namespace
}  // namespace fazhi
