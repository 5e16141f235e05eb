#include "annalist/pipeline/PipelineBuilder.h"

#include <fmt/format.h>

#include "annalist/core/DataPath.h"
#include "annalist/coref/CorefResolver.h"
#include "annalist/ner/NerTagger.h"
#include "annalist/quotes/QuoteFinder.h"
#include "annalist/text/Tokenizer.h"

namespace annalist {

Result<DictionarySpec> parseDictionarySpec(const std::string& spec) {
  DictionarySpec out;
  if (spec == "builtin") {
    out.kind = "builtin";
    return out;
  }
  const size_t colon = spec.find(':');
  if (colon == std::string::npos || colon + 1 >= spec.size()) {
    return Error::invalid(fmt::format(
        "bad --dictionaries '{}': expected builtin, annalist:DIR, petrarch:DIR or tabari:FILE",
        spec));
  }
  out.kind = spec.substr(0, colon);
  if (out.kind != "annalist" && out.kind != "petrarch" && out.kind != "tabari") {
    return Error::invalid(fmt::format("bad --dictionaries kind '{}' in '{}'", out.kind, spec));
  }
  // Several paths may be given separated by commas: tabari:a.actors,b.verbs
  std::string rest = spec.substr(colon + 1);
  size_t start = 0;
  while (start <= rest.size()) {
    const size_t comma = rest.find(',', start);
    const std::string part =
        rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!part.empty()) out.paths.push_back(part);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

Result<Pipeline> buildPipeline(const PipelineConfig& config) {
  Pipeline p;
  p.add(std::make_unique<text::Tokenizer>());
  // Later stages (syntax, entities, coref, quotes, events) are added here by their modules,
  // each guarded by `config.upto`.
  using Upto = PipelineConfig::Upto;
  // Statistical NER (src/annalist/ner): mentions with source "ner" for the actors stage.
  if (config.upto >= Upto::kEntities) {
    const std::string path =
        (config.models_dir.empty() ? dataPath("models") : config.models_dir) + "/ner.bin";
    auto ner = ner::NerTagger::fromFile(path);
    if (!ner.ok()) {
      return Error(ner.error().kind,
                   fmt::format("cannot load the NER model: {}", ner.error().message));
    }
    p.add(std::move(ner).value());
  }
  // coref and quotes (owner: quotes)
  if (config.upto >= Upto::kCoref) p.add(std::make_unique<coref::CorefResolver>());
  if (config.upto >= Upto::kQuotes) p.add(std::make_unique<quotes::QuoteFinder>());
  return p;
}

}  // namespace annalist
