// Tokenizer + sentence splitter throughput (bytes/s of text), on the PolNeAR article texts when
// ../shared is present (one Document per article, as in the pipeline), else on a synthetic
// corpus. BM_TokenizeArticles is the figure reported in docs/TEXT.md.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "annalist/text/Tokenizer.h"

namespace {

std::vector<std::string> articles() {
  std::vector<std::string> out;
  const std::filesystem::path dir =
      std::filesystem::path(ANNALIST_TEST_SHARED) / "data/quotes/polnear/train/text";
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) {
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(dir)) paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
      std::ifstream in(p, std::ios::binary);
      out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  if (out.empty()) {
    for (int d = 0; d < 500; ++d) {
      std::string text;
      for (int i = 0; i < 40; ++i)
        text += "The U.S. envoy met Hamas\xE2\x80\x99 deputy on Sunday, officials said. ";
      out.push_back(std::move(text));
    }
  }
  return out;
}

size_t totalBytes(const std::vector<std::string>& docs) {
  size_t n = 0;
  for (const auto& d : docs) n += d.size();
  return n;
}

// One Document per article; the Document (text copy + layers) is built inside the loop.
void BM_TokenizeArticles(benchmark::State& state) {
  const std::vector<std::string> docs = articles();
  const size_t bytes = totalBytes(docs);
  annalist::text::Tokenizer tok;
  size_t tokens = 0;
  for (auto _ : state) {
    for (const std::string& text : docs) {
      annalist::Document doc("bench", text);
      tok.annotate(doc);
      tokens += doc.tokens.size();
      benchmark::DoNotOptimize(doc.tokens.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TokenizeArticles)->Unit(benchmark::kMillisecond);

// All articles as one large Document (blank-line separated): large layer vectors.
void BM_TokenizeOneDocument(benchmark::State& state) {
  std::string text;
  for (const std::string& d : articles()) text += d + "\n\n";
  annalist::text::Tokenizer tok;
  for (auto _ : state) {
    annalist::Document doc("bench", text);
    tok.annotate(doc);
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_TokenizeOneDocument)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
