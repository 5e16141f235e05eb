// `annalist code`: the main job — read articles, run the whole pipeline, write event records
// (JSONL/TSV) and, with --db, ingest everything into the store.
//
// Owners: the events component fills the record writers; the store component fills --db.
#include <iostream>
#include <ostream>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/events/EventRecords.h"
#include "annalist/io/DocumentJson.h"
#include "annalist/pipeline/PipelineBuilder.h"

namespace annalist::cli {

namespace {
struct CodeOptions {
  CommonOptions common;
  std::vector<std::string> dictionaries;
  std::string db;
  bool keep_negated = false;  // events component
};
}  // namespace

void addCodeCommand(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<CodeOptions>();
  CLI::App* cmd = app.add_subcommand("code", "Code articles into CAMEO/PLOVER event records");
  addCommonOptions(cmd, opts->common, {"jsonl", "tsv"});
  cmd->add_option("--dictionaries", opts->dictionaries,
                  "builtin | annalist:DIR | petrarch:DIR | tabari:FILE,... (repeatable; given "
                  "explicitly it replaces the built-in set unless 'builtin' is listed)");
  cmd->add_option("--db", opts->db, "Write documents, events and quotes into this SQLite store");
  cmd->add_flag("--keep-negated", opts->keep_negated,
                "Also write events of negated predicates (flagged \"negated\": true)");
  cmd->callback([opts, &exit_code] {
    PipelineConfig config;
    config.keep_negated_events = opts->keep_negated;
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
    if (!opts->db.empty()) {
      std::cerr << "annalist code: --db is not available yet (store component)\n";
      exit_code = kExitUsage;
      return;
    }
    // Event records (events component): JSONL (docs/FORMATS.md "Event records") or TSV.
    const bool tsv = opts->common.output_format == "tsv";
    auto header_pending = std::make_shared<bool>(tsv);
    exit_code = runDocuments("code", opts->common, *pipeline,
                             [tsv, header_pending](const Document& d, std::ostream& out) {
                               if (*header_pending) {
                                 out << events::eventsTsvHeader();
                                 *header_pending = false;
                               }
                               if (tsv) {
                                 events::writeEventsTsv(d, out);
                               } else {
                                 events::writeEventsJsonl(d, out);
                               }
                             });
  });
}

}  // namespace annalist::cli
