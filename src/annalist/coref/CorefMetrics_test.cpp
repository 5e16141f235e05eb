#include "annalist/coref/CorefMetrics.h"

#include <gtest/gtest.h>

namespace annalist::coref {
namespace {

// key {a,b,c} {d,e}; response {a,b} {c,d,e}: scores computed by hand.
TEST(CorefMetrics, HandComputedExample) {
  const Clustering key = {{1, 2, 3}, {4, 5}};
  const Clustering resp = {{1, 2}, {3, 4, 5}};
  CorefScores s = scoreClusters(key, resp);
  EXPECT_NEAR(s.muc.recall(), 2.0 / 3.0, 1e-9);
  EXPECT_NEAR(s.muc.precision(), 2.0 / 3.0, 1e-9);
  EXPECT_NEAR(s.b3.recall(), 11.0 / 15.0, 1e-9);
  EXPECT_NEAR(s.b3.precision(), 11.0 / 15.0, 1e-9);
  EXPECT_NEAR(s.ceafe.recall(), 0.8, 1e-9);
  EXPECT_NEAR(s.ceafe.precision(), 0.8, 1e-9);
  EXPECT_NEAR(s.conllF1(), (2.0 / 3.0 + 11.0 / 15.0 + 0.8) / 3.0, 1e-9);
}

TEST(CorefMetrics, PerfectAndEmpty) {
  const Clustering key = {{1, 2, 3}, {4, 5}};
  CorefScores s = scoreClusters(key, key);
  EXPECT_NEAR(s.conllF1(), 1.0, 1e-9);
  CorefScores e = scoreClusters(key, {});
  EXPECT_EQ(e.muc.f1(), 0.0);
  EXPECT_EQ(e.b3.precision(), 0.0);
}

TEST(CorefMetrics, MucIgnoresSingletonResponseMentionsMissingFromKey) {
  // Response links a mention the key does not have: MUC precision 0 for that link.
  const Clustering key = {{1, 2}};
  const Clustering resp = {{1, 9}};
  PRF m = muc(key, resp);
  EXPECT_EQ(m.r_num, 0.0);
  EXPECT_EQ(m.r_den, 1.0);
  EXPECT_EQ(m.p_num, 0.0);
  EXPECT_EQ(m.p_den, 1.0);
}

TEST(CorefMetrics, AssignmentFindsTheOptimum) {
  // Greedy would take 0.9 then 0.1; the optimum is 0.8 + 0.8.
  EXPECT_NEAR(maxAssignment({{0.9, 0.8}, {0.8, 0.1}}), 1.6, 1e-9);
  EXPECT_NEAR(maxAssignment({{0.5}, {0.7}}), 0.7, 1e-9);
  EXPECT_NEAR(maxAssignment({{0.5, 0.6, 0.1}}), 0.6, 1e-9);
}

}  // namespace
}  // namespace annalist::coref
