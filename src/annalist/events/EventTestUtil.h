// Test helpers for the events tests (not part of the library).
#pragma once

#include <string>

#include "annalist/core/Document.h"

namespace annalist::events::testing {

// The document's events as "SOURCE>TARGET:CAMEO " in order ("---" for no target): one
// string to compare a whole coding against.
inline std::string eventSummary(const Document& doc) {
  std::string out;
  for (const auto& e : doc.events) {
    out +=
        e.source.code + ">" + (e.target.code.empty() ? "---" : e.target.code) + ":" + e.cameo + " ";
  }
  return out;
}

}  // namespace annalist::events::testing
