// NER tagging throughput (tokens/s) with the shipped model (data/models/ner.bin): the model
// alone on pre-tokenised sentences (UNER when ../shared is present, else a synthetic corpus),
// and the NerTagger stage over a tokenised Document.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "annalist/ner/DocumentBuilder.h"
#include "annalist/ner/Iob2.h"
#include "annalist/ner/NerTagger.h"

namespace {

using annalist::ner::NerModel;
using annalist::ner::TaggedSentence;

std::vector<TaggedSentence> sentences() {
  const std::string path = std::string(ANNALIST_TEST_SHARED) + "/data/ner/uner_en_ewt-dev.iob2";
  if (std::filesystem::exists(path)) {
    if (auto s = annalist::ner::readIob2File(path); s.ok()) return std::move(s).value();
  }
  std::vector<TaggedSentence> out(2000);
  for (auto& s : out) {
    s.words = {"Iranian", "official", "Kharrazi", "met",    "Saleh", "al-Arouri", "of",   "Hamas",
               "in",      "Tehran",   "on",       "Sunday", ",",     "officials", "said", "."};
  }
  return out;
}

const NerModel& model() {
  static const NerModel m = [] {
    auto r = NerModel::load(std::string(ANNALIST_TEST_DATA) + "/models/ner.bin");
    if (!r.ok()) return NerModel();
    return std::move(r).value();
  }();
  return m;
}

void BM_NerModelTag(benchmark::State& state) {
  const auto sents = sentences();
  const NerModel& m = model();
  if (m.types().empty()) {
    state.SkipWithError("data/models/ner.bin missing or unreadable");
    return;
  }
  std::vector<std::vector<std::string_view>> views;
  for (const auto& s : sents) views.emplace_back(s.words.begin(), s.words.end());
  NerModel::Scratch scratch;
  size_t tokens = 0;
  for (auto _ : state) {
    for (const auto& v : views) {
      m.tag(v, scratch);
      tokens += v.size();
      benchmark::DoNotOptimize(scratch.labels.data());
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_NerModelTag)->Unit(benchmark::kMillisecond);

void BM_NerTaggerStage(benchmark::State& state) {
  const auto sents = sentences();
  auto tagger =
      annalist::ner::NerTagger::fromFile(std::string(ANNALIST_TEST_DATA) + "/models/ner.bin");
  if (!tagger.ok()) {
    state.SkipWithError(tagger.error().message.c_str());
    return;
  }
  const annalist::Document base = annalist::ner::documentFromSentences(sents, "bench");
  size_t tokens = 0;
  for (auto _ : state) {
    annalist::Document doc = base;
    benchmark::DoNotOptimize((*tagger)->process(doc));
    tokens += doc.tokens.size();
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_NerTaggerStage)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
