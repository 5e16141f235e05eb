// `annalist code --db FILE`: runs the pipeline and ingests every document into the store
// (store::Ingestor), beside or instead of the record output.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "annalist/cli/Common.h"
#include "annalist/pipeline/PipelineBuilder.h"

namespace annalist::cli {

struct StoreFlags {
  std::string db;             // --db (registered by the command itself)
  size_t batch = 256;         // --db-batch (hidden): documents per transaction
  bool force = false;         // --db-force: replace documents even when unchanged
  std::string coder_version;  // --db-coder-version (hidden): overrides the computed version
};

// Adds --db-batch, --db-force, --db-coder-version to `cmd`.
void addStoreOptions(CLI::App* cmd, StoreFlags& flags);

// The coder version recorded with each document: annalist's version and the stage list.
std::string coderVersion(const Pipeline& pipeline);
// A hash of the dictionary specs and the bytes of their files (directories recursively).
std::string dictionaryVersion(const std::vector<DictionarySpec>& specs);

// Runs the pipeline into the store; records also go to --output when `write_records`.
int runIntoStore(std::string_view command, const CommonOptions& opts, const Pipeline& pipeline,
                 const PipelineConfig& config, const DocWriter& writer, const StoreFlags& flags,
                 bool write_records);

}  // namespace annalist::cli
