// Byte-level UTF-8 steps for the hot loops that walk mostly-Han text (normalize/, segment/): a three-byte character's
// code point from its bytes, and how many whole Han characters 16 bytes start with. Kept apart from core/utf8.h so
// only these loops include the SSE2 intrinsics.
#pragma once

#include <bit>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fazhi {

// The code point of the three-byte sequence at s; the caller has checked the lead byte (1110xxxx) and both
// continuation bytes.
inline char32_t DecodeThreeBytes(const unsigned char* s) {
  return (char32_t(s[0] & 0x0F) << 12) | (char32_t(s[1] & 0x3F) << 6) | char32_t(s[2] & 0x3F);
}

#if defined(__SSE2__)
// How many Han characters of U+4000–U+9FFF (lead E4–E9, two continuation bytes each) s[0, 15) starts with, 0–5;
// reads s[0, 16).
inline int HanRun(const unsigned char* s) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
  // E4–E9 and 80–BF, as signed bytes: E4–E9 is −28…−23, 80–BF is −128…−65.
  const __m128i lead = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(-29)), _mm_cmplt_epi8(x, _mm_set1_epi8(-22)));
  const __m128i cont = _mm_cmplt_epi8(x, _mm_set1_epi8(-64));
  // Where the bytes first leave the pattern lead, cont, cont, lead, …: the characters before it are whole.
  const auto off = static_cast<unsigned>((_mm_movemask_epi8(lead) ^ 0x1249) | (_mm_movemask_epi8(cont) ^ 0x6DB6)) |
                   0x8000u;
  return std::countr_zero(off) / 3;
}
#endif

}  // namespace fazhi
