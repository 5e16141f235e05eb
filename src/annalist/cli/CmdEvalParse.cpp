// `annalist eval parse GOLD.conllu...`: scores the syntax models against gold CoNLL-U, on the
// gold tokenisation or (--from-raw) on the project tokenizer's output over the same text.
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <iostream>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/core/DataPath.h"
#include "annalist/io/DocumentSource.h"
#include "annalist/syntax/SyntaxAnnotator.h"
#include "annalist/syntax/SyntaxEval.h"
#include "annalist/text/Tokenizer.h"

namespace annalist::cli {

namespace {
// CPU time of the calling thread (the throughput figure that does not depend on machine load).
double threadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct EvalParseOptions {
  std::vector<std::string> gold;
  std::string models;
  bool from_raw = false;
  int beam = 0;  // 0 = the parser model's own beam width
};
}  // namespace

void addEvalParseCommand(CommandGroups& groups, int& exit_code) {
  auto o = std::make_shared<EvalParseOptions>();
  CLI::App* cmd = groups.eval->add_subcommand(
      "parse", "Score tagger, lemmatizer and parser against gold CoNLL-U (CoNLL 2018 style)");
  cmd->add_option("gold", o->gold, "Gold CoNLL-U files")->required();
  cmd->add_option("--models", o->models, "Models directory (default: the data dir's models/)");
  cmd->add_flag("--from-raw", o->from_raw,
                "Tokenise and split the raw text with the project tokenizer first");
  cmd->add_option("--beam", o->beam, "Parser beam width (default: the model's; 1 = greedy)")
      ->check(CLI::Range(1, 256));
  cmd->callback([o, &exit_code] {
    const std::string dir = o->models.empty() ? dataPath("models") : o->models;
    const auto t_load = std::chrono::steady_clock::now();
    auto annotator = syntax::SyntaxAnnotator::load(dir, o->beam);
    if (!annotator.ok()) {
      std::cerr << "annalist eval parse: " << annotator.error().message << "\n";
      exit_code = kExitFatal;
      return;
    }
    const double load_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t_load).count();
    io::ReadOptions ropts;
    ropts.format = io::InputFormat::kConllu;
    ropts.max_doc_bytes = size_t{1} << 30;
    io::DocumentSource src(o->gold, ropts);
    text::Tokenizer tokenizer;
    syntax::SyntaxScores scores;
    double secs = 0, cpu = 0;
    size_t words = 0;
    io::ReadItem item;
    while (src.next(item)) {
      if (item.error) {
        std::cerr << fmt::format("annalist eval parse: {}: {}: {}\n", item.error->origin,
                                 item.error->position, item.error->reason);
        exit_code = kExitFatal;
        return;
      }
      const Document& gold = *item.doc;
      Document sys;
      if (o->from_raw) {
        sys = Document(gold.id(), gold.text());
        tokenizer.annotate(sys);
      } else {
        sys = gold;
        for (Token& t : sys.tokens) {
          t.upos.clear();
          t.xpos.clear();
          t.feats.clear();
          t.lemma.clear();
          t.head = -1;
          t.deprel.clear();
        }
        sys.layers = Document::kText;
      }
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = threadCpuSeconds();
      (void)(*annotator)->process(sys);
      cpu += threadCpuSeconds() - c0;
      secs += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      words += sys.tokens.size();
      syntax::scoreDocument(gold, sys, scores);
    }
    std::cout << scores.table();
    std::cerr << fmt::format(
        "{} words, models loaded in {:.3f} s; tag+lemma+parse {:.2f} s wall, {:.2f} s CPU "
        "({:.0f} words per CPU second, one thread)\n",
        words, load_s, secs, cpu, cpu > 0 ? words / cpu : 0.0);
    exit_code = kExitOk;
  });
}

}  // namespace annalist::cli
