#include "annalist/events/CameoTable.h"

#include <gtest/gtest.h>

namespace annalist::events {
namespace {

TEST(CameoTable, LoadsShippedTable) {
  auto t = CameoTable::load(std::string(ANNALIST_TEST_DATA) + "/dictionaries/cameo.tsv");
  ASSERT_TRUE(t.ok()) << t.error().message;
  // 20 roots and every 3/4-digit code of CAMEO 1.1b3.
  for (int r = 1; r <= 20; ++r) {
    const std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    ASSERT_NE(t->find(root), nullptr) << root;
    EXPECT_NE(t->find(root + "0"), nullptr) << root;
  }
  EXPECT_GT(t->size(), 300u);
  const CameoCode* c = t->find("043");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "Host a visit");
  EXPECT_EQ(c->quad_class, 1);
  EXPECT_EQ(c->plover_event, "CONSULT");
  EXPECT_EQ(c->plover_mode, "visit");
  EXPECT_EQ(t->find("122")->quad_class, 3);
  EXPECT_EQ(t->find("0874")->quad_class, 2);
  EXPECT_EQ(t->find("190")->quad_class, 4);
  EXPECT_DOUBLE_EQ(t->find("190")->goldstein, -10.0);
  EXPECT_DOUBLE_EQ(t->find("057")->goldstein, 8.0);
  EXPECT_EQ(t->find("051")->plover_event, "SUPPORT");
  EXPECT_EQ(t->find("1823")->plover_event, "ASSAULT");
}

TEST(CameoTable, ResolvesThroughPrefixes) {
  auto t = CameoTable::parse(
      "01\t1\t0.0\t\t\t\tMake public statement\n"
      "17\t4\t-7.0\tCOERCE\t\t\tCoerce\n"
      "174\t4\t-5.0\tCOERCE\tdeport\tlegal\tExpel\n",
      "test");
  ASSERT_TRUE(t.ok());
  ASSERT_NE(t->resolve("174K"), nullptr);
  EXPECT_EQ(t->resolve("174K")->code, "174");
  EXPECT_EQ(t->resolve("1799")->code, "17");
  EXPECT_EQ(t->resolve("---"), nullptr);
  EXPECT_EQ(t->resolve("903"), nullptr);
  EXPECT_EQ(CameoTable::root("0431"), "04");
  EXPECT_EQ(CameoTable::root("---"), "");
}

TEST(CameoTable, RejectsBadLines) {
  auto t = CameoTable::parse("043\t9\t1.0\t\t\t\tHost\n", "bad.tsv");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message.find("bad.tsv:1"), std::string::npos);
  EXPECT_FALSE(CameoTable::parse("04x\t1\t1.0\t\t\t\tX\n", "b").ok());
  EXPECT_FALSE(CameoTable::parse("043\t1\t1.0\n", "b").ok());
}

}  // namespace
}  // namespace annalist::events
