// Small UTF-8 helpers used across stages (decoding one code point, counting characters, validating).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fazhi {

// Decodes the code point at s[i] and advances i; returns U+FFFD (and advances one byte) on a bad sequence.
char32_t DecodeUtf8(std::string_view s, std::size_t& i);
void AppendUtf8(std::string& out, char32_t cp);
// Offset of the first invalid byte, or npos when `s` is valid UTF-8.
std::size_t FindInvalidUtf8(std::string_view s);
std::size_t CountChars(std::string_view s);
// Cuts `s` to at most `max_chars` characters on a character boundary.
std::string_view TruncateChars(std::string_view s, std::size_t max_chars);
bool IsHan(char32_t cp);

}  // namespace fazhi
