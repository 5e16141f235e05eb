#include <iostream>
#include <ostream>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/io/DocumentJson.h"
#include "annalist/pipeline/PipelineBuilder.h"

namespace annalist::cli {

void addAnnotateCommand(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<CommonOptions>();
  CLI::App* cmd =
      app.add_subcommand("annotate", "Run the full pipeline; one JSON Document per line");
  addCommonOptions(cmd, *opts, {"jsonl"});
  cmd->callback([opts, &exit_code] {
    PipelineConfig config;
    auto pipeline = buildPipeline(config);
    if (!pipeline.ok()) {
      std::cerr << "annalist annotate: " << pipeline.error().message << "\n";
      exit_code = kExitFatal;
      return;
    }
    exit_code = runDocuments(
        "annotate", *opts, *pipeline,
        [](const Document& d, std::ostream& out) { out << io::documentJson(d).dump() << '\n'; });
  });
}

}  // namespace annalist::cli
