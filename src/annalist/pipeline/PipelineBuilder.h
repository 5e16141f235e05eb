// The one place where a Pipeline is assembled from configuration: which stages run, which
// models and dictionaries they load. Lives above the stages and below cli/server.
//
// Each stage's module adds itself here (guarded by its PipelineConfig flags). Models and
// dictionaries are loaded once per build; the resulting Pipeline is immutable and shared by
// all worker threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "annalist/core/Result.h"
#include "annalist/entities/ActorDictionary.h"
#include "annalist/events/EventCoder.h"
#include "annalist/events/VerbDictionary.h"
#include "annalist/pipeline/Pipeline.h"

namespace annalist {

// A `--dictionaries SPEC` value: "builtin", "annalist:DIR", "petrarch:DIR", "tabari:FILE...".
struct DictionarySpec {
  std::string kind;  // "builtin", "annalist", "petrarch", "tabari"
  std::vector<std::string> paths;
};
Result<DictionarySpec> parseDictionarySpec(const std::string& spec);

struct PipelineConfig {
  // How far the pipeline goes; later stages imply the earlier ones they need.
  enum class Upto { kText, kSyntax, kEntities, kCoref, kQuotes, kEvents };
  Upto upto = Upto::kEvents;
  std::string models_dir;                    // "" = dataPath("models")
  std::vector<DictionarySpec> dictionaries;  // empty = builtin only
  // events: keep events of negated predicates (flagged negated=true) instead of dropping them.
  bool keep_negated_events = false;
  // events: PETRARCH's coding conventions (events::CoderOptions::petrarchCompatible: dyads
  // only, no coreference, passive only with a by-agent, verb-phrase targets).
  bool petrarch_compatible_events = false;
};

// Loads the actor/agent dictionaries named by config.dictionaries (builtin when empty; given
// specs replace the built-in set unless "builtin" is among them). Shared read-only by the
// entities stage and any coder that needs actor codes.
Result<std::shared_ptr<const entities::ActorDictionary>> loadActorDictionaries(
    const PipelineConfig& config);

// Builds the pipeline; errors name the model or dictionary file that failed and why.
Result<Pipeline> buildPipeline(const PipelineConfig& config);

// The verb/event dictionaries named by `config.dictionaries` (builtin when empty; explicit
// specs replace builtin unless "builtin" is listed), merged in the order given.
Result<std::shared_ptr<const events::VerbDictionary>> loadVerbDictionaries(
    const PipelineConfig& config);
// The event coder stage alone (for `annalist explain` and `annalist eval events`).
Result<std::unique_ptr<events::EventCoder>> buildEventCoder(const PipelineConfig& config);

}  // namespace annalist
