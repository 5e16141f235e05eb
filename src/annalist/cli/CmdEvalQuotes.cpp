// `annalist eval quotes DIR`: quotation finding and attribution scored against PolNeAR.
#include <iostream>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/pipeline/PipelineBuilder.h"
#include "annalist/quotes/PolnearEval.h"

namespace annalist::cli {

namespace {
struct EvalQuotesOptions {
  std::string dir;
  size_t limit = 0;
};
}  // namespace

void addEvalQuotesCommand(CommandGroups& groups, int& exit_code) {
  auto opts = std::make_shared<EvalQuotesOptions>();
  CLI::App* cmd = groups.eval->add_subcommand(
      "quotes",
      "Score quotation finding on a PolNeAR directory (text/*.txt, attributions/*.ann): "
      "content exact and >=50%-overlap P/R/F1, cue match and speaker accuracy");
  cmd->add_option("dir", opts->dir,
                  "PolNeAR split directory, e.g. ../shared/data/quotes/polnear/dev")
      ->required();
  cmd->add_option("--limit", opts->limit, "Score only the first N articles (sorted by name)");
  cmd->callback([opts, &exit_code] {
    auto articles = quotes::listPolnear(opts->dir, opts->limit);
    if (!articles.ok()) {
      std::cerr << "annalist eval quotes: " << articles.error().message << "\n";
      exit_code = kExitUsage;
      return;
    }
    PipelineConfig config;
    config.upto = PipelineConfig::Upto::kQuotes;
    auto pipeline = buildPipeline(config);
    if (!pipeline.ok()) {
      std::cerr << "annalist eval quotes: " << pipeline.error().message << "\n";
      exit_code = kExitFatal;
      return;
    }
    const Pipeline& p = *pipeline;
    auto scores =
        quotes::evaluatePolnear(*articles, [&p](Document& doc) { return p.process(doc); });
    if (!scores.ok()) {
      std::cerr << "annalist eval quotes: " << scores.error().message << "\n";
      exit_code = kExitFatal;
      return;
    }
    std::cout << scores->report();
    exit_code = kExitOk;
  });
}

}  // namespace annalist::cli
