// Shared checks for the libFuzzer targets: runs one reader over arbitrary bytes and verifies
// the invariants every reader promises (no crash, one item per document with exactly one of
// doc/error set, valid UTF-8 text, spans that slice back, JSON serialisation that never throws).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "annalist/core/Utf8.h"
#include "annalist/io/DocumentJson.h"
#include "annalist/io/DocumentSource.h"

namespace annalist::fuzz {

inline void check(bool ok) {
  if (!ok) std::abort();
}

inline void checkDocument(const Document& d) {
  check(utf8::isValid(d.text()));
  check(utf8::isValid(d.id()));
  check(d.length() == utf8::length(d.text()));
  for (const auto& t : d.tokens) {
    check(t.start <= t.end && t.end <= d.length());
    check(t.byte_start <= t.byte_end && t.byte_end <= d.text().size());
    check(d.slice(t.start, t.end) == d.tokenText(t));
  }
  uint32_t prev_end = 0;
  for (const auto& s : d.sentences) {
    check(s.token_begin <= s.token_end && s.token_end <= d.tokens.size());
    check(s.start <= s.end && s.end <= d.length());
    check(s.start >= prev_end);
    prev_end = s.end;
  }
  for (const auto& p : d.paragraphs) check(p.start <= p.end && p.end <= d.length());
  // Serialisation must not throw (it would on invalid UTF-8).
  (void)io::documentJson(d).dump();
}

// Runs the reader for `format` over `data`; returns the number of items.
inline size_t runReader(io::InputFormat format, const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  io::ReadOptions options;
  options.max_doc_bytes = 4096;
  auto reader = io::makeRecordReader(format, "fuzz/input.dat", content, options);
  io::ReadItem item;
  size_t n = 0;
  while (reader->next(item)) {
    check(item.doc.has_value() != item.error.has_value());
    if (item.doc) checkDocument(*item.doc);
    if (item.error) {
      check(!item.error->reason.empty());
      (void)io::errorJson(*item.error).dump();
    }
    check(++n <= size + 1);  // progress: never more items than bytes
    item = {};
  }
  (void)io::sniffFormat("fuzz/input.dat", content);
  return n;
}

}  // namespace annalist::fuzz
