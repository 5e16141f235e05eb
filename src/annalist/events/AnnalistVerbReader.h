// Reads annalist's own verb/event dictionary format (docs/DICTIONARIES.md, "Verbs and
// events"): synonym sets, verb and noun entries with default codes, and dependency-slot
// patterns.
//
//   @TIES = ties | relations | relationship
//   verb restore | resume | renew : ---
//     obj=@TIES : 064
//   verb express : ---
//     obj=gratitude|thanks target=prep:to : 051
//   noun meeting | talks : 040:040
//   option target=optional      # entries below may code events without a target actor
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "annalist/core/Result.h"
#include "annalist/events/VerbDictionary.h"

namespace annalist::events {

// Errors name FILE:LINE and the offending text. `sets` (optional) supplies synonym sets
// defined earlier (by the files before this one in a directory).
Result<VerbDictionary> parseAnnalistVerbs(std::string_view content, std::string_view origin,
                                          const VerbDictionary* sets = nullptr);
// Loads FILE, or every *.verbs.txt file of a directory (sorted by name; sets defined in one
// file are visible in the files after it).
Result<VerbDictionary> loadAnnalistVerbs(const std::string& path);

}  // namespace annalist::events
