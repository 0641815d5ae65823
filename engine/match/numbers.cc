// Number recognition for metric checks: Arabic (with decimals, thousands commas), Chinese numerals, 万/亿
// multipliers, units, percentages (also 百分之N).
#include "match/numbers.h"

#include <array>
#include <cstdlib>

#include "core/text.h"
#include "core/utf8.h"

namespace fazhi {

namespace {

constexpr std::array<std::string_view, 26> kUnits = {
    "万元", "亿元", "元", "%", "件", "人次", "人", "个", "项", "次", "家", "条", "份", "名", "户", "场", "期",
    "所", "批", "宗", "起", "天", "日", "小时", "篇", "余"};

bool IsNumeralChar(char32_t c) { return HanDigitValue(c) >= 0 || c == U'百' || c == U'千' || c == U'万' || c == U'亿'; }

}  // namespace

std::vector<NumberFound> FindNumbers(std::string_view text) {
  std::vector<NumberFound> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    unsigned char c = static_cast<unsigned char>(text[i]);
    NumberFound n;
    std::size_t j = i;
    bool percent_prefix = false;
    if (text.substr(i).starts_with("百分之")) {
      percent_prefix = true;
      j = i + 9;
    }
    if (j < text.size() && text[j] >= '0' && text[j] <= '9') {
      std::string digits;
      while (j < text.size() && ((text[j] >= '0' && text[j] <= '9') || text[j] == '.' ||
                                 (text[j] == ',' && j + 1 < text.size() && text[j + 1] >= '0' && text[j + 1] <= '9'))) {
        if (text[j] != ',') digits += text[j];
        ++j;
      }
      while (!digits.empty() && digits.back() == '.') {
        digits.pop_back();
        --j;
      }
      n.value = std::strtod(digits.c_str(), nullptr);
      if (digits.size() == 4 && text.substr(j).starts_with("年") && !percent_prefix) {
        i = j;
        continue;  // a year
      }
    } else {
      // Chinese numeral run.
      std::size_t k = j, run_end = j;
      std::string run;
      while (k < text.size()) {
        std::size_t at = k;
        char32_t cp = DecodeUtf8(text, k);
        if (!IsNumeralChar(cp)) {
          k = at;
          break;
        }
        run.append(text.substr(at, k - at));
        run_end = k;
      }
      // A lone 一/万 is usually a word (一是, 一网通办, 万众): require a unit after a single numeral.
      auto v = run.empty() ? std::nullopt : ParseChineseNumeral(run);
      bool unit_follows = false;  // looked for only when it decides (most characters are no numeral at all)
      if (v && !percent_prefix)
        for (auto u : kUnits)
          if (u != "余" && text.substr(run_end).starts_with(u)) unit_follows = true;
      if (!v || (!percent_prefix && !unit_follows)) {
        if (c < 0x80) {
          ++i;
        } else {
          std::size_t adv = i;
          DecodeUtf8(text, adv);
          i = adv;
        }
        continue;
      }
      n.value = *v;
      j = run_end;
    }
    // Multipliers and approximations.
    if (text.substr(j).starts_with("余") || text.substr(j).starts_with("多")) {
      n.approximate = true;
      j += 3;
    }
    if (text.substr(j).starts_with("万") && !text.substr(j).starts_with("万元")) {
      n.value *= 1e4;
      j += 3;
    } else if (text.substr(j).starts_with("亿") && !text.substr(j).starts_with("亿元")) {
      n.value *= 1e8;
      j += 3;
    }
    if (text.substr(j).starts_with("余")) {
      n.approximate = true;
      j += 3;
    }
    if (percent_prefix) {
      n.unit = "%";
    } else {
      for (auto u : kUnits) {
        if (u == "余") continue;
        if (text.substr(j).starts_with(u)) {
          n.unit = std::string(u);
          j += u.size();
          break;
        }
      }
    }
    n.begin = static_cast<std::uint32_t>(start);
    n.end = static_cast<std::uint32_t>(j);
    out.push_back(n);
    i = j > start ? j : start + 1;
  }
  return out;
}

}  // namespace fazhi
