// Tagger, lemmatizer and parser throughput (tokens/s, one thread) with the shipped models on
// the EWT dev sentences (gold tokenisation); skipped when models or data are absent.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "annalist/syntax/Corpus.h"
#include "annalist/syntax/SyntaxAnnotator.h"

namespace {

using namespace annalist::syntax;

struct Fixture {
  std::unique_ptr<SyntaxAnnotator> annotator;
  std::shared_ptr<const Tagger> tagger;
  std::shared_ptr<const Lemmatizer> lemmatizer;
  std::shared_ptr<const Parser> parser;
  std::vector<AnnotatedSentence> sentences;
  size_t words = 0;
  std::string error;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture x;
    const std::string dir = std::string(ANNALIST_TEST_DATA) + "/models";
    auto t = Tagger::load(dir + "/" + kTaggerFile);
    auto l = Lemmatizer::load(dir + "/" + kLemmatizerFile);
    auto p = Parser::load(dir + "/" + kParserFile);
    if (!t.ok() || !l.ok() || !p.ok()) {
      x.error = "models missing in " + dir;
      return x;
    }
    x.tagger = std::make_shared<const Tagger>(std::move(t).value());
    x.lemmatizer = std::make_shared<const Lemmatizer>(std::move(l).value());
    x.parser = std::make_shared<const Parser>(std::move(p).value());
    x.annotator = std::make_unique<SyntaxAnnotator>(x.tagger, x.lemmatizer, x.parser);
    auto data = readConllu({std::string(ANNALIST_TEST_SHARED) + "/data/ud/en_ewt-ud-dev.conllu"});
    if (!data.ok()) {
      x.error = data.error().message;
      return x;
    }
    x.sentences = std::move(data).value();
    for (const auto& s : x.sentences) x.words += s.size();
    return x;
  }();
  return f;
}

std::vector<std::string_view> views(const std::vector<std::string>& v) {
  return {v.begin(), v.end()};
}

void BM_Tag(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  std::vector<uint16_t> classes;
  for (auto _ : state) {
    for (const auto& s : f.sentences) {
      f.tagger->predict(views(s.words), classes);
      benchmark::DoNotOptimize(classes.data());
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(f.words),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Tag)->Unit(benchmark::kMillisecond);

void BM_Lemma(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  for (auto _ : state) {
    for (const auto& s : f.sentences) {
      for (size_t i = 0; i < s.size(); ++i) {
        std::string l = f.lemmatizer->lemma(s.words[i], s.upos[i], s.xpos[i]);
        benchmark::DoNotOptimize(l.data());
      }
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(f.words),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Lemma)->Unit(benchmark::kMillisecond);

void BM_Parse(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  std::vector<int> heads;
  std::vector<uint16_t> labels;
  for (auto _ : state) {
    for (const auto& s : f.sentences) {
      f.parser->parse(views(s.words), views(s.upos), views(s.xpos), heads, labels);
      benchmark::DoNotOptimize(heads.data());
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(f.words),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);

// Tag + lemma + parse through the pipeline stage, on Documents with gold tokens.
void BM_TagLemmaParse(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  annalist::Document doc;
  for (const auto& s : f.sentences) {
    const auto begin = static_cast<uint32_t>(doc.tokens.size());
    for (const auto& w : s.words) {
      annalist::Token t;
      t.norm = w;
      doc.tokens.push_back(std::move(t));
    }
    annalist::Sentence sent;
    sent.token_begin = begin;
    sent.token_end = static_cast<uint32_t>(doc.tokens.size());
    doc.sentences.push_back(sent);
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(f.annotator->process(doc).isOk());
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(f.words),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_TagLemmaParse)->Unit(benchmark::kMillisecond);

void BM_LoadModels(benchmark::State& state) {
  const std::string dir = std::string(ANNALIST_TEST_DATA) + "/models";
  for (auto _ : state) {
    auto a = SyntaxAnnotator::load(dir);
    if (!a.ok()) return state.SkipWithError(a.error().message.c_str());
    benchmark::DoNotOptimize(a.value().get());
  }
}
BENCHMARK(BM_LoadModels)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
