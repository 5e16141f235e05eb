// The CAMEO event-code table: names, QuadClass (GDELT convention), Goldstein scores and the
// PLOVER mapping (event, mode, context), loaded from data/dictionaries/cameo.tsv.
//
// Thread safety: immutable after load; lookups are safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "annalist/core/Result.h"

namespace annalist::events {

struct CameoCode {
  std::string code;  // "043"
  std::string name;  // "Host a visit"
  int quad_class = 0;
  double goldstein = 0.0;
  std::string plover_event, plover_mode, plover_context;
};

class CameoTable {
 public:
  // Parses the TSV table: code, quad_class, goldstein, plover_event, plover_mode,
  // plover_context, name. Errors name the line.
  static Result<CameoTable> load(const std::string& path);
  static Result<CameoTable> parse(std::string_view content, std::string_view origin);

  // Exact entry, or nullptr.
  const CameoCode* find(std::string_view code) const;
  // The entry for `code` or, failing that, its longest known prefix (so dictionary codes
  // such as "174K" or "1010" still get a root, QuadClass and Goldstein). nullptr when even the
  // two-digit root is unknown (e.g. "---", or test codes such as "903").
  const CameoCode* resolve(std::string_view code) const;
  // The two-digit root of a code ("0431" -> "04"), or "" for codes that are not numeric.
  static std::string root(std::string_view code);
  size_t size() const { return codes_.size(); }

 private:
  std::unordered_map<std::string, CameoCode> codes_;
};

}  // namespace annalist::events
