#include "annalist/ner/Iob2.h"

#include <gtest/gtest.h>

#include "annalist/ner/GumReader.h"

namespace annalist::ner {
namespace {

constexpr std::string_view kUner =
    "# newdoc id = doc-a\n"
    "# sent_id = doc-a-1\n"
    "# text = Hamas met Iran\n"
    "1\tHamas\tB-ORG\t-\t-\n"
    "2\tmet\tO\t-\t-\n"
    "3\tIran\tB-LOC\t-\tstephen\n"
    "\n"
    "# sent_id = doc-a-2\n"
    "1\tSaleh\tB-PER\t-\t-\n"
    "2\tal-Arouri\tI-PER\t-\t-\n"
    "\n";

TEST(Iob2, ParsesUnerLayout) {
  auto r = parseIob2(kUner, "mem");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  const auto& s = (*r)[0];
  EXPECT_EQ(s.doc_id, "doc-a");
  EXPECT_EQ(s.sent_id, "doc-a-1");
  EXPECT_EQ(s.words, (std::vector<std::string>{"Hamas", "met", "Iran"}));
  EXPECT_EQ(s.tags, (std::vector<std::string>{"B-ORG", "O", "B-LOC"}));
  EXPECT_EQ(s.comments.size(), 3u);
  EXPECT_EQ(s.lines[2], "3\tIran\tB-LOC\t-\tstephen");
  EXPECT_EQ((*r)[1].doc_id, "doc-a");  // the newdoc id stays in force
  EXPECT_EQ((*r)[1].tags[1], "I-PER");
}

TEST(Iob2, AcceptsTwoColumnsAndNoTrailingBlankLine) {
  auto r = parseIob2("Paris\tB-LOC\nis\tO", "mem");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].words.size(), 2u);
}

TEST(Iob2, ErrorsNameTheLine) {
  auto bad_tag = parseIob2("1\tParis\tX-LOC\n", "f.iob2");
  ASSERT_FALSE(bad_tag.ok());
  EXPECT_NE(bad_tag.error().message.find("f.iob2:1"), std::string::npos);
  EXPECT_NE(bad_tag.error().message.find("X-LOC"), std::string::npos);
  auto bad_cols = parseIob2("1\tParis\tO\n2\n", "f.iob2");
  ASSERT_FALSE(bad_cols.ok());
  EXPECT_NE(bad_cols.error().message.find("f.iob2:2"), std::string::npos);
}

TEST(Iob2, SplitIsDeterministicAndByDocument) {
  EXPECT_EQ(splitPart("answers-20111108093942AAYQ8mR_ans"),
            splitPart("answers-20111108093942AAYQ8mR_ans"));
  std::vector<TaggedSentence> all;
  for (int d = 0; d < 200; ++d) {
    for (int s = 0; s < 3; ++s) {
      TaggedSentence t;
      t.doc_id = "doc" + std::to_string(d);
      all.push_back(t);
    }
  }
  auto test = all, train = all, tune = all, both = all;
  ASSERT_TRUE(filterParts(test, "test"));
  ASSERT_TRUE(filterParts(train, "train"));
  ASSERT_TRUE(filterParts(tune, "tune"));
  ASSERT_TRUE(filterParts(both, "train,tune"));
  EXPECT_EQ(test.size() + train.size() + tune.size(), all.size());
  EXPECT_EQ(both.size(), train.size() + tune.size());
  EXPECT_GT(test.size(), 60u);   // about 20% of 600
  EXPECT_LT(test.size(), 200u);  // ... not everything
  for (const auto& s : test) EXPECT_EQ(splitPart(s.doc_id), "test");
  auto bad = all;
  EXPECT_FALSE(filterParts(bad, "dev"));
}

TEST(GumReader, DerivesNamedEntitiesFromMentions) {
  // "President Barack Obama visited the University of Portsmouth ." with GUM-style mentions:
  // person (1-3, head Obama), organization (5-8, head University) with a nested place (8).
  const std::string conllu =
      "# newdoc id = GUM_test\n"
      "# sent_id = GUM_test-1\n"
      "1\tPresident\tpresident\tPROPN\tNNP\t_\t3\tcompound\t_\tEntity=(1-person-new-x-c-3-"
      "coref-Barack_Obama\n"
      "2\tBarack\tBarack\tPROPN\tNNP\t_\t3\tflat\t_\t_\n"
      "3\tObama\tObama\tPROPN\tNNP\t_\t4\tnsubj\t_\tEntity=1)\n"
      "4\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-organization-new-x-c-2-sgl-UoP\n"
      "6\tUniversity\tuniversity\tPROPN\tNNP\t_\t4\tobj\t_\t_\n"
      "7\tof\tof\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "8\tPortsmouth\tPortsmouth\tPROPN\tNNP\t_\t6\tnmod\t_\tEntity=(3-place-new-x-c-1-sgl)2)\n"
      "9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
      "\n"
      "# sent_id = GUM_test-2\n"
      "1\tAmericans\tAmerican\tPROPN\tNNPS\t_\t2\tnsubj\t_\tEntity=(4-person-new-x-c-1-sgl)\n"
      "2\tcame\tcome\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "\n";
  auto r = parseGumConllu(conllu, "mem");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].tags, (std::vector<std::string>{"O", "B-PER", "I-PER", "O", "O", "B-ORG",
                                                    "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ((*r)[0].doc_id, "GUM_test");
  // Plural proper-noun persons are nationality groups: not tagged.
  EXPECT_EQ((*r)[1].tags, (std::vector<std::string>{"O", "O"}));
}

TEST(GumReader, NameInAppositionToACommonNounAndTitlesInsideTheRun) {
  // "English captain Harry Kane met U.S. President Barack Obama ." The first mention's head is
  // the common noun "captain" with the name in apposition; in the second the run of proper
  // nouns holds a title, and the name starts after it.
  const std::string conllu =
      "# newdoc id = GUM_test2\n"
      "# sent_id = GUM_test2-1\n"
      "1\tEnglish\tEnglish\tADJ\tJJ\t_\t2\tamod\t_\tEntity=(1-person-new-x-c-2-sgl\n"
      "2\tcaptain\tcaptain\tNOUN\tNN\t_\t5\tnsubj\t_\t_\n"
      "3\tHarry\tHarry\tPROPN\tNNP\t_\t2\tappos\t_\t_\n"
      "4\tKane\tKane\tPROPN\tNNP\t_\t3\tflat\t_\tEntity=1)\n"
      "5\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "6\tU.S.\tU.S.\tPROPN\tNNP\t_\t9\tcompound\t_\tEntity=(2-person-new-x-c-3-sgl\n"
      "7\tPresident\tpresident\tPROPN\tNNP\t_\t9\tcompound\t_\t_\n"
      "8\tBarack\tBarack\tPROPN\tNNP\t_\t9\tflat\t_\t_\n"
      "9\tObama\tObama\tPROPN\tNNP\t_\t5\tobj\t_\tEntity=2)\n"
      "10\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n"
      "\n";
  auto r = parseGumConllu(conllu, "mem");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].tags, (std::vector<std::string>{"O", "O", "B-PER", "I-PER", "O", "O", "O",
                                                    "B-PER", "I-PER", "O"}));
}

TEST(TaggedSentence, LowerCaseCopyKeepsTagsInADocumentOfItsOwn) {
  TaggedSentence s;
  s.doc_id = "d";
  s.sent_id = "d-1";
  s.words = {"Restaurant", "in", "San", "Rafael", "CA", "?"};
  s.tags = {"O", "O", "B-LOC", "I-LOC", "B-LOC", "O"};
  TaggedSentence low;
  ASSERT_TRUE(lowerCaseCopy(s, low));
  EXPECT_EQ(low.words, (std::vector<std::string>{"restaurant", "in", "san", "rafael", "ca", "?"}));
  EXPECT_EQ(low.tags, s.tags);
  EXPECT_EQ(low.sent_id, "d-1");
  EXPECT_NE(low.doc_id, s.doc_id);
  TaggedSentence untouched;
  untouched.words = {"x"};
  EXPECT_FALSE(lowerCaseCopy(low, untouched));
  EXPECT_EQ(untouched.words, (std::vector<std::string>{"x"}));
}

TEST(TaggedSentence, EntityInventoryCollectsNamesByType) {
  TaggedSentence a, b;
  a.words = {"Taco", "Bell", "in", "Tampa"};
  a.tags = {"B-ORG", "I-ORG", "O", "B-LOC"};
  b.words = {"Tampa", "and", "Paris", "cafe"};
  b.tags = {"B-LOC", "O", "B-LOC", "B-MISC"};
  const auto inv = entityInventory({a, b}, {"PER", "ORG", "LOC"});
  EXPECT_EQ(inv.count("MISC"), 0u);
  EXPECT_EQ(inv.count("PER"), 0u);
  ASSERT_EQ(inv.at("ORG").size(), 1u);
  EXPECT_EQ(inv.at("ORG")[0], (std::vector<std::string>{"Taco", "Bell"}));
  // Duplicates kept (frequent names are drawn more often), in order of occurrence.
  EXPECT_EQ(inv.at("LOC"),
            (std::vector<std::vector<std::string>>{{"Tampa"}, {"Tampa"}, {"Paris"}}));
  EXPECT_EQ(namesOfEntries({"Gaza Strip", "Iran"}),
            (std::vector<std::vector<std::string>>{{"Gaza", "Strip"}, {"Iran"}}));
}

TEST(TaggedSentence, MentionReplacementKeepsContextTagsAndCaseStyle) {
  TaggedSentence s;
  s.doc_id = "d";
  s.sent_id = "d-1";
  s.words = {"thanks", "josh", "and", "Mary", "at", "IBM", "!"};
  s.tags = {"O", "B-PER", "O", "B-PER", "O", "B-ORG", "O"};
  EntityNames inventory{{"PER", {{"Kim", "Jong", "Il"}}}, {"ORG", {{"Hamas"}}}};
  const EntityNames no_lists;
  std::mt19937_64 rng(1);
  TaggedSentence out;
  ASSERT_TRUE(mentionReplacementCopy(s, inventory, no_lists, rng, out));
  EXPECT_EQ(out.words, (std::vector<std::string>{"thanks", "kim", "jong", "il", "and", "Kim",
                                                 "Jong", "Il", "at", "HAMAS", "!"}));
  EXPECT_EQ(out.tags, (std::vector<std::string>{"O", "B-PER", "I-PER", "I-PER", "O", "B-PER",
                                                "I-PER", "I-PER", "O", "B-ORG", "O"}));
  EXPECT_EQ(out.sent_id, "d-1");
  EXPECT_NE(out.doc_id, s.doc_id);
  // With names in the lists too, both sources are drawn; the same seed gives the same copy.
  const EntityNames lists{{"PER", {{"Suzanne"}}}, {"ORG", {{"Hamas"}}}};
  bool list_name = false, inventory_name = false;
  std::mt19937_64 r1(7), r2(7);
  for (int k = 0; k < 20; ++k) {
    TaggedSentence x, y;
    ASSERT_TRUE(mentionReplacementCopy(s, inventory, lists, r1, x));
    ASSERT_TRUE(mentionReplacementCopy(s, inventory, lists, r2, y));
    EXPECT_EQ(x.words, y.words);
    list_name = list_name || x.words[1] == "suzanne";
    inventory_name = inventory_name || x.words[1] == "kim";
  }
  EXPECT_TRUE(list_name);
  EXPECT_TRUE(inventory_name);
  // No entity of a known type: no copy, `out` untouched.
  TaggedSentence plain;
  plain.words = {"no", "names"};
  plain.tags = {"O", "O"};
  TaggedSentence untouched;
  untouched.words = {"x"};
  EXPECT_FALSE(mentionReplacementCopy(plain, inventory, lists, rng, untouched));
  EXPECT_EQ(untouched.words, (std::vector<std::string>{"x"}));
}

}  // namespace
}  // namespace annalist::ner
