#include "annalist/coref/GumCorpus.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace annalist::coref {
namespace {

TEST(GumCorpus, ParsesNestedBracketsAndSentences) {
  const char* conll =
      "# begin document x\n"
      "0\tLord\t(person-1-Lord_Byron\n"
      "1\tByron\tperson-1)\n"
      "2\tsaw\t_\n"
      "3\this\t(abstract-2(person-1)\n"
      "4\tschool\tabstract-2)\n"
      "5\t.\t_\n"
      "6\tHe\t(person-1)\n"
      "7\tleft\t_\n"
      "8\t.\t_\n"
      "# end document\n";
  const char* tsv =
      "#Text=Lord Byron saw his school .\n"
      "1-1\t0-4\tLord\n1-2\t5-10\tByron\n1-3\t11-14\tsaw\n1-4\t15-18\this\n1-5\t19-25\tschool\n"
      "1-6\t26-27\t.\n\n#Text=He left .\n2-1\t28-30\tHe\n2-2\t31-35\tleft\n2-3\t36-37\t.\n";
  auto g = parseGum("x", conll, tsv);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ(g->doc.tokens.size(), 9u);
  ASSERT_EQ(g->doc.sentences.size(), 2u);
  EXPECT_EQ(g->doc.sentences[1].token_begin, 6u);
  EXPECT_EQ(g->doc.tokenText(3), "his");
  ASSERT_EQ(g->mentions.size(), 4u);
  Clustering all = goldClusters(*g, {}, 1);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].size(), 3u);  // Lord Byron, his, He
  Clustering people = goldClusters(*g, {"person"}, 2);
  EXPECT_EQ(people.size(), 1u);
}

TEST(GumCorpus, RejectsUnbalancedBrackets) {
  auto g = parseGum("x", "0\tA\tperson-3)\n", "");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.error().message.find("without opening"), std::string::npos);
}

TEST(GumCorpus, ReadsDevDirectory) {
  const std::string dir = std::string(ANNALIST_TEST_SHARED) + "/data/coref/gum-dev";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "GUM not found at " << dir;
  auto docs = readGumDir(dir, 2);
  ASSERT_TRUE(docs.ok()) << docs.error().message;
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_GT((*docs)[0].doc.sentences.size(), 10u);
  EXPECT_GT((*docs)[0].mentions.size(), 50u);
}

TEST(GumCorpus, ResponseLeavesOutANameInsideItsOwnPhrase) {
  Document doc("x", "the United States and the United States");
  auto mention = [&](uint32_t b, uint32_t e, uint32_t head, int entity) {
    Mention m;
    m.token_begin = b;
    m.token_end = e;
    m.head_token = head;
    m.entity = entity;
    doc.mentions.push_back(m);
  };
  mention(0, 3, 2, 0);  // the United States (phrase headed by "States")
  mention(1, 3, 2, 0);  // United States (the name inside it): left out
  mention(4, 7, 6, 0);
  mention(5, 7, 6, 1);  // another entity: kept
  Entity a, b;
  a.id = 0;
  a.mentions = {0, 1, 2};
  b.id = 1;
  b.mentions = {3};
  doc.entities = {a, b};
  const Clustering c = responseClusters(doc, 1);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].size(), 2u);
  EXPECT_EQ(c[1].size(), 1u);
  // Restricted to entity types: only the GPE entity remains.
  doc.entities[0].type = "GPE";
  doc.entities[1].type = "MISC";
  const Clustering typed = responseClusters(doc, 1, {"PER", "ORG", "GPE", "LOC"});
  ASSERT_EQ(typed.size(), 1u);
  EXPECT_EQ(typed[0].size(), 2u);
}

}  // namespace
}  // namespace annalist::coref
