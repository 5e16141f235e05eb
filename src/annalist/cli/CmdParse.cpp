// `annalist parse`: tokenise (unless the input already has tokens, e.g. CoNLL-U), tag,
// lemmatise and dependency-parse documents; CoNLL-U or JSON output.
#include <iostream>
#include <ostream>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/io/DocumentJson.h"
#include "annalist/io/Writers.h"
#include "annalist/pipeline/PipelineBuilder.h"

namespace annalist::cli {

void addParseCommand(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<CommonOptions>();
  auto models = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "parse", "POS-tag, lemmatise and dependency-parse documents (CoNLL-U or JSON)");
  addCommonOptions(cmd, *opts, {"conllu", "jsonl"});
  cmd->add_option("--models", *models, "Models directory (default: the data dir's models/)");
  cmd->callback([opts, models, &exit_code] {
    PipelineConfig config;
    config.upto = PipelineConfig::Upto::kSyntax;
    config.models_dir = *models;
    auto pipeline = buildPipeline(config);
    if (!pipeline.ok()) {
      std::cerr << "annalist parse: " << pipeline.error().message << "\n";
      exit_code = kExitFatal;
      return;
    }
    const bool conllu = opts->output_format == "conllu";
    exit_code =
        runDocuments("parse", *opts, *pipeline, [conllu](const Document& d, std::ostream& out) {
          if (conllu) {
            io::writeConllu(d, out);
          } else {
            out << io::documentJson(d).dump() << '\n';
          }
        });
  });
}

}  // namespace annalist::cli
