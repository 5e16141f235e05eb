#include "annalist/pipeline/PipelineBuilder.h"

#include <fmt/format.h>
#include <filesystem>

#include "annalist/core/DataPath.h"
#include "annalist/coref/CorefResolver.h"
#include "annalist/entities/ActorTagger.h"
#include "annalist/entities/DictionaryLoader.h"
#include "annalist/events/AnnalistVerbReader.h"
#include "annalist/events/CameoTable.h"
#include "annalist/events/PetrarchVerbReader.h"
#include "annalist/ner/NerTagger.h"
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

// The quote finder's optional learned-cue model: null when the file does not exist.
static Result<std::shared_ptr<const quotes::CueModel>> loadQuoteCueModel(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::shared_ptr<const quotes::CueModel>();
  auto m = quotes::CueModel::fromFile(path);
  if (!m.ok()) return m.error();
  return std::shared_ptr<const quotes::CueModel>(
      std::make_shared<const quotes::CueModel>(std::move(m).value()));
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
  // ---- entities: dictionary actors (after NER, which adds its mentions first) ----
  if (config.upto >= PipelineConfig::Upto::kEntities) {
    auto actors = loadActorDictionaries(config);
    if (!actors.ok()) return actors.error();
    p.add(std::make_unique<entities::ActorTagger>(*actors));
  }
  // quotes (owner: quotes)
  // coref and quotes (owner: quotes)
  if (config.upto >= Upto::kCoref) p.add(std::make_unique<coref::CorefResolver>());
  if (config.upto >= Upto::kQuotes) {
    // The learned-cue model (quotes/CueModel.h) is optional: without the file the quote
    // finder runs its rules only.
    const std::string path =
        (config.models_dir.empty() ? dataPath("models") : config.models_dir) + "/quote_cues.txt";
    auto cues = loadQuoteCueModel(path);
    if (!cues.ok()) return cues.error();
    p.add(std::make_unique<quotes::QuoteFinder>(*cues));
  }
  // ---- events (owner: events) ----
  if (config.upto >= PipelineConfig::Upto::kEvents) {
    auto coder = buildEventCoder(config);
    if (!coder.ok()) return coder.error();
    p.add(std::move(coder.value()));
  }
  // ---- end events ----
  return p;
}

// ---- events (owner: events) ----
Result<std::shared_ptr<const events::VerbDictionary>> loadVerbDictionaries(
    const PipelineConfig& config) {
  auto all = std::make_shared<events::VerbDictionary>();
  std::vector<DictionarySpec> specs = config.dictionaries;
  if (specs.empty()) specs.push_back(DictionarySpec{"builtin", {}});
  for (const DictionarySpec& spec : specs) {
    std::vector<std::string> paths = spec.paths;
    if (spec.kind == "builtin") paths = {dataPath("dictionaries/verbs")};
    for (const std::string& path : paths) {
      Result<events::VerbDictionary> d =
          (spec.kind == "builtin" || spec.kind == "annalist")
              ? events::loadAnnalistVerbs(path)
              : (spec.kind == "petrarch" ? events::loadPetrarchDirectory(path)
                                         : events::loadPetrarchFile(path));
      // A directory or file holding only actor/agent dictionaries has no verbs: not an error.
      if (!d.ok() && d.error().kind == Error::Kind::kNotFound && spec.kind != "builtin") continue;
      if (!d.ok() && spec.kind == "tabari" && path.find("verb") == std::string::npos &&
          path.find("discard") == std::string::npos) {
        continue;
      }
      if (!d.ok()) {
        return Error{d.error().kind, fmt::format("verb dictionary ({}:{}): {}", spec.kind, path,
                                                 d.error().message)};
      }
      all->merge(std::move(d.value()));
    }
  }
  return std::shared_ptr<const events::VerbDictionary>(std::move(all));
}

Result<std::unique_ptr<events::EventCoder>> buildEventCoder(const PipelineConfig& config) {
  auto dict = loadVerbDictionaries(config);
  if (!dict.ok()) return dict.error();
  auto table = events::CameoTable::load(dataPath("dictionaries/cameo.tsv"));
  if (!table.ok()) return table.error();
  events::CoderOptions options = config.petrarch_compatible_events
                                     ? events::CoderOptions::petrarchCompatible()
                                     : events::CoderOptions{};
  options.keep_negated = config.keep_negated_events;
  return std::make_unique<events::EventCoder>(
      dict.value(), std::make_shared<const events::CameoTable>(std::move(table.value())), options);
}
// ---- end events ----

}  // namespace annalist
