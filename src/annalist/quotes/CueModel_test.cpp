#include "annalist/quotes/CueModel.h"

#include <gtest/gtest.h>

#include <cmath>

namespace annalist::quotes {
namespace {

TEST(CueModel, ParsesAndScoresWithTheLogisticFunction) {
  auto m = CueModel::parse("annalist-quote-cues 1\nthreshold 0.4 0.1\n2\tb\n-3\tl=Vsay\n");
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_DOUBLE_EQ(m->threshold(), 0.4);
  EXPECT_DOUBLE_EQ(m->dropThreshold(), 0.1);
  EXPECT_EQ(m->size(), 2u);
  EXPECT_NEAR(m->score({"b"}), 1.0 / (1.0 + std::exp(-2.0)), 1e-12);
  EXPECT_NEAR(m->score({"b", "l=Vsay"}), 1.0 / (1.0 + std::exp(1.0)), 1e-12);
  EXPECT_DOUBLE_EQ(m->score({"unknown"}), 0.5);
}

TEST(CueModel, RejectsMalformedFilesWithTheLine) {
  EXPECT_FALSE(CueModel::parse("not a model\n").ok());
  EXPECT_FALSE(CueModel::parse("annalist-quote-cues 1\nthreshold x\n").ok());
  auto bad = CueModel::parse("annalist-quote-cues 1\nthreshold 0.5 0.1\n1.0 no-tab\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("line 3"), std::string::npos) << bad.error().message;
  EXPECT_FALSE(CueModel::fromFile("/nonexistent/quote_cues.txt").ok());
}

TEST(CueModel, LearnsASeparableProblemDeterministically) {
  // "l=Vendorse" marks positives, "l=Vsee" negatives; "b" is shared noise.
  std::vector<CueExample> ex;
  for (int i = 0; i < 40; ++i) {
    ex.push_back({{"b", "l=Vendorse", i % 2 ? "x" : "y"}, true});
    ex.push_back({{"b", "l=Vsee", i % 2 ? "x" : "y"}, false});
  }
  CueTrainOptions opt;
  opt.threshold = 0.45;
  opt.drop = 0.15;
  opt.epochs = 20;
  const CueModel a = CueModel::train(ex, opt);
  EXPECT_GT(a.score({"b", "l=Vendorse", "x"}), 0.8);
  EXPECT_LT(a.score({"b", "l=Vsee", "x"}), 0.2);
  const CueModel b = CueModel::train(ex, opt);
  EXPECT_EQ(a.serialize(), b.serialize());
  // The file round-trips, thresholds included.
  auto back = CueModel::parse(a.serialize());
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_DOUBLE_EQ(back->threshold(), 0.45);
  EXPECT_DOUBLE_EQ(back->dropThreshold(), 0.15);
  EXPECT_NEAR(back->score({"b", "l=Vendorse"}), a.score({"b", "l=Vendorse"}), 1e-5);
}

TEST(CueModel, MinCountDropsRareFeatures) {
  std::vector<CueExample> ex{{{"b", "rare"}, true}, {{"b"}, false}, {{"b"}, true}};
  CueTrainOptions opt;
  opt.min_count = 2;
  const CueModel m = CueModel::train(ex, opt);
  EXPECT_EQ(m.serialize().find("\trare"), std::string::npos);
}

}  // namespace
}  // namespace annalist::quotes
