#include "annalist/quotes/CueModel.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

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

TEST(CueModel, StoresWordClassesAndWritesThemBack) {
  auto m = CueModel::parse(
      "annalist-quote-cues 1\nthreshold 0.4 0.1\n2\tb\nC\tv:say\t32\nC\tn:senator\t18\n");
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->size(), 1u);
  ASSERT_NE(m->wordClass("v:say"), nullptr);
  EXPECT_EQ(*m->wordClass("v:say"), "32");
  EXPECT_EQ(m->wordClass("v:boycott"), nullptr);
  auto again = CueModel::parse(m->serialize());
  ASSERT_TRUE(again.ok()) << again.error().message;
  ASSERT_NE(again->wordClass("n:senator"), nullptr);
  EXPECT_EQ(*again->wordClass("n:senator"), "18");
  EXPECT_FALSE(CueModel::parse("annalist-quote-cues 1\nthreshold 0.5 0.1\nC\tv:say\n").ok());
}

TEST(CueModel, ReadsWordNetVerbClassesAndPersonNouns) {
  const std::string dir = "/usr/share/wordnet";
  if (!std::filesystem::exists(dir + "/index.verb")) GTEST_SKIP() << "no WordNet in " << dir;
  auto wn = CueModel::readWordNetClasses(dir);
  ASSERT_TRUE(wn.ok()) << wn.error().message;
  // "say": verb.communication (32) first; "believe": verb.cognition (31) first.
  ASSERT_TRUE(wn->count("v:say"));
  EXPECT_EQ(wn->at("v:say").substr(0, 2), "32");
  ASSERT_TRUE(wn->count("v:believe"));
  EXPECT_EQ(wn->at("v:believe").substr(0, 2), "31");
  // Nouns: people and groups only.
  ASSERT_TRUE(wn->count("n:senator"));
  EXPECT_EQ(wn->at("n:senator").substr(0, 2), "18");
  EXPECT_FALSE(wn->count("n:pipeline"));
  EXPECT_FALSE(CueModel::readWordNetClasses("/nonexistent").ok());
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
