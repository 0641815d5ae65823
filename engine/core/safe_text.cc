// Safe text for spreadsheets, XML and terminals (see safe_text.h).
#include "core/safe_text.h"

#include "core/utf8.h"

namespace fazhi {
namespace {

bool IsNoncharacter(char32_t cp) { return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE; }
bool IsC1(char32_t cp) { return cp >= 0x80 && cp <= 0x9F; }
bool IsBidiControl(char32_t cp) { return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }

// Calls `emit(cp, bytes)` for each code point of `s`, U+FFFD for an invalid byte (`bytes` is then empty).
template <typename Emit>
void ForEachCodePoint(std::string_view s, Emit emit) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t cp = DecodeUtf8(s, i);
    bool valid = !(cp == 0xFFFD && s.substr(start, i - start) != "\xEF\xBF\xBD");
    emit(cp, valid ? s.substr(start, i - start) : std::string_view());
  }
}

}  // namespace

std::string StripControlChars(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachCodePoint(s, [&](char32_t cp, std::string_view bytes) {
    if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F || IsC1(cp) || IsNoncharacter(cp)) return;
    if (bytes.empty())
      AppendUtf8(out, 0xFFFD);
    else
      out += bytes;
  });
  return out;
}

std::string TerminalSafe(std::string_view s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  ForEachCodePoint(s, [&](char32_t cp, std::string_view bytes) {
    if (keep_newlines && cp == '\n') {
      out += '\n';
    } else if (cp < 0x20) {
      AppendUtf8(out, 0x2400 + cp);  // ␛ for ESC, ␍ for CR, ␊ for LF…
    } else if (cp == 0x7F) {
      AppendUtf8(out, 0x2421);  // ␡
    } else if (bytes.empty() || IsC1(cp) || IsBidiControl(cp)) {
      AppendUtf8(out, 0xFFFD);
    } else {
      out += bytes;
    }
  });
  return out;
}

}  // namespace fazhi
