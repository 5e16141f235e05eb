// `annalist quotes`: quotation records (JSONL, docs/FORMATS.md "Quote records").
#include <iostream>
#include <ostream>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/io/DocumentJson.h"
#include "annalist/pipeline/PipelineBuilder.h"

namespace annalist::cli {

void addQuotesCommand(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<CommonOptions>();
  CLI::App* cmd = app.add_subcommand(
      "quotes", "Find quotations and their speakers; one JSON quote record per line");
  addCommonOptions(cmd, *opts, {"jsonl"});
  cmd->callback([opts, &exit_code] {
    PipelineConfig config;
    config.upto = PipelineConfig::Upto::kQuotes;
    auto pipeline = buildPipeline(config);
    if (!pipeline.ok()) {
      std::cerr << "annalist quotes: " << pipeline.error().message << "\n";
      exit_code = kExitFatal;
      return;
    }
    exit_code = runDocuments("quotes", *opts, *pipeline, [](const Document& d, std::ostream& out) {
      for (size_t i = 0; i < d.quotes.size(); ++i) {
        out << io::quoteRecordJson(d, i).dump() << '\n';
      }
    });
  });
}

}  // namespace annalist::cli
