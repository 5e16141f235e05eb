#include "annalist/events/EventDate.h"

#include <charconv>

namespace annalist::events {

namespace {

int weekdayOf(std::string_view w) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    if (w == kDays[i]) return i;
  }
  return -1;
}

int monthOf(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  static constexpr std::string_view kFull[] = {"january",   "february", "march",    "april",
                                               "may",       "june",     "july",     "august",
                                               "september", "october",  "november", "december"};
  static constexpr std::string_view kShort[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int i = 0; i < 12; ++i) {
    if (w == kFull[i] || w == kShort[i]) return i + 1;
  }
  if (w == "sept") return 9;
  return 0;
}

int numberOf(std::string_view w) {
  int v = 0;
  auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
  if (ec == std::errc() && p == w.data() + w.size()) return v;
  static constexpr std::string_view kWords[] = {"zero", "one",    "two",   "three", "four",
                                                "five", "six",    "seven", "eight", "nine",
                                                "ten",  "eleven", "twelve"};
  for (int i = 0; i < 13; ++i) {
    if (w == kWords[i]) return i;
  }
  if (w == "a" || w == "an") return 1;
  return -1;
}

int dayOf(std::string_view w) {
  // "2", "2nd", "21st", "3rd", "4th"
  size_t n = 0;
  while (n < w.size() && w[n] >= '0' && w[n] <= '9') ++n;
  if (n == 0 || n > 2) return 0;
  const std::string_view rest = w.substr(n);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  int v = 0;
  std::from_chars(w.data(), w.data() + n, v);
  return v >= 1 && v <= 31 ? v : 0;
}

int yearOf(std::string_view w) {
  if (w.size() != 4) return 0;
  int v = 0;
  auto [p, ec] = std::from_chars(w.data(), w.data() + 4, v);
  return ec == std::errc() && p == w.data() + 4 && v >= 1900 && v <= 2100 ? v : 0;
}

Date monthDay(Date story, int month, int day, int year) {
  if (year > 0) {
    if (Date::valid(year, month, day)) {
      return Date{static_cast<int16_t>(year), static_cast<int8_t>(month), static_cast<int8_t>(day)};
    }
    return story;
  }
  int y = story.year;
  if (!Date::valid(y, month, day)) return story;
  Date d{static_cast<int16_t>(y), static_cast<int8_t>(month), static_cast<int8_t>(day)};
  // A day well after the story date without a year means last year's.
  if (d.toDays() > story.toDays() + 31 && Date::valid(y - 1, month, day)) {
    d = Date{static_cast<int16_t>(y - 1), static_cast<int8_t>(month), static_cast<int8_t>(day)};
  }
  return d;
}

}  // namespace

std::vector<ResolvedDate> findDates(const std::vector<std::string_view>& w, Date story) {
  std::vector<ResolvedDate> out;
  const uint32_t n = static_cast<uint32_t>(w.size());
  auto at = [&](uint32_t i) -> std::string_view { return i < n ? w[i] : std::string_view(); };
  for (uint32_t i = 0; i < n; ++i) {
    const std::string_view x = w[i];
    if (x == "yesterday") {
      out.push_back({story.addDays(-1), i, i + 1});
    } else if (x == "today" || x == "tonight") {
      out.push_back({story, i, i + 1});
    } else if (x == "tomorrow") {
      out.push_back({story.addDays(1), i, i + 1});
    } else if (x == "overnight") {
      out.push_back({story.addDays(-1), i, i + 1});
    } else if (x == "night" && i > 0 && w[i - 1] == "last") {
      out.push_back({story.addDays(-1), i - 1, i + 1});  // last night
    } else if ((x == "morning" || x == "afternoon" || x == "evening") && i > 0 &&
               (w[i - 1] == "this" || w[i - 1] == "earlier")) {
      out.push_back({story, i - 1, i + 1});  // this morning
    } else if (const int wd = weekdayOf(x); wd >= 0) {
      const std::string_view prev = i > 0 ? w[i - 1] : std::string_view();
      const int diff = (story.weekday() - wd + 7) % 7;
      if (prev == "next" || prev == "coming") {
        const int ahead = (wd - story.weekday() + 7) % 7;
        out.push_back({story.addDays(ahead == 0 ? 7 : ahead), i - 1, i + 1});
      } else if (prev == "last") {
        out.push_back({story.addDays(-(diff == 0 ? 7 : diff)), i - 1, i + 1});
      } else {
        out.push_back({story.addDays(-diff), i, i + 1});
      }
    } else if (const int m = monthOf(x); m > 0 && x != "may" && x != "march") {
      // "Aug 2", "August 2nd, 2019"; "2 August"
      if (const int d = dayOf(at(i + 1)); d > 0) {
        uint32_t end = i + 2;
        int y = yearOf(at(end));
        if (!y && at(end) == "," && yearOf(at(end + 1))) y = yearOf(at(++end));
        if (y) ++end;
        out.push_back({monthDay(story, m, d, y), i, end});
      } else if (i > 0 && dayOf(w[i - 1]) > 0) {
        const int y = yearOf(at(i + 1));
        out.push_back({monthDay(story, m, dayOf(w[i - 1]), y), i - 1, y ? i + 2 : i + 1});
      }
    } else if ((x == "may" || x == "march") && dayOf(at(i + 1)) > 0 && i > 0 &&
               (w[i - 1] == "on" || w[i - 1] == "since" || w[i - 1] == "until")) {
      const int d = dayOf(at(i + 1));
      const int y = yearOf(at(i + 2));
      out.push_back({monthDay(story, monthOf(x), d, y), i, y ? i + 3 : i + 2});
    } else if (x == "ago" && i >= 2) {
      const std::string_view unit = w[i - 1];
      const int k = numberOf(w[i - 2]);
      if (k < 0) continue;
      int64_t days = -1;
      if (unit == "day" || unit == "days") days = k;
      if (unit == "week" || unit == "weeks") days = 7 * k;
      if (unit == "month" || unit == "months") days = 30 * k;
      if (unit == "year" || unit == "years") days = 365 * k;
      if (days < 0) continue;
      Date d = story.addDays(-days);
      if (unit == "year" || unit == "years") {
        d = story;
        d.year = static_cast<int16_t>(story.year - k);
        if (!Date::valid(d.year, d.month, d.day)) d.day = 28;
      }
      out.push_back({d, i - 2, i + 1});
    }
  }
  return out;
}

}  // namespace annalist::events
