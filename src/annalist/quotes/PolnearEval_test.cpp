#include "annalist/quotes/PolnearEval.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace annalist::quotes {
namespace {

TEST(PolnearEval, ParsesBratRelationsWithDiscontinuousSpans) {
  const char* ann =
      "T1\tSource 0 5\tAlice\n"
      "T2\tCue 6 10\tsaid\n"
      "T3\tContent 11 20;25 30\tsomething else\n"
      "T4\tAttribution 6 10\tsaid\n"
      "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
      "T5\tCue 40 52\taccording to\n"
      "T6\tContent 31 39\tthe rest\n"
      "T7\tAttribution-no-source 40 52\taccording to\n"
      "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n"
      "#1\tAnnotatorNotes T1\tnote\n";
  auto gold = parseBratAttributions(ann);
  ASSERT_TRUE(gold.ok()) << gold.error().message;
  ASSERT_EQ(gold->size(), 2u);
  EXPECT_EQ((*gold)[0].content.size(), 2u);
  EXPECT_EQ((*gold)[0].content[1], (Span{25, 30}));
  EXPECT_EQ((*gold)[0].source[0], (Span{0, 5}));
  EXPECT_TRUE((*gold)[1].source.empty());
  EXPECT_EQ((*gold)[1].cue[0], (Span{40, 52}));
}

TEST(PolnearEval, RejectsBadOffsets) {
  auto gold = parseBratAttributions("T1\tContent 10 x\tfoo\n");
  ASSERT_FALSE(gold.ok());
  EXPECT_NE(gold.error().message.find("bad offsets"), std::string::npos);
}

TEST(PolnearEval, ScoresOverlapOneToOneAndSpeaker) {
  //                 0         1         2         3         4         5
  //                 0123456789012345678901234567890123456789012345678901234
  Document doc("d", "Bob said that the plan fails. \"We win,\" Ann said.");
  std::vector<GoldAttribution> gold(2);
  gold[0].source = {{0, 3}};
  gold[0].cue = {{4, 8}};
  gold[0].content = {{9, 28}};  // "that the plan fails"
  gold[1].source = {{40, 43}};
  gold[1].cue = {{44, 48}};
  gold[1].content = {{30, 39}};  // "\"We win,\""
  // Prediction 1 overlaps gold 0 by 14/19 chars and is exact after trimming? no: starts later.
  Quote q1;
  q1.content = {14, 28};  // "the plan fails"
  q1.cue = Span{4, 8};
  q1.speaker = Span{0, 3};
  Quote q2;
  q2.content = {31, 37};  // "We win" (marks and comma excluded): exact after trimming
  q2.cue = Span{44, 48};
  q2.speaker = Span{9, 13};  // wrong speaker
  Quote q3;                  // a spurious prediction overlapping nothing
  q3.content = {0, 3};
  doc.quotes = {q1, q2, q3};
  QuoteScores s = scoreDocument(doc, gold);
  EXPECT_EQ(s.gold, 2u);
  EXPECT_EQ(s.predicted, 3u);
  EXPECT_EQ(s.overlap_match, 2u);
  EXPECT_EQ(s.exact_match, 1u);
  EXPECT_EQ(s.cue_correct, 2u);
  EXPECT_EQ(s.gold_with_source, 2u);
  EXPECT_EQ(s.speaker_correct, 1u);
  EXPECT_NEAR(QuoteScores::f1(2, 2, 3), 80.0, 1e-9);
}

TEST(PolnearEval, OverlapMustCoverHalfOfBoth) {
  Document doc("d", std::string(100, 'a'));
  std::vector<GoldAttribution> gold(1);
  gold[0].content = {{0, 100}};
  Quote q;
  q.content = {0, 40};  // covers 40% of the gold
  doc.quotes = {q};
  EXPECT_EQ(scoreDocument(doc, gold).overlap_match, 0u);
  doc.quotes[0].content = {0, 60};
  EXPECT_EQ(scoreDocument(doc, gold).overlap_match, 1u);
}

TEST(PolnearEval, ListsDevArticlesWithOneAnnotatorEach) {
  const std::string dir = std::string(ANNALIST_TEST_SHARED) + "/data/quotes/polnear/dev";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "PolNeAR not found at " << dir;
  auto arts = listPolnear(dir, 5);
  ASSERT_TRUE(arts.ok()) << arts.error().message;
  ASSERT_EQ(arts->size(), 5u);
  for (size_t i = 1; i < arts->size(); ++i) EXPECT_LT((*arts)[i - 1].name, (*arts)[i].name);
  EXPECT_FALSE(listPolnear("/nonexistent").ok());
}

}  // namespace
}  // namespace annalist::quotes

// Regression floor on held-out PolNeAR articles (the first 30 dev articles), just under the
// figures measured with the token-layout finder (docs/QUOTES.md): overlap F1 55.9, speaker
// accuracy 82.4.
#include "annalist/coref/CorefResolver.h"
#include "annalist/quotes/QuoteFinder.h"
#include "annalist/text/Tokenizer.h"

namespace annalist::quotes {
namespace {

TEST(PolnearEval, DevSubsetFloor) {
  const std::string dir = std::string(ANNALIST_TEST_SHARED) + "/data/quotes/polnear/dev";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "PolNeAR not found at " << dir;
  auto arts = listPolnear(dir, 30);
  ASSERT_TRUE(arts.ok()) << arts.error().message;
  text::Tokenizer tok;
  coref::CorefResolver coref;
  QuoteFinder finder;
  auto scores = evaluatePolnear(*arts, [&](Document& d) {
    Status s = tok.process(d);
    if (s) s = coref.process(d);
    if (s) s = finder.process(d);
    return s;
  });
  ASSERT_TRUE(scores.ok()) << scores.error().message;
  const double f1 = QuoteScores::f1(scores->overlap_match, scores->gold, scores->predicted);
  const double speaker =
      100.0 * static_cast<double>(scores->speaker_correct) / scores->gold_with_source;
  EXPECT_GE(f1, 53.0) << scores->report();
  EXPECT_GE(speaker, 79.0) << scores->report();
}

}  // namespace
}  // namespace annalist::quotes
