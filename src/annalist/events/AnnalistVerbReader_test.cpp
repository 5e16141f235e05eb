#include "annalist/events/AnnalistVerbReader.h"

#include <gtest/gtest.h>

namespace annalist::events {
namespace {

TEST(AnnalistVerbReader, EntriesSetsAndSlots) {
  auto d = parseAnnalistVerbs(R"(# test
@TIES = ties | relations
verb restore | renew : ---   # comment
  obj=@TIES : 064
  obj=@TIES prep=with target=prep:with : 064
verb meet : 040
noun talks : 040:040
verb take +part : ---
)",
                              "t.verbs.txt");
  ASSERT_TRUE(d.ok()) << d.error().message;
  ASSERT_EQ(d->blockCount(), 4u);
  EXPECT_EQ(d->block(0).name, "RESTORE");
  EXPECT_EQ(d->block(0).code, "---");
  ASSERT_EQ(d->block(0).patterns.size(), 2u);
  const VerbPattern& p = d->block(0).patterns[1];
  ASSERT_EQ(p.slots.size(), 2u);
  EXPECT_EQ(p.slots[0].slot, SlotConstraint::Slot::kObject);
  EXPECT_NE(std::find(p.slots[0].words.begin(), p.slots[0].words.end(), "RELATIONS"),
            p.slots[0].words.end());
  EXPECT_EQ(p.slots[1].prep, "WITH");
  EXPECT_EQ(p.target_slot, "prep:WITH");
  EXPECT_GT(p.specificity, d->block(0).patterns[0].specificity);
  EXPECT_EQ(p.rule, "t.verbs.txt:5 RESTORE obj=@TIES prep=with target=prep:with : 064");
  ASSERT_NE(d->lookup("RENEWED"), nullptr);
  ASSERT_NE(d->lookup("MET"), nullptr);  // irregular past
  EXPECT_TRUE(d->block(2).nominal);
  ASSERT_NE(d->lookup("PARTS"), nullptr);
  EXPECT_EQ(d->lookup("PARTS")->front().head, 1u);
}

TEST(AnnalistVerbReader, ErrorsNameTheLine) {
  auto d = parseAnnalistVerbs("verb meet : 040\n  wrong=x : 041\n", "bad.txt");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message.find("bad.txt:2"), std::string::npos) << d.error().message;
  EXPECT_FALSE(parseAnnalistVerbs("  obj=x : 040\n", "b").ok());
  EXPECT_FALSE(parseAnnalistVerbs("verb x : 040\n  obj=@NOPE : 041\n", "b").ok());
  EXPECT_FALSE(parseAnnalistVerbs("verb x 040\n", "b").ok());
}

TEST(AnnalistVerbReader, OptionsFlagsAndSourceSlots) {
  auto d = parseAnnalistVerbs(R"(verb meet : 040 mutual
  prep=with : 040
verb receive : ---
  obj=aid prep=from source=prep:from : 070
option target=optional
verb protest : 141
option target=required
verb condemn : 122
)",
                              "t.verbs.txt");
  ASSERT_TRUE(d.ok()) << d.error().message;
  ASSERT_EQ(d->blockCount(), 4u);
  EXPECT_TRUE(d->block(0).mutual);
  EXPECT_EQ(d->block(0).code, "040");
  EXPECT_FALSE(d->block(0).patterns[0].mutual);  // the entry's flag covers its default code
  EXPECT_TRUE(d->block(1).patterns[0].slot_is_source);
  EXPECT_EQ(d->block(1).patterns[0].target_slot, "prep:FROM");
  EXPECT_FALSE(d->block(1).target_optional);
  EXPECT_TRUE(d->block(2).target_optional);
  EXPECT_FALSE(d->block(3).target_optional);
  for (uint32_t i = 0; i < d->blockCount(); ++i) EXPECT_TRUE(d->block(i).tree_args);
  EXPECT_FALSE(parseAnnalistVerbs("verb x : 040 sometimes\n", "b").ok());
  EXPECT_FALSE(parseAnnalistVerbs("option target=maybe\n", "b").ok());
}

TEST(AnnalistVerbReader, SetsCarryOverToLaterFiles) {
  auto first = parseAnnalistVerbs("@TIES = ties | relations\n", "00.verbs.txt");
  ASSERT_TRUE(first.ok());
  auto second =
      parseAnnalistVerbs("verb restore : ---\n  obj=@TIES : 064\n", "01.verbs.txt", &first.value());
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_FALSE(parseAnnalistVerbs("verb restore : ---\n  obj=@TIES : 064\n", "01").ok());
}

TEST(AnnalistVerbReader, ShippedDictionaryLoads) {
  auto d = loadAnnalistVerbs(std::string(ANNALIST_TEST_DATA) + "/dictionaries/verbs");
  ASSERT_TRUE(d.ok()) << d.error().message;
  auto s = d->stats();
  EXPECT_GT(s.blocks, 200u);
  EXPECT_GT(s.patterns, 500u);
  for (const char* w : {"CONDEMN", "MET", "PRAISED", "ATTACKED", "ARRESTED", "THREATENS", "SHELLED",
                        "EXPELLED", "VETOED", "PLEDGED", "KIDNAPPED", "DEPLOYED"}) {
    EXPECT_NE(d->lookup(w), nullptr) << w;
  }
}

}  // namespace
}  // namespace annalist::events
