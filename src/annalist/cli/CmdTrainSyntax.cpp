// `annalist train tagger|lemmatizer|parser`: trains a syntax model from CoNLL-U files
// (deterministic for a given --seed), reports dev scores, time and peak memory.
#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/io/DocumentSource.h"
#include "annalist/syntax/Corpus.h"
#include "annalist/syntax/Lemmatizer.h"
#include "annalist/syntax/Parser.h"
#include "annalist/syntax/Tagger.h"
#include "annalist/syntax/WordClusters.h"
#include "annalist/text/Tokenizer.h"

namespace annalist::cli {

namespace {

using Clock = std::chrono::steady_clock;

struct TrainOptions {
  std::vector<std::string> train;
  std::string dev;
  std::string out;
  int epochs = 0;  // 0 = the model's default
  uint32_t seed = 1;
  std::string tagger;  // parser: tag the training data with this tagger model
  int jackknife = 0;   // parser: tag the training data with K-fold jackknifed taggers
  int tagger_epochs = 0;
  size_t threads = 1;
  std::vector<std::string> raw;  // tagger: raw text for word clusters
  uint32_t clusters = 256;
  int passes = 1;              // tagger: 2 = second pass with right-context tags
  int runs = 1;                // tagger: independent runs whose weights are averaged
  int stack_folds = 0;         // tagger: jackknifed first-pass classes for the second pass
  uint32_t clusters2 = 0;      // tagger: size of a second word clustering (0 = none)
  bool sentence_case = false;  // tagger: sentence capitalisation profile features
  bool right_to_left = false;  // tagger: the first pass tags right to left
  bool caps = true;            // tagger: capitalisation prior from the training + raw text
  std::string wordnet;         // tagger: WordNet directory for the word-form lexicon features
  double min_weight = -1;      // prune weights below this (averaged-perceptron units); -1 = default
  std::vector<double> also_prune;  // dev scores also printed at these pruning thresholds
  bool lexicon = false;            // parser: the --tagger's clusters/ambiguity classes as features
  bool pretagged = false;          // parser: the training files already carry predicted tags
  std::string save_tagged;         // parser: write the (jackknife-)tagged training data here
  std::string alt_tags;            // parser: runner-up tags of --pretagged data (FILE.alt)
  double alt_margin = -1;          // parser: --features alt margin (< 0: default)
  int beam = 1;                    // parser: > 1 = beam search with global training
  double explore = -1;             // parser: dynamic-oracle exploration rate; -1 = default
  std::vector<std::string> features;        // parser: extra feature templates (upos, extra)
  bool each_epoch = false;                  // parser: dev scores and a checkpoint after every epoch
  std::string prune_model;                  // parser: only prune this model at --min-weight
  std::vector<std::string> average_models;  // parser: only average these models' weights
};

// Writes sentences as CoNLL-U (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL).
bool writeConllu(const std::string& path, const std::vector<syntax::AnnotatedSentence>& data) {
  std::string out;
  auto col = [](const std::string& v) -> std::string_view {
    return v.empty() ? std::string_view("_") : std::string_view(v);
  };
  for (const auto& s : data) {
    for (size_t i = 0; i < s.size(); ++i) {
      out += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t_\n", i + 1, s.words[i],
                         col(s.lemmas[i]), col(s.upos[i]), col(s.xpos[i]), col(s.feats[i]),
                         s.heads[i] + 1, s.deprels[i]);
    }
    out += "\n";
  }
  if (Status st = syntax::writeFileBytes(path, out); !st.isOk()) {
    std::cerr << "annalist train: " << st.message() << "\n";
    return false;
  }
  return true;
}

double peakRssMiB() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

bool loadCorpus(const std::vector<std::string>& paths, const char* what,
                std::vector<syntax::AnnotatedSentence>& out) {
  auto r = syntax::readConllu(paths);
  if (!r.ok()) {
    std::cerr << "annalist train: cannot read " << what << " data: " << r.error().message << "\n";
    return false;
  }
  out = std::move(r).value();
  size_t words = 0;
  for (const auto& s : out) words += s.size();
  std::cerr << fmt::format("{} data: {} sentences, {} words\n", what, out.size(), words);
  return true;
}

// Also records each word's runner-up class and margin (AnnotatedSentence::alt).
void tagSentences(const syntax::Tagger& tagger, std::vector<syntax::AnnotatedSentence>& data) {
  std::vector<uint16_t> classes, runner_up;
  for (auto& s : data) {
    std::vector<std::string_view> words(s.words.begin(), s.words.end());
    tagger.predict(words, classes, runner_up, s.alt_margin);
    s.alt.resize(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
      s.upos[i] = tagger.upos(classes[i]);
      s.xpos[i] = tagger.xpos(classes[i]);
      s.alt[i] = tagger.upos(runner_up[i]) + "|" + tagger.xpos(runner_up[i]);
    }
  }
}

// The runner-up classes of tagged data, beside its CoNLL-U file (FILE.alt): one line per
// sentence, per word "UPOS|XPOS MARGIN" separated by tabs (margin "-" = sure).
bool writeAltFile(const std::string& path, const std::vector<syntax::AnnotatedSentence>& data) {
  std::string out;
  for (const auto& s : data) {
    for (size_t i = 0; i < s.size(); ++i) {
      if (i > 0) out += '\t';
      const bool have = i < s.alt.size() && i < s.alt_margin.size();
      const float m = have ? s.alt_margin[i] : syntax::Tagger::kSureMargin;
      out += have ? s.alt[i] : std::string("_|_");
      out += m >= syntax::Tagger::kSureMargin ? std::string(" -") : fmt::format(" {:.3f}", m);
    }
    out += '\n';
  }
  if (Status st = syntax::writeFileBytes(path, out); !st.isOk()) {
    std::cerr << "annalist train: " << st.message() << "\n";
    return false;
  }
  return true;
}

bool readAltFile(const std::string& path, std::vector<syntax::AnnotatedSentence>& data) {
  auto bytes = syntax::readFileBytes(path);
  if (!bytes.ok()) {
    std::cerr << "annalist train: " << bytes.error().message << "\n";
    return false;
  }
  std::string_view rest = *bytes;
  for (size_t k = 0; k < data.size(); ++k) {
    auto& s = data[k];
    const size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) {
      std::cerr << fmt::format("annalist train: {}: {} lines for {} sentences\n", path, k,
                               data.size());
      return false;
    }
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl + 1);
    s.alt.clear();
    s.alt_margin.clear();
    while (!line.empty()) {
      const size_t tab = line.find('\t');
      std::string_view cell = line.substr(0, tab);
      line = tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
      const size_t sp = cell.find(' ');
      if (sp == std::string_view::npos) break;
      s.alt.emplace_back(cell.substr(0, sp));
      const std::string m(cell.substr(sp + 1));
      char* end = nullptr;
      const float margin = m == "-" ? syntax::Tagger::kSureMargin : std::strtof(m.c_str(), &end);
      if (m != "-" && (end == m.c_str() || *end != '\0')) {
        std::cerr << fmt::format("annalist train: {}: line {}: bad margin '{}'\n", path, k + 1, m);
        return false;
      }
      s.alt_margin.push_back(margin);
    }
    if (s.alt.size() != s.size()) {
      std::cerr << fmt::format("annalist train: {}: line {} has {} words, the sentence {}\n", path,
                               k + 1, s.alt.size(), s.size());
      return false;
    }
  }
  return true;
}

// Word clusters and the capitalisation prior from the training sentences plus raw text files
// (tokenised by text::Tokenizer).
bool trainClusters(const TrainOptions& o, const std::vector<syntax::AnnotatedSentence>& train,
                   syntax::WordClusters& out, syntax::CapsTable& caps, syntax::WordClusters& out2) {
  std::vector<std::vector<std::string>> sents, raw_sents;
  std::string low;
  for (const auto& s : train) {
    std::vector<std::string> w;
    for (const auto& word : s.words) {
      syntax::normalizeWord(word, low);
      w.push_back(low);
    }
    sents.push_back(std::move(w));
    raw_sents.emplace_back(s.words.begin(), s.words.end());
  }
  if (!o.raw.empty()) {
    io::ReadOptions ropts;
    ropts.format = io::InputFormat::kText;
    io::DocumentSource src(o.raw, ropts);
    text::Tokenizer tokenizer;
    io::ReadItem item;
    size_t docs = 0;
    while (src.next(item)) {
      if (item.error) {
        std::cerr << fmt::format("annalist train: raw text {}: {}\n", item.error->origin,
                                 item.error->reason);
        return false;
      }
      Document& d = *item.doc;
      tokenizer.annotate(d);
      for (const Sentence& s : d.sentences) {
        std::vector<std::string> w, r;
        for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
          syntax::normalizeWord(d.tokens[i].norm, low);
          w.push_back(low);
          r.emplace_back(d.tokens[i].norm);
        }
        sents.push_back(std::move(w));
        raw_sents.push_back(std::move(r));
      }
      ++docs;
    }
    std::cerr << fmt::format("raw text: {} documents\n", docs);
  }
  syntax::ClusterOptions co;
  co.k = o.clusters;
  co.seed = o.seed;
  if (o.clusters > 0) out = syntax::WordClusters::train(sents, co, &std::cerr);
  if (o.clusters2 > 0) {
    syntax::ClusterOptions co2;
    co2.k = o.clusters2;
    co2.coarse_k = std::max<uint32_t>(2, o.clusters2 / 8);
    co2.seed = o.seed + 7;
    out2 = syntax::WordClusters::train(sents, co2, &std::cerr);
  }
  if (o.caps) {
    caps = syntax::Tagger::capsTable(raw_sents);
    std::cerr << fmt::format("capitalisation prior: {} words\n", caps.size());
  }
  return true;
}

double tagAccuracy(const syntax::Tagger& tagger, const std::vector<syntax::AnnotatedSentence>& dev,
                   double& xpos_acc) {
  size_t upos = 0, xpos = 0, total = 0;
  std::vector<uint16_t> classes;
  for (const auto& s : dev) {
    std::vector<std::string_view> words(s.words.begin(), s.words.end());
    tagger.predict(words, classes);
    for (size_t i = 0; i < s.size(); ++i) {
      upos += tagger.upos(classes[i]) == s.upos[i];
      xpos += tagger.xpos(classes[i]) == s.xpos[i];
      ++total;
    }
  }
  xpos_acc = 100.0 * xpos / std::max<size_t>(total, 1);
  return 100.0 * upos / std::max<size_t>(total, 1);
}

int finish(const std::string& out, const std::string& bytes, Clock::time_point t0) {
  if (Status st = syntax::writeFileBytes(out, bytes); !st.isOk()) {
    std::cerr << "annalist train: " << st.message() << "\n";
    return kExitFatal;
  }
  const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  std::cerr << fmt::format("wrote {} ({:.2f} MB); {:.1f} s, peak RSS {:.0f} MiB\n", out,
                           bytes.size() / 1e6, secs, peakRssMiB());
  return kExitOk;
}

CLI::App* addTrainCommon(CLI::App* parent, const char* name, const char* help, TrainOptions& o) {
  CLI::App* cmd = parent->add_subcommand(name, help);
  cmd->add_option("--train", o.train, "Training CoNLL-U files")->required();
  cmd->add_option("--dev", o.dev, "Development CoNLL-U file (scores printed after training)");
  cmd->add_option("--out", o.out, "Output model file")->required();
  cmd->add_option("--seed", o.seed, "Random seed (training is deterministic for a seed)")
      ->capture_default_str();
  cmd->add_option("--min-weight", o.min_weight,
                  "Drop averaged weights smaller than this (model size; default tagger 0, "
                  "parser 1)");
  cmd->add_option("--also-prune", o.also_prune,
                  "Also print the dev scores and size after pruning at these thresholds "
                  "(model selection; the written model uses --min-weight)");
  return cmd;
}

}  // namespace

void addTrainSyntaxCommands(CommandGroups& groups, int& exit_code) {
  {
    auto o = std::make_shared<TrainOptions>();
    CLI::App* cmd =
        addTrainCommon(groups.train, "tagger", "Train the POS tagger (UPOS, XPOS, FEATS)", *o);
    cmd->add_option("--epochs", o->epochs, "Training epochs (default 10)");
    cmd->add_option("--raw", o->raw,
                    "Raw text files/directories for word clusters (with the training text)");
    cmd->add_option("--clusters", o->clusters, "Number of word clusters (0 = none)")
        ->capture_default_str();
    cmd->add_option("--passes", o->passes,
                    "Tagging passes: 2 adds a second pass using the first pass's tags of the "
                    "right context")
        ->check(CLI::Range(1, 2))
        ->capture_default_str();
    cmd->add_option("--runs", o->runs,
                    "Independent training runs (seeds seed, seed+1, ...) whose averaged weights "
                    "are averaged")
        ->check(CLI::Range(1, 16))
        ->capture_default_str();
    cmd->add_option("--clusters2", o->clusters2,
                    "Size of a second word clustering used as features too (0 = none)")
        ->capture_default_str();
    cmd->add_flag("--sentence-case", o->sentence_case,
                  "Features of the sentence's capitalisation profile (title case, all "
                  "lowercase, all caps)");
    cmd->add_flag("--right-to-left", o->right_to_left,
                  "The first pass tags right to left (with --passes 2 the second pass, left to "
                  "right, sees its classes of the next words)");
    cmd->add_option("--stack-folds", o->stack_folds,
                    "With --passes 2: train the second pass on first-pass classes from K "
                    "jackknifed one-pass taggers (0 = the jointly trained first pass's guesses)")
        ->check(CLI::Range(0, 10))
        ->capture_default_str();
    cmd->add_flag("--caps,!--no-caps", o->caps,
                  "Capitalisation prior of words (from the training and raw text) as features")
        ->capture_default_str();
    cmd->add_option("--wordnet", o->wordnet,
                    "WordNet 3.0 database directory (e.g. /usr/share/wordnet from wordnet-base): "
                    "its parts of speech of word forms become features and part of the model");
    cmd->callback([o, &exit_code] {
      const auto t0 = Clock::now();
      std::vector<syntax::AnnotatedSentence> train, dev;
      const bool averaging = !o->average_models.empty();
      if ((!averaging && !loadCorpus(o->train, "train", train)) ||
          (!o->dev.empty() && !loadCorpus({o->dev}, "dev", dev))) {
        exit_code = kExitFatal;
        return;
      }
      syntax::TaggerTrainOptions to;
      if (o->epochs > 0) to.epochs = o->epochs;
      to.seed = o->seed;
      to.passes = o->passes;
      to.runs = o->runs;
      to.stack_folds = o->stack_folds;
      to.sentence_case = o->sentence_case;
      to.right_to_left = o->right_to_left;
      syntax::WordClusters clusters;
      syntax::CapsTable caps;
      syntax::WordClusters clusters2;
      if ((o->clusters > 0 || o->caps || o->clusters2 > 0) &&
          !trainClusters(*o, train, clusters, caps, clusters2)) {
        exit_code = kExitFatal;
        return;
      }
      syntax::LexiconTable lexicon;
      if (!o->wordnet.empty()) {
        auto lex = syntax::readWordNetLexicon(o->wordnet);
        if (!lex.ok()) {
          std::cerr << "annalist train: " << lex.error().message << "\n";
          exit_code = kExitFatal;
          return;
        }
        lexicon = std::move(lex).value();
        std::cerr << fmt::format("word-form lexicon: {} forms\n", lexicon.size());
      }
      syntax::Tagger tagger =
          syntax::Tagger::train(train, to, &std::cerr, clusters, caps, clusters2, lexicon);
      if (o->min_weight > 0) tagger.prune(o->min_weight);
      std::cerr << fmt::format("tagger: {} classes, {} features, {} weights\n", tagger.numClasses(),
                               tagger.weights().numFeatures(), tagger.weights().numWeights());
      if (!dev.empty()) {
        double xacc = 0;
        const double uacc = tagAccuracy(tagger, dev, xacc);
        std::cout << fmt::format("dev UPOS {:.2f}  XPOS {:.2f}\n", uacc, xacc);
        for (double w : o->also_prune) {
          syntax::Tagger pruned = tagger;
          pruned.prune(w);
          const double u = tagAccuracy(pruned, dev, xacc);
          std::cout << fmt::format("pruned {}: dev UPOS {:.2f}  XPOS {:.2f}  {:.2f} MB\n", w, u,
                                   xacc, pruned.toBytes().size() / 1e6);
        }
      }
      exit_code = finish(o->out, tagger.toBytes(), t0);
    });
  }
  {
    auto o = std::make_shared<TrainOptions>();
    CLI::App* cmd = addTrainCommon(groups.train, "lemmatizer", "Train the lemmatizer", *o);
    cmd->callback([o, &exit_code] {
      const auto t0 = Clock::now();
      std::vector<syntax::AnnotatedSentence> train, dev;
      const bool averaging = !o->average_models.empty();
      if ((!averaging && !loadCorpus(o->train, "train", train)) ||
          (!o->dev.empty() && !loadCorpus({o->dev}, "dev", dev))) {
        exit_code = kExitFatal;
        return;
      }
      syntax::Lemmatizer lm = syntax::Lemmatizer::train(train, {}, &std::cerr);
      if (!dev.empty()) {
        size_t ok = 0, total = 0;
        for (const auto& s : dev) {
          for (size_t i = 0; i < s.size(); ++i) {
            ok += lm.lemma(s.words[i], s.upos[i], s.xpos[i]) == s.lemmas[i];
            ++total;
          }
        }
        std::cout << fmt::format("dev lemma accuracy (gold tags) {:.2f}\n",
                                 100.0 * ok / std::max<size_t>(total, 1));
      }
      exit_code = finish(o->out, lm.toBytes(), t0);
    });
  }
  {
    auto o = std::make_shared<TrainOptions>();
    CLI::App* cmd = addTrainCommon(groups.train, "parser", "Train the dependency parser", *o);
    cmd->add_option("--epochs", o->epochs, "Training epochs (default 12)");
    cmd->add_option("--tagger", o->tagger,
                    "Tag the dev data (and, without --jackknife, the training data) with this "
                    "tagger model instead of using gold tags");
    cmd->add_option("--jackknife", o->jackknife,
                    "Tag the training data with K taggers each trained on the other folds")
        ->check(CLI::Range(0, 20));
    cmd->add_option("--tagger-epochs", o->tagger_epochs, "Epochs of the jackknife taggers");
    cmd->add_option("--threads", o->threads, "Jackknife taggers trained at once")
        ->capture_default_str();
    cmd->add_flag("--lexicon,!--no-lexicon", o->lexicon,
                  "Word clusters and ambiguity classes of the --tagger model as parser features")
        ->capture_default_str();
    cmd->add_flag("--pretagged", o->pretagged,
                  "The training files already carry predicted tags (e.g. from --save-tagged): "
                  "use them as they are");
    cmd->add_option("--beam", o->beam,
                    "Beam width: 1 = greedy with the dynamic oracle; > 1 = beam search with "
                    "global (max-violation) training, the model's default decoding width")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    cmd->add_option("--explore", o->explore,
                    "Greedy training: probability of following the model's own move (default "
                    "0.9)")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--features", o->features,
                    "Extra parser feature templates: upos (UPOS tags), extra (distance, child "
                    "words, third order), alt (the tagger's runner-up tags where it is unsure), "
                    "attach (s0's first left child with the candidate heads; commas and verbs "
                    "in between)")
        ->check(CLI::IsMember({"upos", "extra", "alt", "attach"}));
    cmd->add_option("--alt-margin", o->alt_margin,
                    "With --features alt: the tagger's runner-up tag is a feature of words whose "
                    "margin is below this (default 80; stored in the model)");
    cmd->add_option("--alt-tags", o->alt_tags,
                    "With --pretagged: the runner-up tags of the training file (the FILE.alt "
                    "that --save-tagged FILE writes)");
    cmd->add_option("--prune-model", o->prune_model,
                    "Do not train: write this parser model pruned at --min-weight to --out "
                    "(pruning a pruned model at a higher threshold equals pruning the original)");
    cmd->add_option("--average-models", o->average_models,
                    "Do not train: write the mean of these parser models' weights (pruned at "
                    "--min-weight, default 0) to --out, scored on --dev when given");
    cmd->add_flag("--each-epoch", o->each_epoch,
                  "Print the dev scores after every epoch and write the model so far to --out "
                  "and to OUT.epochN (experiments)");
    cmd->add_option("--save-tagged", o->save_tagged,
                    "Write the tagged (e.g. jackknifed) training data to this CoNLL-U file");
    cmd->callback([o, &exit_code] {
      const auto t0 = Clock::now();
      if (!o->prune_model.empty()) {
        auto p = syntax::Parser::load(o->prune_model);
        if (!p.ok()) {
          std::cerr << "annalist train parser: " << p.error().message << "\n";
          exit_code = kExitFatal;
          return;
        }
        p->prune(o->min_weight < 0 ? 1.0 : o->min_weight);
        exit_code = finish(o->out, p->toBytes(), t0);
        return;
      }
      std::vector<syntax::AnnotatedSentence> train, dev;
      const bool averaging = !o->average_models.empty();
      if ((!averaging && !loadCorpus(o->train, "train", train)) ||
          (!o->dev.empty() && !loadCorpus({o->dev}, "dev", dev))) {
        exit_code = kExitFatal;
        return;
      }
      std::optional<syntax::Tagger> tagger;
      if (!o->tagger.empty()) {
        auto t = syntax::Tagger::load(o->tagger);
        if (!t.ok()) {
          std::cerr << "annalist train parser: " << t.error().message << "\n";
          exit_code = kExitFatal;
          return;
        }
        tagger = std::move(t).value();
      }
      if (o->jackknife > 1) {
        const auto k = static_cast<size_t>(o->jackknife);
        std::vector<syntax::AnnotatedSentence> tagged = train;
        // Folds are independent: one thread each (fold i writes only the sentences i mod k,
        // so the result does not depend on the schedule).
        auto runFold = [&](size_t fold) {
          std::vector<syntax::AnnotatedSentence> rest, held;
          std::vector<size_t> held_index;
          for (size_t i = 0; i < train.size(); ++i) {
            if (i % k == fold) {
              held.push_back(train[i]);
              held_index.push_back(i);
            } else {
              rest.push_back(train[i]);
            }
          }
          syntax::TaggerTrainOptions to;
          to.seed = o->seed + static_cast<uint32_t>(fold);
          if (o->tagger_epochs > 0) to.epochs = o->tagger_epochs;
          if (tagger) {
            to.passes = tagger->passes();
            to.right_to_left = tagger->rightToLeft();
            to.sentence_case = tagger->sentenceCase();
          }
          // The folds reuse the word clusters, capitalisation prior and word-form lexicon of the
          // --tagger model.
          const syntax::Tagger t = syntax::Tagger::train(
              rest, to, nullptr, tagger ? tagger->clusters() : syntax::WordClusters{},
              tagger ? tagger->caps() : syntax::CapsTable{},
              tagger ? tagger->clusters2() : syntax::WordClusters{},
              tagger ? tagger->lexicon() : syntax::LexiconTable{});
          tagSentences(t, held);
          for (size_t j = 0; j < held.size(); ++j) tagged[held_index[j]] = std::move(held[j]);
        };
        const size_t threads = std::max<size_t>(1, o->threads);
        for (size_t first = 0; first < k; first += threads) {
          std::vector<std::thread> pool;
          for (size_t fold = first; fold < std::min(k, first + threads); ++fold) {
            pool.emplace_back(runFold, fold);
          }
          for (auto& th : pool) th.join();
          std::cerr << fmt::format("jackknife folds {}/{} tagged\n", std::min(k, first + threads),
                                   k);
        }
        train = std::move(tagged);
      } else if (tagger && !o->pretagged) {
        tagSentences(*tagger, train);
      }
      if (!o->save_tagged.empty() && (!writeConllu(o->save_tagged, train) ||
                                      (!train.empty() && !train.front().alt.empty() &&
                                       !writeAltFile(o->save_tagged + ".alt", train)))) {
        exit_code = kExitFatal;
        return;
      }
      if (!o->alt_tags.empty() && !readAltFile(o->alt_tags, train)) {
        exit_code = kExitFatal;
        return;
      }
      if (tagger) tagSentences(*tagger, dev);
      const double min_weight = o->min_weight < 0 ? 1.0 : o->min_weight;
      auto evalDev = [&](const syntax::Parser& ps, const std::string& what) {
        size_t uas = 0, las = 0, total = 0;
        std::vector<int> heads;
        std::vector<uint16_t> labels;
        for (const auto& s : dev) {
          std::vector<std::string_view> w(s.words.begin(), s.words.end());
          std::vector<std::string_view> u(s.upos.begin(), s.upos.end());
          std::vector<std::string_view> x(s.xpos.begin(), s.xpos.end());
          std::vector<std::string_view> a(s.alt.begin(), s.alt.end());
          ps.parse(w, u, x, heads, labels, &a, &s.alt_margin);
          for (size_t i = 0; i < s.size(); ++i) {
            const bool h = heads[i] == s.heads[i];
            uas += h;
            las += h && ps.label(labels[i]) == s.deprels[i];
            ++total;
          }
        }
        std::cout << fmt::format(
            "{}dev ({} tags) UAS {:.2f}  LAS+sub {:.2f}\n", what, tagger ? "predicted" : "gold",
            100.0 * uas / std::max<size_t>(total, 1), 100.0 * las / std::max<size_t>(total, 1));
        std::cout.flush();
      };
      if (averaging) {
        std::vector<syntax::Parser> parsers;
        for (const std::string& path : o->average_models) {
          auto p = syntax::Parser::load(path);
          if (!p.ok()) {
            std::cerr << "annalist train parser: " << p.error().message << "\n";
            exit_code = kExitFatal;
            return;
          }
          parsers.push_back(std::move(p).value());
        }
        auto avg = syntax::Parser::average(parsers);
        if (!avg.ok()) {
          std::cerr << "annalist train parser: " << avg.error().message << "\n";
          exit_code = kExitFatal;
          return;
        }
        if (o->min_weight > 0) avg->prune(o->min_weight);
        if (!dev.empty()) evalDev(*avg, "");
        exit_code = finish(o->out, avg->toBytes(), t0);
        return;
      }
      syntax::ParserTrainOptions po;
      for (const std::string& f : o->features) {
        po.features |= f == "upos"    ? syntax::Parser::kFeaturesUpos
                       : f == "extra" ? syntax::Parser::kFeaturesExtra
                       : f == "alt"   ? syntax::Parser::kFeaturesAlt
                                      : syntax::Parser::kFeaturesAttach;
      }
      if (o->alt_margin >= 0) po.alt_margin = static_cast<float>(o->alt_margin);
      if ((po.features & syntax::Parser::kFeaturesAlt) != 0 &&
          (train.empty() || train.front().alt.empty())) {
        std::cerr << "annalist train parser: --features alt needs the tagger's runner-up tags "
                     "(--jackknife, --tagger without --pretagged, or --alt-tags FILE.alt)\n";
        exit_code = kExitFatal;
        return;
      }
      if (o->each_epoch) {
        po.on_epoch = [&](int epochs_done, syntax::Parser&& snap) {
          snap.prune(min_weight);
          if (!dev.empty()) evalDev(snap, fmt::format("epoch {}: ", epochs_done));
          const std::string bytes = snap.toBytes();
          (void)syntax::writeFileBytes(o->out, bytes);
          (void)syntax::writeFileBytes(fmt::format("{}.epoch{}", o->out, epochs_done), bytes);
        };
      }
      if (o->epochs > 0) po.epochs = o->epochs;
      po.seed = o->seed;
      po.beam = o->beam;
      if (o->explore >= 0) po.explore = o->explore;
      syntax::Parser parser = tagger && o->lexicon
                                  ? syntax::Parser::train(train, po, &std::cerr, tagger->clusters(),
                                                          tagger->ambiguityClasses())
                                  : syntax::Parser::train(train, po, &std::cerr);
      const syntax::Parser unpruned = o->also_prune.empty() ? syntax::Parser{} : parser;
      parser.prune(min_weight);
      std::cerr << fmt::format("parser: {} labels, {} features, {} weights\n", parser.numLabels(),
                               parser.weights().numFeatures(), parser.weights().numWeights());
      if (!dev.empty()) {
        evalDev(parser, "");
        for (double w : o->also_prune) {
          syntax::Parser pruned = unpruned;
          pruned.prune(w);
          evalDev(pruned, fmt::format("pruned {} ({:.2f} MB): ", w, pruned.toBytes().size() / 1e6));
        }
      }
      exit_code = finish(o->out, parser.toBytes(), t0);
    });
  }
}

}  // namespace annalist::cli
