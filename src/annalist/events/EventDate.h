// Resolves time expressions ("on Sunday", "last Tuesday", "on Aug 2", "three years ago",
// "yesterday", "overnight") relative to a story date.
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/core/Date.h"

namespace annalist::events {

struct ResolvedDate {
  Date date;
  uint32_t first = 0, last = 0;  // index range [first, last) of the words that said it
};

// Scans `words` (lower-case token texts of one sentence) for time expressions and resolves
// each against `story`. Weekdays and month-days without a year resolve to the most recent
// such day on or before the story date ("next"/"coming" look forward); relative offsets
// count back from the story date.
std::vector<ResolvedDate> findDates(const std::vector<std::string_view>& words, Date story);

}  // namespace annalist::events
