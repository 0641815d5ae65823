// Characters that OpenCC's t2s changes on their own ("traditional-only"), as a bitmap built into the binary, so
// deciding whether a text is written in traditional characters does not load OpenCC for simplified texts.
#pragma once

#include <cstdint>

namespace fazhi {

// U+3400–U+9FFF and U+F900–U+FAFF (the Han blocks where t2s changes characters); everything else is false.
// The table is generated and checked against OpenCC by tests/normalize/traditional_table_test.cc.
constexpr char32_t kTraditionalTableLow = 0x3400, kTraditionalTableHigh = 0x9FFF;
constexpr char32_t kTraditionalCompatLow = 0xF900, kTraditionalCompatHigh = 0xFAFF;
extern const std::uint64_t kTraditionalOnlyBits[];       // (0x9FFF - 0x3400 + 1) / 64 = 432 words
extern const std::uint64_t kTraditionalOnlyCompatBits[];  // 512 / 64 = 8 words

inline bool IsTraditionalOnly(char32_t c) {
  if (c >= kTraditionalTableLow && c <= kTraditionalTableHigh) {
    auto i = c - kTraditionalTableLow;
    return (kTraditionalOnlyBits[i / 64] >> (i % 64)) & 1;
  }
  if (c >= kTraditionalCompatLow && c <= kTraditionalCompatHigh) {
    auto i = c - kTraditionalCompatLow;
    return (kTraditionalOnlyCompatBits[i / 64] >> (i % 64)) & 1;
  }
  return false;
}

// IsTraditionalOnly of the Han character (U+4000–U+9FFF, HanRun's) whose three bytes start at s, read from the bytes:
// its table word is (code point − U+3400) / 64, the lead's low four bits and the second byte's six, and its bit the
// third byte's six (U+3400 starts a word), so neither the code point nor the table's range checks are needed.
inline unsigned HanTraditionalOnly(const unsigned char* s) {
  static_assert(kTraditionalTableLow % 64 == 0 && kTraditionalTableLow <= 0x4000 && kTraditionalTableHigh >= 0x9FFF);
  const unsigned word = (unsigned{s[0]} << 6) + s[1] - ((0xE0u << 6) + 0x80u + kTraditionalTableLow / 64);
  return static_cast<unsigned>(kTraditionalOnlyBits[word] >> (s[2] & 0x3F)) & 1u;
}

}  // namespace fazhi
