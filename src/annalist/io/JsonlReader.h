// JSON Lines input: one JSON object per line, one document per object.
//
//   {"id": "afp-001", "date": "2019-07-21", "text": "...", "title": "...", "source": "AFP",
//    "url": "https://...", "anything_else": ...}
//
// Fields:
//   text   required, a non-empty string (not only whitespace).
//   id     string or integer; absent/null/"" gives `<file id>-<line number>`.
//   date   "YYYY-MM-DD", "YYYYMMDD", or an ISO date-time ("2019-07-21T10:00:00Z": the date part).
//          Absent/null/"" → no story date (or --date). Present but unparseable → error record
//          (a wrong date would silently misdate every event of the document).
//   title, source, url   optional strings (null = absent).
//   Every other field is kept, in input order, in Document::extra_json (a JSON object text).
//
// Bad lines become error records with position "line N" and the rest of the file is still
// read: malformed JSON, a non-object, missing/empty/non-string text, a bad date, wrongly typed
// metadata, invalid UTF-8, NUL/binary content, lines over --max-doc-bytes, nesting deeper than
// 64, and a duplicate id (the first document with an id wins; later ones are errors naming the
// line of the first). Blank lines are skipped; CRLF line ends and a leading BOM are accepted.
// Thread-compatible: one reader per input.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "annalist/core/Date.h"
#include "annalist/io/DocumentSource.h"

namespace annalist::io {

std::unique_ptr<RecordReader> makeJsonlReader(std::string origin, std::string content,
                                              const ReadOptions& options);

// Parses a date field value: "YYYY-MM-DD", "YYYYMMDD", or "YYYY-MM-DD[T ]..." (date-time).
std::optional<Date> parseDateField(std::string_view s);

}  // namespace annalist::io
