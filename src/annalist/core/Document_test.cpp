#include "annalist/core/Document.h"

#include <gtest/gtest.h>

#include <string>

#include "annalist/core/Utf8.h"

namespace annalist {
namespace {

TEST(Document, AsciiOffsets) {
  Document d("x", "Hello world");
  EXPECT_EQ(d.length(), 11u);
  EXPECT_EQ(d.slice(6, 11), "world");
  EXPECT_EQ(d.cpOffset(6), 6u);
}

TEST(Document, CodePointOffsetsRoundTrip) {
  // Curly quotes and an emoji: bytes and code points differ.
  std::string text;
  for (int i = 0; i < 50; ++i)
    text += "\xE2\x80\x9CQ\xE2\x80\x9D \xF0\x9F\x98\x80 Hamas\xE2\x80\x99 ";
  Document d("x", text);
  EXPECT_EQ(d.length(), utf8::length(text));
  for (uint32_t cp = 0; cp <= d.length(); ++cp) {
    EXPECT_EQ(d.cpOffset(d.byteOffset(cp)), cp);
  }
  EXPECT_EQ(d.slice(1, 2), "Q");
  EXPECT_EQ(d.slice(0, 3), "\xE2\x80\x9CQ\xE2\x80\x9D");
  EXPECT_EQ(d.slice(d.length() - 1, d.length()), " ");
}

TEST(Document, SetTextClearsLayers) {
  Document d("x", "a b");
  d.tokens.push_back({});
  d.layers = Document::kText;
  d.setText("c");
  EXPECT_TRUE(d.tokens.empty());
  EXPECT_EQ(d.layers, 0u);
}

}  // namespace
}  // namespace annalist
