// Golden test of the actor layer through the real pipeline (tokenizer, syntax, NER model,
// built-in dictionaries, ActorTagger) on the founding example article (../shared; skipped
// when absent). What `annalist annotate` and `annalist code` see.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "annalist/io/DocumentSource.h"
#include "annalist/pipeline/PipelineBuilder.h"

namespace annalist {
namespace {

TEST(PipelineActors, ExampleArticleGolden) {
  const std::string path = std::string(ANNALIST_TEST_SHARED) + "/examples/000_c50303a9743e5fee.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data absent: " << path;
  PipelineConfig config;
  config.upto = PipelineConfig::Upto::kEntities;
  auto pipeline = buildPipeline(config);
  ASSERT_TRUE(pipeline.ok()) << pipeline.error().message;
  io::DocumentSource src({path}, {});
  io::ReadItem item;
  ASSERT_TRUE(src.next(item));
  ASSERT_TRUE(item.doc.has_value());
  Document& doc = *item.doc;
  ASSERT_TRUE(doc.date.has_value());
  ASSERT_TRUE(pipeline->process(doc).isOk());

  // text -> codes (and types) of its actor mentions.
  std::multimap<std::string, std::string> got;
  std::string all;
  for (const Mention& m : doc.mentions) {
    if (m.source == "pronoun" || m.source == "nominal") continue;
    const std::string text(doc.slice(m.start, m.end));
    got.emplace(text, m.code + "/" + m.type);
    all += text + "=" + m.code + "/" + m.type + "; ";
  }
  // `code` exact, `type` one of the '|'-separated types.
  auto expect = [&](const std::string& text, const std::string& code, const std::string& types) {
    auto [b, e] = got.equal_range(text);
    bool ok = false;
    for (auto it = b; it != e; ++it) {
      const std::string& v = it->second;
      const size_t slash = v.find('/');
      const std::string c = v.substr(0, slash), t = v.substr(slash + 1);
      ok = ok || (c == code && ("|" + types + "|").find("|" + t + "|") != std::string::npos);
    }
    EXPECT_TRUE(ok) << "'" << text << "' should be " << code << " (" << types << "); got: " << all;
  };
  expect("Iran", "IRN", "LOC|GPE");
  expect("Hamas", "PSEREB", "ORG");
  expect("Kharrazi", "IRNGOV", "PER");  // head of the SCFRI in 2019
  expect("Saleh al-Arouri", "PSEREB", "PER");
  expect("SCFRI", "IRNGOV", "ORG");
  expect("Palestine", "PSE", "LOC|GPE");
  expect("Palestinian people", "PSECVL", "PER");
  expect("Israel", "ISR", "LOC|GPE");
  expect("Americans", "USA", "NORP|PER");
  expect("Islamic Republic", "IRN", "LOC|GPE");
  expect("Islamic Republic of Iran", "IRN", "LOC|GPE");
  expect("Gaza Strip", "PSE", "LOC|GPE");
  expect("Qods", "PSE", "LOC|GPE");
  expect("Iranian official", "IRNGOV", "PER");
  // No bare fragment of a longer name survives.
  EXPECT_EQ(got.count("Republic"), 0u) << all;
  // Every mention's character span is the span of its tokens.
  for (const Mention& m : doc.mentions) {
    ASSERT_LT(m.token_begin, m.token_end);
    ASSERT_LE(m.token_end, doc.tokens.size());
    EXPECT_EQ(m.start, doc.tokens[m.token_begin].start);
    EXPECT_EQ(m.end, doc.tokens[m.token_end - 1].end);
  }
}

}  // namespace
}  // namespace annalist
