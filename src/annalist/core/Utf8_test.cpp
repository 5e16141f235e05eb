#include "annalist/core/Utf8.h"

#include <gtest/gtest.h>

namespace annalist::utf8 {
namespace {

TEST(Utf8, ValidAndInvalid) {
  EXPECT_TRUE(isValid("plain ascii"));
  EXPECT_TRUE(isValid("Hamas\xE2\x80\x99 office"));  // right single quote
  EXPECT_EQ(findInvalid("ab\xFF"), 2u);
  EXPECT_EQ(findInvalid("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(findInvalid("x\xED\xA0\x80"), 1u);     // surrogate
  EXPECT_EQ(findInvalid("\xE2\x80"), 0u);          // truncated
  EXPECT_EQ(findInvalid("\xF4\x90\x80\x80"), 0u);  // > U+10FFFF
}

TEST(Utf8, DecodeAppendRoundTrip) {
  const std::string s = "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80";
  std::string out;
  size_t i = 0;
  size_t n = 0;
  while (i < s.size()) {
    append(out, decode(s, i));
    ++n;
  }
  EXPECT_EQ(out, s);
  EXPECT_EQ(n, 4u);
  EXPECT_EQ(length(s), 4u);
}

TEST(Utf8, LooksBinary) {
  EXPECT_TRUE(looksBinary(std::string("abc\0def", 7)));
  EXPECT_FALSE(looksBinary("Normal text\nwith lines\t and tabs"));
  EXPECT_TRUE(looksBinary("\x01\x02\x03\x04"));
}

}  // namespace
}  // namespace annalist::utf8
