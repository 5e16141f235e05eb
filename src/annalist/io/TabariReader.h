// TABARI text records (TABARI manual, section 4.3 "Text Files"):
//
//   000101 AFPN-0003-01 optional other information
//   Israelis breathed a sigh of relief Saturday after none of the three
//   things they feared ... came to pass.
//   <blank line>
//
// A record starts with a line whose first character is a digit: the date (YYMMDD, YY < 50 →
// 20YY, or YYYYMMDD), whitespace, the id (the next whitespace-delimited token), and optionally
// more information (kept as Document::extra_json {"tabari": {"info": "..."}}). The text lines
// follow up to the next blank (or whitespace-only) line; the document text is those lines as
// written (line breaks kept, surrounding whitespace trimmed). Blocks whose first line does not
// start with a digit are comments and are skipped, as in TABARI.
//
// Errors ("line N" of the header): an unparseable date, a record with no text (e.g. truncated
// at the end of the file), invalid UTF-8 / NUL bytes, text over --max-doc-bytes, and a duplicate
// id (the first wins). A header without an id gets `<file id>-<record number>`.
// Thread-compatible: one reader per input.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "annalist/io/DocumentSource.h"

namespace annalist::io {

std::unique_ptr<RecordReader> makeTabariReader(std::string origin, std::string content,
                                               const ReadOptions& options);

// True when `line` looks like a TABARI record header: 6 or 8 digits forming a valid date,
// whitespace, and an id token (used by format sniffing).
bool looksLikeTabariHeader(std::string_view line);

}  // namespace annalist::io
