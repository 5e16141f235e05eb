// Helpers for the reader tests.
#pragma once

#include <string>
#include <vector>

#include "annalist/io/DocumentSource.h"

namespace annalist::io::testing {

// All items a reader of `format` produces over `content` (origin `origin`).
inline std::vector<ReadItem> readAll(InputFormat format, const std::string& content,
                                     const ReadOptions& options = {},
                                     const std::string& origin = "in/file.dat") {
  auto reader = makeRecordReader(format, origin, content, options);
  std::vector<ReadItem> items;
  ReadItem it;
  while (reader->next(it)) {
    items.push_back(std::move(it));
    it = {};
  }
  return items;
}

// Every token and sentence span must slice back to consistent text.
inline bool spansConsistent(const Document& d) {
  for (const auto& t : d.tokens) {
    if (d.slice(t.start, t.end) != d.tokenText(t)) return false;
  }
  for (const auto& s : d.sentences) {
    if (s.token_begin > s.token_end || s.token_end > d.tokens.size()) return false;
    if (s.size() > 0 &&
        (d.tokens[s.token_begin].start != s.start || d.tokens[s.token_end - 1].end != s.end))
      return false;
  }
  return true;
}

}  // namespace annalist::io::testing
