// Character helpers for the segmenter (see chars.h).
#include "segment/chars.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <bit>
#include <cstdint>
#include <cstring>

#include "core/utf8.h"
#include "core/utf8_runs.h"

namespace fazhi::seg {

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x3000 || cp == 0xFEFF;
}

std::size_t SkipSpaces(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    std::size_t j;
    if (!IsSpace(CodePointAt(s, i, &j))) break;
    i = j;
  }
  return i;
}

std::string_view Trim(std::string_view s) {
  Span sp = TrimSpan(s, {0, static_cast<std::uint32_t>(s.size())});
  return s.substr(sp.begin, sp.size());
}

Span TrimSpan(std::string_view text, Span span) {
  std::size_t b = span.begin, e = std::min<std::size_t>(span.end, text.size());
  // The common case: a span that starts and ends with a non-blank ASCII character or valid three-byte character
  // (leads E1–EC, EE, EF: never overlong, never a surrogate), read here without DecodeUtf8's checks.
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto cont = [](unsigned c) { return (c & 0xC0) == 0x80; };
  const auto three = [&](std::size_t k) -> char32_t {  // the three-byte character at p[k], p[k + 2] < e; 0 if none
    const unsigned c = p[k];
    if (c < 0xE1 || c > 0xEF || c == 0xED || !cont(p[k + 1]) || !cont(p[k + 2])) return 0;
    return DecodeThreeBytes(p + k);
  };
  if (b < e) {
    const char32_t first = p[b] < 0x80 ? p[b] : b + 3 <= e ? three(b) : 0;
    const char32_t last = p[e - 1] < 0x80 ? p[e - 1] : e - b >= 3 ? three(e - 3) : 0;
    if (first != 0 && last != 0 && !IsSpace(first) && !IsSpace(last))
      return {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
  }
  while (b < e) {
    std::size_t j = b;
    char32_t cp = DecodeUtf8(text.substr(0, e), j);
    if (!IsSpace(cp)) break;
    b = j;
  }
  while (e > b) {
    // Step back to the start of the last code point and decode it.
    std::size_t k = e - 1;
    while (k > b && e - k < 4 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
    std::size_t j = k;
    char32_t cp = DecodeUtf8(text.substr(0, e), j);
    if (j != e || !IsSpace(cp)) break;
    e = k;
  }
  return {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
}

std::size_t Chars(std::string_view s) { return CountChars(s); }

std::size_t CharsUpTo(std::string_view s, std::size_t cap) {
  // The bytes that are no continuation byte (10xxxxxx), the same count as CountChars, up to cap + 1: eight bytes at
  // a time (a continuation byte has bit 7 set and bit 6, shifted into bit 7, clear), then one by one.
  std::size_t n = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // Their count summed into the top byte by a multiply (std::popcount is a libgcc call without -mpopcnt).
    const std::uint64_t cont = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;
    n += 8 - static_cast<std::size_t>((cont * 0x0101010101010101ULL) >> 56);
    if (n > cap) return cap + 1;
  }
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++n > cap) break;
  return n;
}

bool Contains(std::string_view s, std::string_view part) { return FindBytes(s, part) != std::string_view::npos; }

std::size_t FindBytes(std::string_view s, std::string_view part) {
  if (part.size() < 3 || part.size() > s.size()) return s.find(part);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* w = reinterpret_cast<const unsigned char*>(part.data());
  const std::size_t last = s.size() - part.size();  // the last place the part may start
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i w0 = _mm_set1_epi8(static_cast<char>(w[0])), w2 = _mm_set1_epi8(static_cast<char>(w[2]));
  // The places k … k + 15 where the part's first and third bytes are, one bit each (reads bytes up to k + 17); the
  // rest of the part, its second byte included, is compared at those few places.
  const auto starts = [&](std::size_t k) {
    return static_cast<unsigned>(_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k)), w0),
                      _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k + 2)), w2))));
  };
  for (; i + 18 <= s.size(); i += 16) {
    for (unsigned mask = starts(i); mask != 0; mask &= mask - 1) {
      const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(mask));
      if (at > last) return std::string_view::npos;
      if (p[at + 1] == w[1] && std::memcmp(p + at + 3, w + 3, part.size() - 3) == 0) return at;
    }
  }
  // The places left (fewer than sixteen): one more block, ending at the text's end, its places before i dropped.
  if (i <= last && s.size() >= 18) {
    const std::size_t base = s.size() - 18;  // base < i <= base + 15
    for (unsigned mask = starts(base) & (~0u << (i - base)); mask != 0; mask &= mask - 1) {
      const std::size_t at = base + static_cast<std::size_t>(std::countr_zero(mask));
      if (at > last) return std::string_view::npos;
      if (p[at + 1] == w[1] && std::memcmp(p + at + 3, w + 3, part.size() - 3) == 0) return at;
    }
    return std::string_view::npos;
  }
#endif
  for (; i <= last; ++i)
    if (p[i] == w[0] && p[i + 1] == w[1] && p[i + 2] == w[2] && std::memcmp(p + i + 3, w + 3, part.size() - 3) == 0)
      return i;
  return std::string_view::npos;
}

bool EndsWithAny(std::string_view s, std::initializer_list<std::string_view> suffixes) {
  for (auto x : suffixes)
    if (s.ends_with(x)) return true;
  return false;
}

bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> parts) {
  for (auto x : parts)
    if (Contains(s, x)) return true;
  return false;
}

WordSet::WordSet(std::initializer_list<std::string_view> words) {
  words_.reserve(words.size());
  for (std::string_view w : words) {
    const auto* b = reinterpret_cast<const unsigned char*>(w.data());
    const unsigned k = Pair(b[0], b[1]);
    pairs_[k >> 6] |= std::uint64_t{1} << (k & 63);
    words_.push_back({Head(b), w});
  }
}

bool WordSet::In(std::string_view s) const {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    // A word starts with ASCII or a lead byte, never inside a character: the continuation bytes (two of a Han
    // character's three) are passed at once.
    if ((p[i] & 0xC0) == 0x80) continue;
    const unsigned k = Pair(p[i], p[i + 1]);
    if (!(pairs_[k >> 6] >> (k & 63) & 1)) continue;
    // The Pair bit says a word starts in this block of 64 Han characters (lead and second byte); of the words with
    // the same lead byte, only those starting with the same two bytes are compared whole.
    const unsigned head = Head(p + i);
    for (const Word& w : words_)
      if (w.head == head && s.substr(i).starts_with(w.text)) return true;
  }
  return false;
}

}  // namespace fazhi::seg
