#include "annalist/pipeline/PipelineBuilder.h"

#include <fmt/format.h>

#include "annalist/core/DataPath.h"
#include "annalist/quotes/QuoteFinder.h"
#include "annalist/syntax/SyntaxAnnotator.h"
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
  if (config.upto >= PipelineConfig::Upto::kSyntax) {
    const std::string dir = config.models_dir.empty() ? dataPath("models") : config.models_dir;
    auto stage = syntax::SyntaxAnnotator::load(dir);
    if (!stage.ok()) return stage.error();
    p.add(std::move(stage).value());
  }
  // Later stages (syntax, entities, coref, quotes, events) are added here by their modules,
  // each guarded by `config.upto`.
  using Upto = PipelineConfig::Upto;
  // quotes (owner: quotes)
  if (config.upto >= Upto::kQuotes) p.add(std::make_unique<quotes::QuoteFinder>());
  return p;
}

}  // namespace annalist
