// Writes an ActorDictionary in annalist's dictionary format (docs/DICTIONARIES.md): the
// converter behind `annalist dict import`. Generated forms (hyphen splits, regular plurals of
// our own format) are left out; agent names are written with '=' (no automatic plural) so
// the written file matches exactly the names that were read.
// Thread-compatible; the dictionary is only read.
#pragma once

#include <ostream>
#include <string>

#include "annalist/core/Result.h"
#include "annalist/entities/ActorDictionary.h"

namespace annalist::entities {

// Actor blocks (in dictionary order) to `out`; returns how many were written.
size_t writeAnnalistActors(const ActorDictionary& dict, std::ostream& out);
// Agent lines (in dictionary order) to `out`; returns how many were written.
size_t writeAnnalistAgents(const ActorDictionary& dict, std::ostream& out);

}  // namespace annalist::entities
