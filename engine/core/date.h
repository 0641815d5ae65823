// A calendar date as reports write it (no time zone, no time of day).
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace fazhi {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
  std::string ToString() const;  // "2021-02-26"
};

bool IsValidDate(int year, int month, int day);
// Parses "YYYY-MM-DD" (also "YYYY/M/D", "YYYY.M.D"); nullopt when malformed or not a real date.
std::optional<Date> ParseIsoDate(std::string_view s);
// The (UTC) day of SOURCE_DATE_EPOCH when it is set and not empty: the date reproducible outputs use in place of
// today's; nullopt otherwise.
std::optional<Date> SourceDateEpochDay();
// Today's date in local time (what a waiver's expiry and a 整改时限 are measured against).
Date Today();

}  // namespace fazhi
