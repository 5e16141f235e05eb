// Readers for actor/agent dictionaries into an ActorDictionary: annalist's own format
// (docs/DICTIONARIES.md), Debian iso-codes' ISO 3166-1 JSON, PETRARCH/Phoenix actor and
// agent files, and TABARI .actors/.agents files.
//
// Readers never abort on bad entries: each problem becomes a Diagnostic (file:line, what is
// wrong) and the entry is skipped or repaired as described in the message. A returned error
// Status means the file itself could not be read. All functions are thread-compatible
// (they mutate only the dictionary and diagnostics passed in).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/core/Result.h"
#include "annalist/entities/ActorDictionary.h"

namespace annalist::entities {

struct Diagnostic {
  enum class Severity { kError, kWarning, kNote };
  Severity severity = Severity::kWarning;
  std::string file;
  uint32_t line = 0;  // 0 = whole file
  std::string message;
  // "file:line: error: message"
  std::string toString() const;
};

using Diagnostics = std::vector<Diagnostic>;

// annalist format: one file, or every *.actors and *.agents file of a directory (sorted by
// name). `loadBuiltin` loads dataPath("dictionaries") plus the ISO 3166-1 country list.
Status loadAnnalistFile(const std::string& path, ActorDictionary& dict, Diagnostics& diags);
Status loadAnnalistDir(const std::string& dir, ActorDictionary& dict, Diagnostics& diags);
Status loadBuiltin(ActorDictionary& dict, Diagnostics& diags);

// ISO 3166-1 JSON of Debian's iso-codes (default /usr/share/iso-codes/json/iso_3166-1.json):
// one country actor per entry (id and code = alpha_3; names = name, common_name,
// official_name).
Status loadIsoCountries(const std::string& path, ActorDictionary& dict, Diagnostics& diags);
std::string defaultIsoCountriesPath();

enum class ForeignFormat { kPetrarch, kTabari };
// PETRARCH/Phoenix (or TABARI) actor file: "PHRASE [CODE]", "+SYNONYM", "\t[CODE date]".
Status loadPetrarchActors(const std::string& path, ForeignFormat format, ActorDictionary& dict,
                          Diagnostics& diags);
// PETRARCH/TABARI agent file: "PHRASE {PLURAL} [~CODE]", "!SET! = A, B".
Status loadPetrarchAgents(const std::string& path, ForeignFormat format, ActorDictionary& dict,
                          Diagnostics& diags);
// Every *actors*.txt and *agents*.txt file of `dir` (sorted), or the files themselves.
Status loadPetrarchPath(const std::string& path, ActorDictionary& dict, Diagnostics& diags);
// TABARI: each file by its name (*.actors / *.agents; anything else with "agent" in the name
// is an agents file, other files are actor files).
Status loadTabariFile(const std::string& path, ActorDictionary& dict, Diagnostics& diags);

// Loads one --dictionaries spec: kind "builtin", "annalist", "petrarch" or "tabari" with its
// paths (verbs/discards files are skipped silently: other modules read them).
Status loadDictionarySpec(std::string_view kind, const std::vector<std::string>& paths,
                          ActorDictionary& dict, Diagnostics& diags);

// Consistency checks on a loaded dictionary: names shared by different actors, overlapping
// role ranges with different codes, codes that are not CAMEO-shaped or whose first part is
// no known country/international code. Appends to `diags`.
void checkDictionary(const ActorDictionary& dict, Diagnostics& diags);

// Regular English plural of the last word of `phrase` (PETRARCH rules: +S, Y -> IES after a
// consonant, S/SS/X/CH/SH -> +ES), preserving the case of the last letter.
std::string regularPlural(std::string_view phrase);

// True when a name must match with exact case: written with a leading '=', or a single
// all-capitals token whose lower-case form is a common English word (US, WHO, IS, AID).
bool needsExactCase(const std::vector<std::string>& tokens);

}  // namespace annalist::entities
