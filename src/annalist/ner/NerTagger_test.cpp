#include "annalist/ner/NerTagger.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "annalist/ner/DocumentBuilder.h"
#include "annalist/ner/Iob2.h"
#include "annalist/ner/NerEval.h"
#include "annalist/ner/NerTrainer.h"
#include "annalist/text/Tokenizer.h"

namespace annalist::ner {
namespace {

// Since session 6 the shipped model is trained on the whole UNER file, test part included
// (docs/NER.md: the held-out figures are those of the same recipe without the test part: 74.8 on
// it), so this is a regression floor on data it saw (99.3 measured): a broken model file, feature
// extraction or decoder falls far below it.
constexpr double kShippedUnerFloor = 95.0;
const std::string kShippedModel = std::string(ANNALIST_TEST_DATA) + "/models/ner.bin";

std::shared_ptr<const NerModel> tinyModel() {
  std::vector<TaggedSentence> data(2);
  data[0].words = {"Kharrazi", "met", "Hamas", "in", "Tehran", "."};
  data[0].tags = {"B-PER", "O", "B-ORG", "O", "B-LOC", "O"};
  data[1].words = {"Saleh", "al-Arouri", "left", "Gaza", "."};
  data[1].tags = {"B-PER", "I-PER", "O", "B-LOC", "O"};
  NerTrainOptions o;
  o.epochs = 6;
  auto m = trainNer(data, {}, Gazetteers{}, Lexicon{}, o);
  EXPECT_TRUE(m.ok());
  return std::make_shared<const NerModel>(std::move(m).value());
}

TEST(NerTagger, AddsMentionsWithExactSpans) {
  std::vector<TaggedSentence> sents(2);
  sents[0].words = {"Kharrazi", "met", "Hamas", "in", "Tehran", "."};
  sents[1].words = {"Saleh", "al-Arouri", "left", "Gaza", "."};
  Document doc = documentFromSentences(sents, "d1");
  ASSERT_EQ(doc.tokens.size(), 11u);
  NerTagger tagger(tinyModel());
  ASSERT_TRUE(tagger.process(doc).isOk());
  EXPECT_TRUE(doc.has(Document::kMentions));
  ASSERT_EQ(doc.mentions.size(), 5u);
  const Mention& m = doc.mentions[3];
  EXPECT_EQ(m.type, "PER");
  EXPECT_EQ(m.source, "ner");
  EXPECT_EQ(m.sentence, 1u);
  EXPECT_EQ(m.token_begin, 6u);
  EXPECT_EQ(m.token_end, 8u);
  EXPECT_EQ(doc.slice(m.start, m.end), "Saleh al-Arouri");
  EXPECT_TRUE(m.code.empty());
  EXPECT_TRUE(m.actor_id.empty());
  for (const Mention& x : doc.mentions) {
    EXPECT_EQ(doc.slice(x.start, x.end),
              doc.slice(doc.tokens[x.token_begin].start, doc.tokens[x.token_end - 1].end));
  }
  const auto tags = tagsFromMentions(doc);
  EXPECT_EQ(tags[0], "B-PER");
  EXPECT_EQ(tags[7], "I-PER");
  EXPECT_EQ(tags[1], "O");
}

TEST(NerTagger, MissingModelFileIsAClearError) {
  auto t = NerTagger::fromFile("/nonexistent/dir/ner.bin");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message.find("/nonexistent/dir/ner.bin"), std::string::npos);
}

// Golden test on the founding example article with the shipped model.
TEST(NerTagger, GoldenExampleArticle) {
  const std::string path = std::string(ANNALIST_TEST_SHARED) + "/examples/000_c50303a9743e5fee.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "example article absent: " << path;
  auto tagger = NerTagger::fromFile(kShippedModel);
  ASSERT_TRUE(tagger.ok()) << tagger.error().message;
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Document doc("example", text);
  text::Tokenizer().annotate(doc);
  ASSERT_TRUE((*tagger)->process(doc).isOk());
  std::set<std::pair<std::string, std::string>> found;
  for (const Mention& m : doc.mentions) {
    EXPECT_EQ(m.source, "ner");
    found.emplace(std::string(doc.slice(m.start, m.end)), m.type);
  }
  for (const auto& want :
       std::vector<std::pair<std::string, std::string>>{{"Kharrazi", "PER"},
                                                        {"Saleh al-Arouri", "PER"},
                                                        {"Hamas", "ORG"},
                                                        {"Iran", "LOC"},
                                                        {"Israel", "LOC"},
                                                        {"Gaza Strip", "LOC"}}) {
    EXPECT_TRUE(found.count(want)) << want.first << " as " << want.second << " not found";
  }
}

// The shipped model on the "test" part of UNER (document-hash split): the same computation as
// `annalist eval ner --parts test --sentence-level`.
TEST(NerTagger, ShippedModelUnerFloor) {
  const std::string path = std::string(ANNALIST_TEST_SHARED) + "/data/ner/uner_en_ewt-dev.iob2";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "UNER data absent: " << path;
  auto model = NerModel::load(kShippedModel);
  ASSERT_TRUE(model.ok()) << model.error().message;
  auto gold = readIob2File(path);
  ASSERT_TRUE(gold.ok()) << gold.error().message;
  ASSERT_TRUE(filterParts(*gold, "test"));
  NerScorer scorer;
  for (const auto& s : *gold) scorer.add(s.tags, model->tag(s.words));
  EXPECT_GT(scorer.overall().gold, 150u);
  EXPECT_GE(scorer.overall().f1(), kShippedUnerFloor) << scorer.report();
}

}  // namespace
}  // namespace annalist::ner
