// Display width of UTF-8 text in terminal columns: East Asian Wide and Fullwidth characters take two columns,
// combining marks none. Used to align CJK tables and wrap Chinese prose (which has no spaces to break at).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

int CharWidth(char32_t cp);
int DisplayWidth(std::string_view utf8);
// Pads with spaces on the right to `width` columns (nothing is cut when the text is wider).
std::string PadRight(std::string_view utf8, int width);
std::string PadLeft(std::string_view utf8, int width);
// Cuts to at most `width` columns on a character boundary, ending with "…" when cut.
std::string TruncateToWidth(std::string_view utf8, int width);
// Wraps into lines of at most `width` columns. Breaks between any two CJK characters, at spaces otherwise;
// never before closing punctuation (，。、；：？！」）》 …). Existing newlines are kept.
std::vector<std::string> WrapToWidth(std::string_view utf8, int width);

}  // namespace fazhi
