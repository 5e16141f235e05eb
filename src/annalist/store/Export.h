// Exports of the store's events: GDELT-1.0-style event table, Phoenix-style TSV, JSONL, CSV,
// and the actor network as GraphML or a CSV edge list. Column lists: docs/STORE.md.
//
// One-a-day de-duplication (`one_a_day`) merges events with the same date, source code,
// target code and CAMEO code into one (the earliest stored event represents the group) and
// reports how many mentions, articles and news sources it had — as Phoenix and GDELT do.
//
// Thread safety: uses the Db it is given (one thread at a time).
#pragma once

#include <ostream>
#include <string_view>

#include "annalist/core/Result.h"
#include "annalist/store/Query.h"
#include "annalist/store/Sqlite.h"

namespace annalist::store {

enum class ExportFormat { kGdelt, kPhoenix, kJsonl, kCsv, kGraphml, kEdges };
bool parseExportFormat(std::string_view name, ExportFormat& out);

struct ExportOptions {
  ExportFormat format = ExportFormat::kJsonl;
  EventFilter filter;
  bool one_a_day = false;
  bool header = false;  // gdelt/phoenix: print a header line (their native files have none)
};

Status exportEvents(Db& db, const ExportOptions& options, std::ostream& out);

// The GDELT 1.0 daily-file column names, in order (58 columns).
const std::vector<std::string_view>& gdeltColumns();
// The Phoenix-style column names, in order.
const std::vector<std::string_view>& phoenixColumns();

// A CAMEO actor code split into its parts (3-letter chunks): country or
// international/NGO prefix, known group, role types, religions. Best effort.
struct ActorCodeParts {
  std::string country, known_group, ethnic, religion1, religion2, type1, type2, type3;
};
ActorCodeParts splitActorCode(std::string_view code);

}  // namespace annalist::store
