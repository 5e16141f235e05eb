// Store consistency check: SQLite integrity and foreign keys, every document's layer row
// counts equal to the counts recorded with it (a document is complete or absent), no
// duplicate document ids, and the full-text indexes in step with their tables.
//
// Thread safety: uses the Db it is given (one thread at a time).
#pragma once

#include <string>

#include "annalist/core/Result.h"
#include "annalist/store/Sqlite.h"

namespace annalist::store {

// Ok, or an error listing the first problems found.
Status checkStore(Db& db);

// A canonical text dump of the stored records (documents, sentences, mentions, entities,
// quotes, events) without run ids, timestamps or internal keys: two stores holding the same
// data dump identically.
Result<std::string> dumpStore(Db& db);

}  // namespace annalist::store
