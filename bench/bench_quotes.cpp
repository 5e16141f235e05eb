// Coreference + quotation finding cost, on the first 200 PolNeAR train articles when ../shared
// is present (else a synthetic corpus). Reported in docs/QUOTES.md:
//  * BM_Tokenize vs BM_TokenizeCorefQuotes: coref + quotes relative to tokenisation alone;
//  * BM_Pipeline/<upto>: the real pipeline (tagger, parser, NER, actors, coref, quotes,
//    events with the shipped models) up to entities (1), quotes (3) and events (4): the share
//    of coref + quotes is (quotes - entities) / events;
//  * BM_QuotesStage vs BM_CopyDocs: the quotes stage alone (with the shipped cue model) on the
//    same articles annotated up to coref beforehand (each iteration copies the documents);
//  * BM_CorefStage vs BM_CopyDocs: the coreference stage alone, on them annotated up to entities.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "annalist/coref/CorefResolver.h"
#include "annalist/pipeline/PipelineBuilder.h"
#include "annalist/quotes/CueModel.h"
#include "annalist/quotes/QuoteFinder.h"
#include "annalist/text/Tokenizer.h"

namespace {

const std::vector<std::string>& articles() {
  static const std::vector<std::string> docs = [] {
    std::vector<std::string> out;
    const std::filesystem::path dir =
        std::filesystem::path(ANNALIST_TEST_SHARED) / "data/quotes/polnear/train/text";
    std::error_code ec;
    if (std::filesystem::is_directory(dir, ec)) {
      std::vector<std::filesystem::path> paths;
      for (const auto& e : std::filesystem::directory_iterator(dir)) paths.push_back(e.path());
      std::sort(paths.begin(), paths.end());
      if (paths.size() > 200) paths.resize(200);
      for (const auto& p : paths) {
        std::ifstream in(p, std::ios::binary);
        out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      }
    }
    if (out.empty()) {
      for (int d = 0; d < 200; ++d) {
        std::string text;
        for (int i = 0; i < 20; ++i) {
          text +=
              "\"We will not accept this,\" the Iranian official said. Kharrazi added that the "
              "talks would continue. According to officials, he met Saleh al-Arouri.\n\n";
        }
        out.push_back(std::move(text));
      }
    }
    return out;
  }();
  return docs;
}

int64_t totalBytes() {
  int64_t n = 0;
  for (const auto& d : articles()) n += static_cast<int64_t>(d.size());
  return n;
}

void BM_Tokenize(benchmark::State& state) {
  annalist::text::Tokenizer tok;
  for (auto _ : state) {
    for (const auto& text : articles()) {
      annalist::Document doc("b", text);
      tok.annotate(doc);
      benchmark::DoNotOptimize(doc.tokens.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * totalBytes());
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_TokenizeCorefQuotes(benchmark::State& state) {
  annalist::text::Tokenizer tok;
  annalist::coref::CorefResolver coref;
  annalist::quotes::QuoteFinder quotes;
  for (auto _ : state) {
    for (const auto& text : articles()) {
      annalist::Document doc("b", text);
      tok.annotate(doc);
      (void)coref.process(doc);
      (void)quotes.process(doc);
      benchmark::DoNotOptimize(doc.quotes.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * totalBytes());
}
BENCHMARK(BM_TokenizeCorefQuotes)->Unit(benchmark::kMillisecond);

void BM_TokenizeCoref(benchmark::State& state) {
  annalist::text::Tokenizer tok;
  annalist::coref::CorefResolver coref;
  for (auto _ : state) {
    for (const auto& text : articles()) {
      annalist::Document doc("b", text);
      tok.annotate(doc);
      (void)coref.process(doc);
      benchmark::DoNotOptimize(doc.entities.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * totalBytes());
}
BENCHMARK(BM_TokenizeCoref)->Unit(benchmark::kMillisecond);

// The real pipeline up to a stage: 1 = entities, 2 = coref, 3 = quotes, 4 = events.
void BM_Pipeline(benchmark::State& state) {
  using Upto = annalist::PipelineConfig::Upto;
  annalist::PipelineConfig config;
  const Upto stages[] = {Upto::kSyntax, Upto::kEntities, Upto::kCoref, Upto::kQuotes,
                         Upto::kEvents};
  config.upto = stages[state.range(0)];
  config.models_dir = std::string(ANNALIST_TEST_DATA) + "/models";
  auto pipeline = annalist::buildPipeline(config);
  if (!pipeline.ok()) {
    state.SkipWithError(pipeline.error().message.c_str());
    return;
  }
  for (auto _ : state) {
    for (const auto& text : articles()) {
      annalist::Document doc("b", text);
      (void)pipeline->process(doc);
      benchmark::DoNotOptimize(doc.tokens.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * totalBytes());
}
BENCHMARK(BM_Pipeline)->Arg(1)->Arg(2)->Arg(3)->Arg(4)->Unit(benchmark::kMillisecond);

// The articles annotated up to a stage by the real pipeline (once, outside the timings).
std::vector<annalist::Document> annotatedUpTo(annalist::PipelineConfig::Upto upto) {
  std::vector<annalist::Document> out;
  annalist::PipelineConfig config;
  config.upto = upto;
  config.models_dir = std::string(ANNALIST_TEST_DATA) + "/models";
  auto pipeline = annalist::buildPipeline(config);
  if (!pipeline.ok()) return out;
  for (const auto& text : articles()) {
    annalist::Document doc("b", text);
    (void)pipeline->process(doc);
    out.push_back(std::move(doc));
  }
  return out;
}

const std::vector<annalist::Document>& corefDocs() {
  static const std::vector<annalist::Document> docs =
      annotatedUpTo(annalist::PipelineConfig::Upto::kCoref);
  return docs;
}

const std::vector<annalist::Document>& entityDocs() {
  static const std::vector<annalist::Document> docs =
      annotatedUpTo(annalist::PipelineConfig::Upto::kEntities);
  return docs;
}

void BM_CopyDocs(benchmark::State& state) {
  if (corefDocs().empty()) {
    state.SkipWithError("cannot build the pipeline");
    return;
  }
  for (auto _ : state) {
    for (const auto& d : corefDocs()) {
      annalist::Document doc = d;
      benchmark::DoNotOptimize(doc.tokens.data());
    }
  }
}
BENCHMARK(BM_CopyDocs)->Unit(benchmark::kMillisecond);

void BM_QuotesStage(benchmark::State& state) {
  if (corefDocs().empty()) {
    state.SkipWithError("cannot build the pipeline");
    return;
  }
  std::shared_ptr<const annalist::quotes::CueModel> model;
  auto m = annalist::quotes::CueModel::fromFile(std::string(ANNALIST_TEST_DATA) +
                                                "/models/quote_cues.txt");
  if (m.ok()) model = std::make_shared<const annalist::quotes::CueModel>(std::move(m).value());
  const annalist::quotes::QuoteFinder quotes(model);
  for (auto _ : state) {
    for (const auto& d : corefDocs()) {
      annalist::Document doc = d;
      (void)quotes.process(doc);
      benchmark::DoNotOptimize(doc.quotes.data());
    }
  }
}
BENCHMARK(BM_QuotesStage)->Unit(benchmark::kMillisecond);

// The coreference stage alone, on the same articles annotated up to entities; with
// BM_QuotesStage and BM_CopyDocs it gives the coref + quotes cost without the whole-pipeline
// differences of BM_Pipeline, which swing by ±10 % between runs.
void BM_CorefStage(benchmark::State& state) {
  if (entityDocs().empty()) {
    state.SkipWithError("cannot build the pipeline");
    return;
  }
  const annalist::coref::CorefResolver coref;
  for (auto _ : state) {
    for (const auto& d : entityDocs()) {
      annalist::Document doc = d;
      (void)coref.process(doc);
      benchmark::DoNotOptimize(doc.mentions.data());
    }
  }
}
BENCHMARK(BM_CorefStage)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
