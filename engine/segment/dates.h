// Dates and years as reports write them: "2021年2月26日", "2021-02-26 18:20", "二〇二二年一月五日", and the scraped
// signature "2021226" when it reads one way only.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace fazhi::seg {

struct DateHit {
  Date date;
  std::size_t begin = 0, end = 0;  // bytes in the searched text
  bool weekday = false;            // followed by 星期X / 周X (a page clock, not a document date)
};

// Every date in `s` written with 年月日 (Arabic or Chinese numerals) or as Y-M-D, Y/M/D, Y.M.D.
std::vector<DateHit> FindDates(std::string_view s);

// The whole (trimmed) line is one date, optionally in brackets: the forms of FindDates, or 6–8 digits that read as
// exactly one valid date (YYYYMMDD, YYYYMDD, YYYYMD). `ambiguous` is set when the digits read as several dates.
std::optional<Date> ParseDateLine(std::string_view line, bool* ambiguous = nullptr);

struct YearHit {
  int year = 0;
  std::size_t begin = 0;
};
// Four-digit years 1990–2100 followed by 年 ("2020年", "2020年度") in `s`, in order.
std::vector<YearHit> FindYears(std::string_view s);

}  // namespace fazhi::seg
