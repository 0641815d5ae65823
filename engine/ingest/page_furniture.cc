// Page furniture (see page_furniture.h).
#include "ingest/page_furniture.h"

#include "core/utf8.h"

namespace fazhi {

bool IsPageNumberLine(std::string_view line, int page_count) {
  std::size_t i = 0;
  int value = -1, numbers = 0;
  bool in_number = false;
  while (i < line.size()) {
    char32_t cp = DecodeUtf8(line, i);
    if (cp >= '0' && cp <= '9') {
      if (!in_number) {
        ++numbers;
        if (numbers == 1) value = 0;
      }
      in_number = true;
      if (numbers == 1) value = value * 10 + static_cast<int>(cp - '0');
      if (value > 9999) return false;
      continue;
    }
    in_number = false;
    switch (cp) {
      case ' ': case '-': case 0x2013: case 0x2014: case 0x2015: case 0xFF0D: case '/': case 0x7B2C /*第*/:
      case 0x9875 /*页*/: case 0x5171 /*共*/: case 0x3000: case 0xB7 /*·*/:
        break;
      default:
        return false;
    }
  }
  return numbers >= 1 && numbers <= 2 && value >= 0 && value <= page_count + 10;
}

}  // namespace fazhi
