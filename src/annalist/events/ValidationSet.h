// PETRARCH validation records (PETR.UnitTest*.xml): the raw sentence text, its date and
// category, and the expected event codings. A minimal reader for `annalist eval events`.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "annalist/core/Result.h"

namespace annalist::events {

struct ExpectedEvent {
  std::string source, target, code;
};

struct ValidationRecord {
  std::string id, category, date;  // date as written (YYYYMMDD)
  std::string text;                // <Text> with whitespace runs collapsed
  std::vector<ExpectedEvent> events;
  bool noevents = false;  // noevents="True"
  std::string error;      // error="..." (e.g. storydiscard): expected to produce no events
  // The record's <Parse> tree does not balance its brackets. PETRARCH rejects such input
  // (bad_input_parse) and codes nothing; annalist codes from <Text> and only reads this check.
  bool unbalanced_parse = false;
  uint32_t line = 0;
};

// Parses every <Sentence> element. Errors name the line of a malformed record.
Result<std::vector<ValidationRecord>> parseValidationXml(std::string_view xml);

}  // namespace annalist::events
