#include "annalist/ner/NerEval.h"

#include <gtest/gtest.h>

namespace annalist::ner {
namespace {

using Tags = std::vector<std::string>;

TEST(NerEval, ExtractsChunksConllevalStyle) {
  // A stray I- after O starts an entity; a type change inside I- splits it.
  const auto c = extractChunks({"B-PER", "I-PER", "O", "I-LOC", "I-LOC", "I-ORG", "B-ORG"});
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0], (Chunk{"PER", 0, 2}));
  EXPECT_EQ(c[1], (Chunk{"LOC", 3, 5}));
  EXPECT_EQ(c[2], (Chunk{"ORG", 5, 6}));
  EXPECT_EQ(c[3], (Chunk{"ORG", 6, 7}));
  EXPECT_TRUE(extractChunks({"O", "O"}).empty());
  EXPECT_EQ(extractChunks({"B-LOC"}).front(), (Chunk{"LOC", 0, 1}));
}

TEST(NerEval, PartialMatchesAreErrors) {
  NerScorer s;
  // gold: [Saleh al-Arouri]PER met [Hamas]ORG in [Gaza Strip]LOC
  const Tags gold = {"B-PER", "I-PER", "O", "B-ORG", "O", "B-LOC", "I-LOC"};
  // pred: PER correct, ORG typed LOC (wrong), LOC only partly (wrong span)
  const Tags pred = {"B-PER", "I-PER", "O", "B-LOC", "O", "B-LOC", "O"};
  s.add(gold, pred);
  EXPECT_EQ(s.overall().gold, 3u);
  EXPECT_EQ(s.overall().predicted, 3u);
  EXPECT_EQ(s.overall().correct, 1u);
  EXPECT_NEAR(s.overall().precision(), 100.0 / 3, 1e-9);
  EXPECT_NEAR(s.overall().recall(), 100.0 / 3, 1e-9);
  EXPECT_NEAR(s.overall().f1(), 100.0 / 3, 1e-9);
  EXPECT_EQ(s.byType().at("LOC").gold, 1u);
  EXPECT_EQ(s.byType().at("LOC").predicted, 2u);
  EXPECT_EQ(s.byType().at("LOC").correct, 0u);
  EXPECT_EQ(s.byType().at("PER").correct, 1u);
  EXPECT_EQ(s.tokens(), 7u);
  EXPECT_EQ(s.correctTokens(), 5u);

  // A second sentence: a predicted entity where there is none, a missed one.
  s.add({"O", "B-PER"}, {"B-ORG", "O"});
  EXPECT_EQ(s.overall().gold, 4u);
  EXPECT_EQ(s.overall().predicted, 4u);
  EXPECT_EQ(s.overall().correct, 1u);
  EXPECT_NE(s.report().find("overall"), std::string::npos);
}

TEST(NerEval, EmptyScoresAreZeroNotNan) {
  NerScorer s;
  s.add({"O"}, {"O"});
  EXPECT_EQ(s.overall().f1(), 0.0);
  EXPECT_EQ(s.overall().precision(), 0.0);
}

}  // namespace
}  // namespace annalist::ner
