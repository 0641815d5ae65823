// Calendar dates: validation and ISO-like parsing.
#include "core/date.h"

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>

namespace fazhi {

std::string Date::ToString() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

bool IsValidDate(int year, int month, int day) {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[month - 1];
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) max = 29;
  return day <= max;
}

std::optional<Date> ParseIsoDate(std::string_view s) {
  int parts[3] = {0, 0, 0};
  int index = 0, digits = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (++digits > 4) return std::nullopt;
      parts[index] = parts[index] * 10 + (c - '0');
    } else if ((c == '-' || c == '/' || c == '.') && digits > 0 && index < 2) {
      ++index;
      digits = 0;
    } else {
      return std::nullopt;
    }
  }
  if (index != 2 || digits == 0) return std::nullopt;
  if (!IsValidDate(parts[0], parts[1], parts[2])) return std::nullopt;
  return Date{parts[0], parts[1], parts[2]};
}

std::optional<Date> SourceDateEpochDay() {
  const char* e = std::getenv("SOURCE_DATE_EPOCH");
  if (!e || !*e) return std::nullopt;
  std::time_t t = static_cast<std::time_t>(std::strtoll(e, nullptr, 10));
  std::tm tm{};
  gmtime_r(&t, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

Date Today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace fazhi
