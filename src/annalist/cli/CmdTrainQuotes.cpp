// `annalist train quotes DIR`: trains the quote finder's learned-cue model (quotes/CueModel.h)
// from a PolNeAR directory: runs the pipeline up to coreference and the quote rules on each
// article, labels the learned pass's candidates against the gold attributions the rules miss,
// and fits the logistic model (deterministic for a given --seed).
#include <fmt/format.h>

#include <chrono>
#include <iostream>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/pipeline/PipelineBuilder.h"
#include "annalist/quotes/CueModel.h"
#include "annalist/quotes/PolnearEval.h"
#include "annalist/quotes/QuoteFinder.h"

namespace annalist::cli {

namespace {
struct TrainQuotesOptions {
  std::string dir;
  std::string out;
  size_t limit = 0;
  std::string wordnet = "/usr/share/wordnet";
  quotes::CueTrainOptions train;
};
}  // namespace

void addTrainQuotesCommand(CommandGroups& groups, int& exit_code) {
  auto opts = std::make_shared<TrainQuotesOptions>();
  CLI::App* cmd = groups.train->add_subcommand(
      "quotes",
      "Train the quote finder's learned-cue model from a PolNeAR directory (text/*.txt, "
      "attributions/*.ann), e.g. ../shared/data/quotes/polnear/train");
  cmd->add_option("dir", opts->dir, "PolNeAR split directory")->required();
  cmd->add_option("-o,--output", opts->out, "Model file to write, e.g. data/models/quote_cues.txt")
      ->required();
  cmd->add_option("--limit", opts->limit, "Use only the first N articles (sorted by name)");
  cmd->add_option("--epochs", opts->train.epochs, "SGD epochs")->capture_default_str();
  cmd->add_option("--wordnet", opts->wordnet,
                  "WordNet 3.0 dict directory (Debian wordnet-base); its verb classes and person "
                  "nouns are stored in the model. Empty: none")
      ->capture_default_str();
  cmd->add_option("--threshold", opts->train.threshold,
                  "Probability a candidate needs to be kept (stored in the model)")
      ->capture_default_str();
  cmd->add_option("--drop", opts->train.drop,
                  "Rule-based quotes scoring below this are dropped (stored in the model)")
      ->capture_default_str();
  cmd->add_option("--min-count", opts->train.min_count, "Drop features seen fewer times")
      ->capture_default_str();
  cmd->add_option("--min-weight", opts->train.min_weight, "Leave out smaller weights")
      ->capture_default_str();
  cmd->add_option("--seed", opts->train.seed, "Shuffling seed")->capture_default_str();
  cmd->callback([opts, &exit_code] {
    const auto t0 = std::chrono::steady_clock::now();
    auto articles = quotes::listPolnear(opts->dir, opts->limit);
    if (!articles.ok()) {
      std::cerr << "annalist train quotes: " << articles.error().message << "\n";
      exit_code = kExitUsage;
      return;
    }
    PipelineConfig config;
    config.upto = PipelineConfig::Upto::kCoref;
    auto pipeline = buildPipeline(config);
    if (!pipeline.ok()) {
      std::cerr << "annalist train quotes: " << pipeline.error().message << "\n";
      exit_code = kExitFatal;
      return;
    }
    auto classes = std::make_shared<quotes::CueModel>();
    if (!opts->wordnet.empty()) {
      auto wn = quotes::CueModel::readWordNetClasses(opts->wordnet);
      if (!wn.ok()) {
        std::cerr << "annalist train quotes: " << wn.error().message
                  << " (install wordnet-base, or pass --wordnet '')\n";
        exit_code = kExitUsage;
        return;
      }
      classes->setClasses(std::move(*wn));
    }
    const quotes::QuoteFinder finder(classes);
    std::vector<quotes::CueExample> examples;
    size_t positives = 0;
    for (const auto& a : *articles) {
      std::vector<quotes::GoldAttribution> gold;
      auto doc = quotes::readPolnearArticle(a, &gold);
      if (!doc.ok()) {
        std::cerr << "annalist train quotes: " << doc.error().message << "\n";
        exit_code = kExitFatal;
        return;
      }
      Status st = pipeline->process(*doc);
      if (!st) {
        std::cerr << "annalist train quotes: " << a.text_path << ": " << st.message() << "\n";
        exit_code = kExitFatal;
        return;
      }
      for (auto& e : quotes::labelCueCandidates(*doc, gold, finder.candidates(*doc))) {
        positives += e.positive ? 1 : 0;
        examples.push_back(std::move(e));
      }
    }
    quotes::CueModel model = quotes::CueModel::train(examples, opts->train);
    model.setClasses(classes->classes());
    Status st = model.save(opts->out);
    if (!st) {
      std::cerr << "annalist train quotes: " << st.message() << "\n";
      exit_code = kExitFatal;
      return;
    }
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << fmt::format(
        "{} articles, {} candidates ({} positive), {} features kept; wrote {} in {:.1f} s\n",
        articles->size(), examples.size(), positives, model.size(), opts->out, secs);
    exit_code = kExitOk;
  });
}

}  // namespace annalist::cli
