// Numbers as reports write them: 89459件, 92.3%, 1.2万余条, 3100余万元, 八个单位, 百分之八十.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace fazhi {

struct NumberFound {
  double value = 0;          // multipliers applied (万 = 1e4, 亿 = 1e8); percentages stay as percent (81.25)
  std::string unit;          // "%", "件", "人", "万元", … ("" when none)
  std::uint32_t begin = 0;   // byte range in the scanned text (relative to its start)
  std::uint32_t end = 0;
  bool approximate = false;  // 余, 多, 约, 近
};

// Every number in `text`, in order. Four-digit years followed by 年 are skipped.
std::vector<NumberFound> FindNumbers(std::string_view text);

// Chinese numerals are parsed by core/text.h's ParseChineseNumeral (the one parser).

}  // namespace fazhi
