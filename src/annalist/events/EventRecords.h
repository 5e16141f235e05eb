// Event record writers: JSONL (schema "event", docs/FORMATS.md "Event records") and TSV
// (PETRARCH/Phoenix-style columns with a header line).
//
// Thread safety: stateless functions; a stream must not be shared between threads.
#pragma once

#include <ostream>
#include <string>

#include "annalist/core/Document.h"

namespace annalist::events {

inline constexpr int kEventRecordVersion = 1;

// One JSON object per event of `doc`, each on its own line.
void writeEventsJsonl(const Document& doc, std::ostream& out);
// The TSV header line (with newline).
std::string eventsTsvHeader();
// One TSV line per event.
void writeEventsTsv(const Document& doc, std::ostream& out);

}  // namespace annalist::events
