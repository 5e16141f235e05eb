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
};

// Loads the actor/agent dictionaries named by config.dictionaries (builtin when empty; given
// specs replace the built-in set unless "builtin" is among them). Shared read-only by the
// entities stage and any coder that needs actor codes.
Result<std::shared_ptr<const entities::ActorDictionary>> loadActorDictionaries(
    const PipelineConfig& config);

// Builds the pipeline; errors name the model or dictionary file that failed and why.
Result<Pipeline> buildPipeline(const PipelineConfig& config);

}  // namespace annalist
