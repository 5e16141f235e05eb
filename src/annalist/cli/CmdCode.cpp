// `annalist code`: the main job — read articles, run the whole pipeline, write event records
// (JSONL/TSV) and, with --db, ingest everything into the store.
//
// Owners: the events component fills the record writers; the store component fills --db.
#include <iostream>
#include <ostream>

#include "annalist/cli/CodeStore.h"
#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/io/DocumentJson.h"
#include "annalist/pipeline/PipelineBuilder.h"

namespace annalist::cli {

namespace {
struct CodeOptions {
  CommonOptions common;
  std::vector<std::string> dictionaries;
  StoreFlags store;
};
}  // namespace

void addCodeCommand(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<CodeOptions>();
  CLI::App* cmd = app.add_subcommand("code", "Code articles into CAMEO/PLOVER event records");
  addCommonOptions(cmd, opts->common, {"jsonl", "tsv"});
  cmd->add_option("--dictionaries", opts->dictionaries,
                  "builtin | annalist:DIR | petrarch:DIR | tabari:FILE,... (repeatable; given "
                  "explicitly it replaces the built-in set unless 'builtin' is listed)");
  cmd->add_option("--db", opts->store.db,
                  "Ingest documents, events, quotes and actors into this SQLite store (records "
                  "are then written only with an explicit --output)");
  addStoreOptions(cmd, opts->store);
  cmd->callback([opts, cmd, &exit_code] {
    PipelineConfig config;
    for (const auto& spec : opts->dictionaries) {
      auto parsed = parseDictionarySpec(spec);
      if (!parsed.ok()) {
        std::cerr << "annalist code: " << parsed.error().message << "\n";
        exit_code = kExitUsage;
        return;
      }
      config.dictionaries.push_back(std::move(parsed.value()));
    }
    auto pipeline = buildPipeline(config);
    if (!pipeline.ok()) {
      std::cerr << "annalist code: " << pipeline.error().message << "\n";
      exit_code = kExitFatal;
      return;
    }
    // Until the events component lands, the record is the annotated document.
    const DocWriter writer = [](const Document& d, std::ostream& out) {
      out << io::documentJson(d).dump() << '\n';
    };
    if (!opts->store.db.empty()) {
      // Store component: ingest (records only with an explicit --output).
      exit_code = runIntoStore("code", opts->common, *pipeline, config, writer, opts->store,
                               cmd->get_option("--output")->count() > 0);
      return;
    }
    exit_code = runDocuments("code", opts->common, *pipeline, writer);
  });
}

}  // namespace annalist::cli
