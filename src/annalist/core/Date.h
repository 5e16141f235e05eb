// Calendar dates (proleptic Gregorian), no time zone: story dates, event dates, role bounds.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace annalist {

struct Date {
  int16_t year = 0;
  int8_t month = 0;  // 1..12
  int8_t day = 0;    // 1..31

  auto operator<=>(const Date&) const = default;

  // Days since 1970-01-01 (negative before).
  int64_t toDays() const;
  static Date fromDays(int64_t days);
  Date addDays(int64_t n) const { return fromDays(toDays() + n); }
  // 0 = Monday ... 6 = Sunday (ISO).
  int weekday() const;
  // "YYYY-MM-DD".
  std::string toString() const;

  static bool valid(int y, int m, int d);
  // Parses "YYYY-MM-DD" exactly; nullopt for anything else or an impossible date.
  static std::optional<Date> parseIso(std::string_view s);
  // Parses "YYYYMMDD" or "YYMMDD" (YY < 50 → 20YY, else 19YY, the PETRARCH/TABARI convention).
  static std::optional<Date> parseCompact(std::string_view s);
};

}  // namespace annalist
