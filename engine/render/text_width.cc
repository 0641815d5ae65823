// Terminal column widths from ICU's East_Asian_Width property (UAX #11): W and F count two, combining marks zero.
#include "render/text_width.h"

#include <unicode/uchar.h>

#include "core/utf8.h"

namespace fazhi {

namespace {

// Closing punctuation that must not start a line (kinsoku).
bool NoLineStart(char32_t cp) {
  switch (cp) {
    case U'，': case U'。': case U'、': case U'；': case U'：': case U'？': case U'！': case U'」': case U'』':
    case U'）': case U'》': case U'〉': case U'】': case U'〕': case U'”': case U'’': case U'…': return true;
    default: return false;
  }
}

}  // namespace

int CharWidth(char32_t cp) {
  if (cp == 0 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  UChar32 c = static_cast<UChar32>(cp);
  int gc = u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY);
  if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || cp == 0x200b || cp == 0x200d || cp == 0xfeff) return 0;
  int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
}

int DisplayWidth(std::string_view s) {
  int w = 0;
  for (std::size_t i = 0; i < s.size();) w += CharWidth(DecodeUtf8(s, i));
  return w;
}

std::string PadRight(std::string_view s, int width) {
  std::string out(s);
  int w = DisplayWidth(s);
  if (w < width) out.append(static_cast<std::size_t>(width - w), ' ');
  return out;
}

std::string PadLeft(std::string_view s, int width) {
  int w = DisplayWidth(s);
  std::string out = w < width ? std::string(static_cast<std::size_t>(width - w), ' ') : std::string();
  out += s;
  return out;
}

std::string TruncateToWidth(std::string_view s, int width) {
  if (DisplayWidth(s) <= width) return std::string(s);
  std::string out;
  int w = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    int cw = CharWidth(DecodeUtf8(s, i));
    if (w + cw > width - 1) break;  // leave one column for the ellipsis
    out.append(s.substr(start, i - start));
    w += cw;
  }
  return out + "…";
}

std::vector<std::string> WrapToWidth(std::string_view s, int width) {
  std::vector<std::string> lines;
  if (width < 2) width = 2;
  std::size_t para_start = 0;
  while (para_start <= s.size()) {
    std::size_t nl = s.find('\n', para_start);
    std::string_view para = s.substr(para_start, nl == std::string_view::npos ? std::string_view::npos : nl - para_start);
    std::string line;
    int w = 0;
    // Byte offset in `line` where the current run of narrow non-space characters (a Latin word, a rule id) began;
    // npos when the line does not end in such a run. Such a run moves to the next line whole when it fits there.
    std::size_t word = std::string::npos;
    for (std::size_t i = 0; i < para.size();) {
      std::size_t start = i;
      char32_t cp = DecodeUtf8(para, i);
      int cw = CharWidth(cp);
      std::string_view ch = para.substr(start, i - start);
      bool narrow_word_char = cw == 1 && cp != U' ';
      if (w + cw > width && !line.empty() && !NoLineStart(cp)) {
        if (narrow_word_char && word != std::string::npos && word > 0 &&
            DisplayWidth(std::string_view(line).substr(word)) + cw <= width) {
          std::string rest = line.substr(word);
          line.erase(word);
          while (!line.empty() && line.back() == ' ') line.pop_back();
          lines.push_back(line);
          line = rest;
          w = DisplayWidth(line);
          word = 0;
        } else {
          while (!line.empty() && line.back() == ' ') line.pop_back();
          lines.push_back(line);
          line.clear();
          w = 0;
          word = std::string::npos;
        }
        if (cp == U' ') continue;  // no leading space on the new line
      }
      if (narrow_word_char && word == std::string::npos) word = line.size();
      if (!narrow_word_char) word = std::string::npos;
      line.append(ch);
      w += cw;
    }
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    para_start = nl + 1;
  }
  return lines;
}

}  // namespace fazhi
