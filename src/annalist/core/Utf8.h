// UTF-8 helpers: validation, decoding, code-point counting. No allocation unless stated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace annalist::utf8 {

// Where the first invalid byte sequence starts, or nullopt when `s` is valid UTF-8
// (overlongs, surrogates and code points above U+10FFFF are invalid).
std::optional<size_t> findInvalid(std::string_view s);
inline bool isValid(std::string_view s) {
  return !findInvalid(s).has_value();
}

// Decodes the code point starting at byte `i` and advances `i`. REQUIRES: valid UTF-8, i < size.
char32_t decode(std::string_view s, size_t& i);

// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

// Number of code points in valid UTF-8 `s`.
size_t length(std::string_view s);

// Byte length of the sequence introduced by lead byte `b` (1 for continuation/invalid bytes).
inline size_t sequenceLength(unsigned char b) {
  if (b < 0x80) return 1;
  if ((b >> 5) == 0x6) return 2;
  if ((b >> 4) == 0xE) return 3;
  if ((b >> 3) == 0x1E) return 4;
  return 1;
}

// True when the text looks binary: NUL bytes or many C0 control characters.
bool looksBinary(std::string_view s);

}  // namespace annalist::utf8
