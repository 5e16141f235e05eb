#include "annalist/pipeline/PipelineBuilder.h"

#include <fmt/format.h>

#include "annalist/coref/CorefResolver.h"
#include "annalist/entities/ActorTagger.h"
#include "annalist/entities/DictionaryLoader.h"
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

Result<std::shared_ptr<const entities::ActorDictionary>> loadActorDictionaries(
    const PipelineConfig& config) {
  auto dict = std::make_shared<entities::ActorDictionary>();
  entities::Diagnostics diags;  // data problems are reported by `annalist dict check`
  bool builtin = config.dictionaries.empty();
  for (const DictionarySpec& s : config.dictionaries) builtin = builtin || s.kind == "builtin";
  if (builtin) {
    Status st = entities::loadBuiltin(*dict, diags);
    if (!st.isOk()) return st.error();
  }
  for (const DictionarySpec& s : config.dictionaries) {
    if (s.kind == "builtin") continue;
    Status st = entities::loadDictionarySpec(s.kind, s.paths, *dict, diags);
    if (!st.isOk()) return st.error();
  }
  dict->finish();
  return std::shared_ptr<const entities::ActorDictionary>(std::move(dict));
}

Result<Pipeline> buildPipeline(const PipelineConfig& config) {
  Pipeline p;
  p.add(std::make_unique<text::Tokenizer>());
  // Later stages (syntax, entities, coref, quotes, events) are added here by their modules,
  // each guarded by `config.upto`.
  using Upto = PipelineConfig::Upto;
  // ---- entities: dictionary actors (after NER, which adds its mentions first) ----
  if (config.upto >= PipelineConfig::Upto::kEntities) {
    auto actors = loadActorDictionaries(config);
    if (!actors.ok()) return actors.error();
    p.add(std::make_unique<entities::ActorTagger>(*actors));
  }
  // coref and quotes (owner: quotes)
  if (config.upto >= Upto::kCoref) p.add(std::make_unique<coref::CorefResolver>());
  if (config.upto >= Upto::kQuotes) p.add(std::make_unique<quotes::QuoteFinder>());
  return p;
}

}  // namespace annalist
