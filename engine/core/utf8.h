// Small UTF-8 helpers used across stages (decoding one code point, counting characters, validating).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fazhi {

// Decodes the code point at s[i] and advances i; returns U+FFFD (and advances one byte) on a bad sequence.
// Inline for ASCII and well-formed three-byte sequences (all of CJK): the text is decoded several times per document.
char32_t DecodeUtf8Other(std::string_view s, std::size_t& i);  // every other case
inline char32_t DecodeUtf8(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  if ((c & 0xF0) == 0xE0 && i + 2 < s.size()) {
    const auto d = static_cast<unsigned char>(s[i + 1]), e = static_cast<unsigned char>(s[i + 2]);
    if ((d & 0xC0) == 0x80 && (e & 0xC0) == 0x80) {
      const char32_t cp = (char32_t(c & 0x0F) << 12) | (char32_t(d & 0x3F) << 6) | char32_t(e & 0x3F);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        i += 3;
        return cp;
      }
    }
  }
  return DecodeUtf8Other(s, i);
}
void AppendUtf8Other(std::string& out, char32_t cp);  // cp >= 0x80
inline void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80)
    out += static_cast<char>(cp);
  else
    AppendUtf8Other(out, cp);
}
// Offset of the first invalid byte, or npos when `s` is valid UTF-8.
std::size_t FindInvalidUtf8(std::string_view s);
std::size_t CountChars(std::string_view s);
// Cuts `s` to at most `max_chars` characters on a character boundary.
std::string_view TruncateChars(std::string_view s, std::size_t max_chars);
// Inline: the normalizer and the segmenter ask it of nearly every character.
inline bool IsHan(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF) ||
         (cp >= 0xF900 && cp <= 0xFAFF);
}

}  // namespace fazhi
