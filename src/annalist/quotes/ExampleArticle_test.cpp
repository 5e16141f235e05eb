// Golden test on the founding example article: every quotation found and attributed to
// Kharrazi or Saleh al-Arouri (through coreference), and Kharrazi's mentions in one cluster.
// Runs twice: tokenizer + coref + quotes only, and the real pipeline (tagger, parser, NER,
// actor dictionaries, coref, quotes) with the shipped models in data/models.
#include <gtest/gtest.h>

#include <filesystem>

#include "annalist/coref/CorefResolver.h"
#include "annalist/io/DocumentSource.h"
#include "annalist/pipeline/PipelineBuilder.h"
#include "annalist/quotes/QuoteFinder.h"
#include "annalist/text/Tokenizer.h"

namespace annalist::quotes {
namespace {

const std::string kExample =
    std::string(ANNALIST_TEST_SHARED) + "/examples/000_c50303a9743e5fee.txt";

const std::string kModels = std::string(ANNALIST_TEST_DATA) + "/models";

// full = false: tokenizer + coref + quotes; full = true: the real pipeline up to quotes.
Document annotateExample(bool full) {
  io::DocumentSource src({kExample}, io::ReadOptions{});
  io::ReadItem item;
  EXPECT_TRUE(src.next(item));
  EXPECT_TRUE(item.doc.has_value());
  Document doc = std::move(*item.doc);
  if (full) {
    PipelineConfig config;
    config.upto = PipelineConfig::Upto::kQuotes;
    config.models_dir = kModels;
    auto pipeline = buildPipeline(config);
    EXPECT_TRUE(pipeline.ok()) << pipeline.error().message;
    if (pipeline.ok()) {
      EXPECT_TRUE(pipeline->process(doc).isOk());
    }
    return doc;
  }
  EXPECT_TRUE(text::Tokenizer().process(doc).isOk());
  EXPECT_TRUE(coref::CorefResolver().process(doc).isOk());
  EXPECT_TRUE(QuoteFinder().process(doc).isOk());
  return doc;
}

class ExampleArticle : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kExample)) GTEST_SKIP() << "example not found: " << kExample;
    if (GetParam() && !std::filesystem::exists(kModels + "/en_parser.bin")) {
      GTEST_SKIP() << "no trained models in " << kModels;
    }
  }
};

INSTANTIATE_TEST_SUITE_P(Pipelines, ExampleArticle, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "Full" : "TokensOnly"; });

TEST_P(ExampleArticle, EveryQuotationAttributed) {
  Document d = annotateExample(GetParam());
  struct Expect {
    const char* content_prefix;
    const char* speaker;
    const char* entity;
  };
  const Expect expected[] = {
      {"that the good relationship between Iran and Hamas", "the Iranian official", "Kharrazi"},
      {"In this meeting the issues of the Qods", "Kharrazi", "Kharrazi"},
      {"The policies of the enemies of Islam", "The former foreign minister", "Kharrazi"},
      {"The example of Palestinian resistance", "SCFRI head", "Kharrazi"},
      {"that the organizers of the meeting", "He", "Kharrazi"},
      {"that Hamas has always expressed its gratitude", "Saleh al-Arouri", "Saleh al-Arouri"},
      {"We have seen the Islamic Republic's support", "He", "Saleh al-Arouri"},
  };
  for (const auto& e : expected) {
    const Quote* found = nullptr;
    for (const auto& q : d.quotes) {
      if (d.slice(q.content).substr(0, std::string_view(e.content_prefix).size()) ==
          e.content_prefix) {
        found = &q;
      }
    }
    ASSERT_NE(found, nullptr) << "missing quote: " << e.content_prefix;
    ASSERT_TRUE(found->speaker.has_value()) << e.content_prefix;
    EXPECT_EQ(d.slice(*found->speaker), e.speaker) << e.content_prefix;
    ASSERT_GE(found->speaker_entity, 0) << e.content_prefix;
    EXPECT_EQ(d.entities[found->speaker_entity].name, e.entity) << e.content_prefix;
  }
  // Nothing else is a quotation in this article.
  EXPECT_EQ(d.quotes.size(), std::size(expected));
  // "The Deal of the Century" is a title, not a quotation.
  for (const auto& q : d.quotes) EXPECT_NE(d.slice(q.content), "The Deal of the Century");
}

TEST_P(ExampleArticle, KharraziMentionsInOneCluster) {
  Document d = annotateExample(GetParam());
  int kharrazi = -1;
  for (const auto& m : d.mentions)
    if (d.slice(m.start, m.end) == "Kharrazi") kharrazi = m.entity;
  ASSERT_GE(kharrazi, 0);
  std::vector<std::string> texts;
  for (uint32_t mi : d.entities[kharrazi].mentions) {
    const Mention& m = d.mentions[mi];
    texts.emplace_back(d.slice(m.start, m.end));
  }
  // The entity layer's agent phrases leave out determiners and adjectives ("foreign
  // minister"), so a mention matches when the wanted phrase ends with its text.
  for (std::string_view want :
       {"the Iranian official", "Kharrazi", "The former foreign minister", "SCFRI head", "He"}) {
    bool found = false;
    for (const std::string& t : texts) {
      found = found || (!t.empty() && want.size() >= t.size() &&
                        want.substr(want.size() - t.size()) == t && t.size() * 2 > want.size());
    }
    EXPECT_TRUE(found) << want;
  }
  // Saleh al-Arouri is another person.
  for (const auto& m : d.mentions) {
    if (d.slice(m.start, m.end) == "Saleh al-Arouri") {
      EXPECT_NE(m.entity, kharrazi);
    }
  }
}

}  // namespace
}  // namespace annalist::quotes
