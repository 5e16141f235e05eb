#include "annalist/text/Tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace annalist::text {
namespace {

std::vector<std::string> forms(const Document& d) {
  std::vector<std::string> out;
  for (const auto& t : d.tokens) out.emplace_back(d.tokenText(t));
  return out;
}

TEST(Tokenizer, SplitsPunctuationAndClitics) {
  Document d("x", "Hamas' office didn't say, \xE2\x80\x9CThe U.S. won't.\xE2\x80\x9D");
  Tokenizer().annotate(d);
  EXPECT_EQ(forms(d), (std::vector<std::string>{"Hamas", "'", "office", "did", "n't", "say", ",",
                                                "\xE2\x80\x9C", "The", "U.S.", "wo", "n't", ".",
                                                "\xE2\x80\x9D"}));
  EXPECT_EQ(d.tokens[7].norm, "\"");
}

TEST(Tokenizer, KeepsHyphenatedNamesAndTitles) {
  Document d("x", "Gen. Saleh al-Arouri met Mr. Smith. He left.");
  Tokenizer().annotate(d);
  auto f = forms(d);
  EXPECT_EQ(f[0], "Gen.");
  EXPECT_EQ(f[2], "al-Arouri");
  ASSERT_EQ(d.sentences.size(), 2u);
}

TEST(Tokenizer, OffsetsRoundTrip) {
  Document d("x", "\xE2\x80\x9CWe hope,\xE2\x80\x9D he said.\n\nNew paragraph here.");
  Tokenizer().annotate(d);
  ASSERT_EQ(d.paragraphs.size(), 2u);
  for (const auto& t : d.tokens) {
    EXPECT_EQ(d.slice(t.start, t.end), d.tokenText(t));
  }
  for (const auto& s : d.sentences) {
    EXPECT_EQ(d.slice(s.start, s.end).substr(0, 1), d.tokenText(s.token_begin).substr(0, 1));
  }
}

}  // namespace
}  // namespace annalist::text
