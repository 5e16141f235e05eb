// annalist eval tokenize GOLD.conllu...: tokenisation and sentence-split scores against UD.
#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/text/TokenizerEval.h"

namespace annalist::cli {

namespace {

void printScores(const std::string& name, const text::TokenizerScores& s) {
  fmt::print("{}: {} documents\n", name, s.documents);
  auto row = [](const char* what, const text::EvalCounts& c) {
    fmt::print("  {:<10} P {:6.2f}  R {:6.2f}  F1 {:6.2f}   (gold {}, system {}, correct {})\n",
               what, 100 * c.precision(), 100 * c.recall(), 100 * c.f1(), c.gold, c.system,
               c.correct);
  };
  row("Tokens", s.tokens);
  row("Words", s.words);
  row("Sentences", s.sentences);
}

}  // namespace

void addEvalTokenizeCommand(CommandGroups& groups, int& exit_code) {
  struct Opts {
    std::vector<std::string> files;
    size_t show = 0;
  };
  auto opts = std::make_shared<Opts>();
  CLI::App* cmd = groups.eval->add_subcommand(
      "tokenize",
      "Score tokenisation and sentence splitting on the '# text' of UD CoNLL-U gold files "
      "(CoNLL 2018 alignment: Tokens, Words, Sentences)");
  cmd->add_option("gold", opts->files, "CoNLL-U gold files")->required();
  cmd->add_option("--show", opts->show, "Print up to N mismatches per file to stderr");
  cmd->callback([opts, &exit_code] {
    const text::Tokenizer tokenizer;
    text::TokenizerScores total;
    for (const std::string& path : opts->files) {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        std::cerr << "annalist eval tokenize: cannot read " << path << "\n";
        exit_code = kExitFatal;
        return;
      }
      const std::string content((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
      auto scores = text::evaluateTokenizer(tokenizer, content, path, opts->show);
      if (!scores.ok()) {
        std::cerr << "annalist eval tokenize: " << scores.error().message << "\n";
        exit_code = kExitFatal;
        return;
      }
      for (const std::string& e : scores->examples) std::cerr << e << "\n";
      printScores(std::filesystem::path(path).filename().string(), *scores);
      total += *scores;
    }
    if (opts->files.size() > 1) printScores("all", total);
    exit_code = kExitOk;
  });
}

}  // namespace annalist::cli
