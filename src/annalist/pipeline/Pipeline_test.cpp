#include "annalist/pipeline/Pipeline.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "annalist/text/Tokenizer.h"

namespace annalist {
namespace {

std::vector<std::string> runWith(int threads, const std::string& dir) {
  Pipeline p;
  p.add(std::make_unique<text::Tokenizer>());
  io::DocumentSource src({dir}, {});
  std::vector<std::string> out;
  RunOptions opt;
  opt.threads = threads;
  auto summary = runPipeline(p, src, opt, [&](const Document* d, const io::DocError* e) {
    out.push_back(d ? d->id() + ":" + std::to_string(d->tokens.size()) : "ERR:" + e->doc_id);
  });
  EXPECT_EQ(summary.read, out.size());
  EXPECT_EQ(summary.read, summary.processed + summary.failed);
  return out;
}

TEST(Pipeline, OutputOrderIndependentOfThreads) {
  const auto dir = std::filesystem::temp_directory_path() / "annalist_pipeline_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (int i = 0; i < 200; ++i) {
    std::ofstream f(dir / ("doc" + std::to_string(1000 + i) + ".txt"), std::ios::binary);
    if (i % 37 == 5) {
      f << "bad \xFE";
    } else {
      for (int k = 0; k <= i % 13; ++k) f << "Sentence number " << k << " is here. ";
    }
  }
  const auto one = runWith(1, dir.string());
  ASSERT_EQ(one.size(), 200u);
  EXPECT_EQ(one[5], "ERR:doc1005");
  EXPECT_EQ(runWith(2, dir.string()), one);
  EXPECT_EQ(runWith(7, dir.string()), one);
}

}  // namespace
}  // namespace annalist
