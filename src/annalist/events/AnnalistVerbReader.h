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
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "annalist/core/Result.h"
#include "annalist/events/VerbDictionary.h"

namespace annalist::events {

// Errors name FILE:LINE and the offending text.
Result<VerbDictionary> parseAnnalistVerbs(std::string_view content, std::string_view origin);
// Loads FILE, or every *.verbs.txt file of a directory (sorted).
Result<VerbDictionary> loadAnnalistVerbs(const std::string& path);

}  // namespace annalist::events
