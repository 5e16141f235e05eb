// Reads PETRARCH/TABARI verb dictionaries (both dialects: the older TABARI-style one of
// PETR.Validate.verbs.txt and PETRARCH2's CAMEO.2.0.txt) and discard lists into a
// VerbDictionary.
//
// Supported: synsets (&NAME / +phrase, nested synsets, automatic plurals unless '_'),
// "--- NAME [CODE] ---" blocks, verb lines with multi-word verbs (WIRE_+TAP) and irregular
// forms ({...}), per-verb codes, "- pre * post [code]" patterns with '_' connectors,
// $ (source), + (target), % (compound), ^ (skip), {} noun phrases and () prepositional
// phrases (flattened to word sequences), "A:B" reciprocal codes; discard phrases ('+' =
// story-level). Not supported (reported in VerbDictionary::warnings as FILE:LINE): '~'
// transformations, patterns naming undefined synsets, malformed lines.
#pragma once

#include <string>
#include <string_view>

#include "annalist/core/Result.h"
#include "annalist/events/VerbDictionary.h"

namespace annalist::events {

// Parses a verb file's content; `origin` (file name) is used in rules and warnings.
Result<VerbDictionary> parsePetrarchVerbs(std::string_view content, std::string_view origin);
// Parses a discard list ("PHRASE", "+PHRASE" for story-level discards).
Result<VerbDictionary> parsePetrarchDiscards(std::string_view content, std::string_view origin);

// Loads every verb file (names containing "verbs", or CAMEO*.txt) and discard file (names
// containing "discards") of a PETRARCH dictionary directory. Error when none is found.
Result<VerbDictionary> loadPetrarchDirectory(const std::string& dir);
// Loads one file, choosing verbs/discards by its name.
Result<VerbDictionary> loadPetrarchFile(const std::string& path);

}  // namespace annalist::events
