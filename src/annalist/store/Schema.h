// The store's SQLite schema and its forward migrations (documented in docs/STORE.md and
// docs/FORMATS.md "Store schema").
//
// The schema version lives in `meta(key='schema_version')` (and mirrors into PRAGMA
// user_version). Each migration step N → N+1 runs in its own IMMEDIATE transaction, so a
// crash mid-migration leaves the database at version N, and concurrent openers serialise.
//
// Thread safety: the functions operate on the Db they are given (one thread at a time).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "annalist/core/Result.h"
#include "annalist/store/Sqlite.h"

namespace annalist::store {

// One forward migration: applying `sql` to a database at version `to - 1` gives version `to`.
struct Migration {
  int to = 0;
  std::string_view description;
  std::string_view sql;
};

// Every migration in order; the last one's `to` is kSchemaVersion.
const std::vector<Migration>& migrations();
inline constexpr int kSchemaVersion = 3;

// The schema version of `db` (0 for an empty database).
Result<int> schemaVersion(Db& db);

// Migrates `db` forward to `target` (default: the latest). Fails, changing nothing, when the
// database is newer than this build knows ("schema version 7 is newer than this annalist
// supports (2)") or not an annalist store.
Status migrate(Db& db, int target = kSchemaVersion);

// Sets the connection pragmas of a store connection: WAL journal, synchronous=NORMAL
// (durable across process crashes; consistent across power loss), foreign keys, a larger
// page cache.
Status configureConnection(Db& db, bool read_only = false);

// Opens (creating when `create`) and migrates a store. Errors name the file.
Result<Db> openStore(const std::string& path, bool create);

}  // namespace annalist::store
