// Actor dictionary benchmarks (docs/DICTIONARIES.md "Figures"):
//  - BM_LoadPhoenix: load time of every Phoenix actor and agent file (../shared).
//  - BM_LoadBuiltin: load time of the shipped dictionaries (+ iso-codes).
//  - BM_MatchBuiltinPhoenix: ActorDictionary::match throughput (tokens/s) with the built-in and
//    Phoenix dictionaries loaded together (100k+ names), over the PolNeAR article texts
//    tokenised once (a synthetic news text when ../shared is absent).
//  - BM_MatchBuiltinPhoenixSynthetic150k: the same plus 110k synthetic names (150k+ names).
//  - BM_ActorTaggerStage: the whole ActorTagger stage (matching + composition + codes).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "annalist/entities/ActorTagger.h"
#include "annalist/entities/DictionaryLoader.h"
#include "annalist/text/Tokenizer.h"

namespace {

using annalist::Document;
using annalist::entities::ActorDictionary;
using annalist::entities::Diagnostics;

std::string phoenixDir() {
  return std::string(ANNALIST_TEST_SHARED) + "/data/eventdata/petrarch-dictionaries/phoenix";
}

bool havePhoenix() {
  std::error_code ec;
  return std::filesystem::is_directory(phoenixDir(), ec);
}

// Adds `n` synthetic person names (1-3 pseudo-words from a fixed syllable table, deterministic
// LCG) so that the matcher is measured with a dictionary of 100k+ names.
void addSynthetic(ActorDictionary& d, size_t n) {
  static constexpr const char* kSyl[] = {"ka",  "ro", "mi",  "tan", "vel", "dor", "shi", "al",
                                         "ber", "qu", "zan", "lo",  "ne",  "ha",  "rik", "tu"};
  uint64_t x = 42;
  auto next = [&x] {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(x >> 33);
  };
  for (size_t i = 0; i < n; ++i) {
    std::string name;
    const uint32_t words = 1 + next() % 3;
    for (uint32_t w = 0; w < words; ++w) {
      if (w) name += ' ';
      const uint32_t syl = 2 + next() % 3;
      for (uint32_t k = 0; k < syl; ++k) name += kSyl[next() % 16];
    }
    const uint32_t a = d.addActor("SYN" + std::to_string(i));
    d.actor(a).type = "person";
    d.actor(a).code = "USAGOV";
    d.addName(name, a, annalist::entities::NameKind::kName, false, "synthetic");
  }
}

// The built-in dictionaries plus Phoenix (when present), finished; with `synthetic` extra
// names.
std::unique_ptr<ActorDictionary> makeDictionary(size_t synthetic) {
  auto d = std::make_unique<ActorDictionary>();
  Diagnostics diags;
  (void)annalist::entities::loadBuiltin(*d, diags);
  if (havePhoenix()) (void)annalist::entities::loadPetrarchPath(phoenixDir(), *d, diags);
  addSynthetic(*d, synthetic);
  d->finish();
  return d;
}

const ActorDictionary& fullDictionary() {
  static const std::unique_ptr<ActorDictionary> dict = makeDictionary(0);
  return *dict;
}

// Built-in + Phoenix + synthetic names: 150k+ names in all.
const ActorDictionary& hugeDictionary() {
  static const std::unique_ptr<ActorDictionary> dict = makeDictionary(110000);
  return *dict;
}

std::vector<Document> documents() {
  std::vector<std::string> texts;
  const std::filesystem::path dir =
      std::filesystem::path(ANNALIST_TEST_SHARED) / "data/quotes/polnear/train/text";
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) {
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(dir)) paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
      std::ifstream in(p, std::ios::binary);
      texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  if (texts.empty()) {
    for (int d = 0; d < 200; ++d) {
      std::string text;
      for (int i = 0; i < 40; ++i) {
        text +=
            "Iranian Foreign Minister Javad Zarif met Hamas deputy Saleh al-Arouri in Tehran on "
            "Sunday, while the United Nations Security Council and Israeli officials said the "
            "Gaza Strip talks would resume. ";
      }
      texts.push_back(std::move(text));
    }
  }
  std::vector<Document> docs;
  annalist::text::Tokenizer tok;
  for (size_t i = 0; i < texts.size(); ++i) {
    Document doc("bench" + std::to_string(i), texts[i]);
    tok.annotate(doc);
    docs.push_back(std::move(doc));
  }
  return docs;
}

void BM_LoadPhoenix(benchmark::State& state) {
  if (!havePhoenix()) {
    state.SkipWithError("../shared Phoenix dictionaries absent");
    return;
  }
  size_t names = 0;
  for (auto _ : state) {
    ActorDictionary d;
    Diagnostics diags;
    (void)annalist::entities::loadPetrarchPath(phoenixDir(), d, diags);
    d.finish();
    names = d.nameCount();
    benchmark::DoNotOptimize(names);
  }
  state.counters["names"] = static_cast<double>(names);
}
BENCHMARK(BM_LoadPhoenix)->Unit(benchmark::kMillisecond);

void BM_LoadBuiltin(benchmark::State& state) {
  size_t names = 0;
  for (auto _ : state) {
    ActorDictionary d;
    Diagnostics diags;
    (void)annalist::entities::loadBuiltin(d, diags);
    d.finish();
    names = d.nameCount();
    benchmark::DoNotOptimize(names);
  }
  state.counters["names"] = static_cast<double>(names);
}
BENCHMARK(BM_LoadBuiltin)->Unit(benchmark::kMillisecond);

void matchBenchmark(benchmark::State& state, const ActorDictionary& dict) {
  const std::vector<Document> docs = documents();
  std::vector<annalist::entities::NameMatch> out;
  size_t tokens = 0, matches = 0;
  for (auto _ : state) {
    for (const Document& doc : docs) {
      for (const auto& s : doc.sentences) {
        out.clear();
        dict.match(doc, s.token_begin, s.token_end, out);
        matches += out.size();
      }
      tokens += doc.tokens.size();
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["names"] = static_cast<double>(dict.nameCount());
  state.counters["matches/iter"] =
      static_cast<double>(matches) / static_cast<double>(std::max<int64_t>(state.iterations(), 1));
}
void BM_MatchBuiltinPhoenix(benchmark::State& state) {
  matchBenchmark(state, fullDictionary());
}
BENCHMARK(BM_MatchBuiltinPhoenix)->Unit(benchmark::kMillisecond);

void BM_MatchBuiltinPhoenixSynthetic150k(benchmark::State& state) {
  matchBenchmark(state, hugeDictionary());
}
BENCHMARK(BM_MatchBuiltinPhoenixSynthetic150k)->Unit(benchmark::kMillisecond);

void BM_ActorTaggerStage(benchmark::State& state) {
  auto dict = std::shared_ptr<const ActorDictionary>(&fullDictionary(), [](const auto*) {});
  annalist::entities::ActorTagger tagger(dict);
  const std::vector<Document> docs = documents();
  size_t tokens = 0;
  for (auto _ : state) {
    for (const Document& base : docs) {
      Document doc = base;
      benchmark::DoNotOptimize(tagger.process(doc));
      tokens += doc.tokens.size();
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ActorTaggerStage)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
