// Tokenizer + sentence splitter throughput (bytes/s), on the PolNeAR texts when ../shared is
// present, else on a synthetic corpus.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "annalist/text/Tokenizer.h"

namespace {

std::string corpus() {
  std::string all;
  const std::filesystem::path dir =
      std::filesystem::path(ANNALIST_TEST_SHARED) / "data/quotes/polnear/train/text";
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) {
    size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      std::ifstream in(e.path(), std::ios::binary);
      all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      all += "\n\n";
      if (++n == 200) break;
    }
  }
  if (all.empty()) {
    for (int i = 0; i < 20000; ++i)
      all += "The U.S. envoy met Hamas\xE2\x80\x99 deputy on Sunday, officials said. ";
  }
  return all;
}

void BM_Tokenize(benchmark::State& state) {
  const std::string text = corpus();
  annalist::text::Tokenizer tok;
  size_t tokens = 0;
  for (auto _ : state) {
    annalist::Document doc("bench", text);
    tok.annotate(doc);
    tokens += doc.tokens.size();
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
