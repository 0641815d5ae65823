// UTF-8 helpers: strict decoding (no overlongs, no surrogates), counting and truncation on boundaries.
#include "core/utf8.h"

#include <cstdint>
#include <cstring>

namespace fazhi {

char32_t DecodeUtf8Other(std::string_view s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) { ++i; return c; }
  int len = 0;
  char32_t cp = 0, min = 0;
  if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
  else { ++i; return 0xFFFD; }
  if (i + len > s.size()) { ++i; return 0xFFFD; }
  for (int k = 1; k < len; ++k) {
    unsigned char d = byte(i + k);
    if ((d & 0xC0) != 0x80) { ++i; return 0xFFFD; }
    cp = (cp << 6) | (d & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++i; return 0xFFFD; }
  i += len;
  return cp;
}

void AppendUtf8Other(std::string& out, char32_t cp) {
  char b[4];
  std::size_t n;
  if (cp < 0x80) {
    b[0] = static_cast<char>(cp);
    n = 1;
  } else if (cp < 0x800) {
    b[0] = static_cast<char>(0xC0 | (cp >> 6));
    b[1] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    b[0] = static_cast<char>(0xE0 | (cp >> 12));
    b[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    b[2] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    b[0] = static_cast<char>(0xF0 | (cp >> 18));
    b[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    b[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    b[3] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 4;
  }
  out.append(b, n);
}

std::size_t FindInvalidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t at = i;
    char32_t cp = DecodeUtf8(s, i);
    if (cp == 0xFFFD && !(i - at == 3 && s.substr(at, 3) == "\xEF\xBF\xBD")) return at;
  }
  return std::string_view::npos;
}

namespace {
// Continuation bytes (10xxxxxx) among eight bytes: their count is what a word of text holds beyond its characters.
int Continuations(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  const std::uint64_t cont = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;  // 1 in each byte with bit 7 set, 6 clear
  // Sum of the eight bytes in the top byte (std::popcount is a libgcc call without -mpopcnt).
  return static_cast<int>((cont * 0x0101010101010101ull) >> 56);
}
}  // namespace

std::size_t CountChars(std::string_view s) {
  std::size_t n = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) n += 8 - Continuations(s.data() + i);
  for (; i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

std::string_view TruncateChars(std::string_view s, std::size_t max_chars) {
  if (s.size() <= max_chars) return s;  // a character is at least one byte
  std::size_t n = 0, i = 0;
  // Whole words while they cannot reach the cut (n counts the characters that start before i).
  for (; i + 8 <= s.size() && n + 8 <= max_chars; i += 8) n += 8 - Continuations(s.data() + i);
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (n == max_chars) return s.substr(0, i);
      ++n;
    }
  }
  return s;
}

}  // namespace fazhi
