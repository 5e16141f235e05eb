// `annalist eval coref DIR`: coreference scored against GUM-format data (MUC, B3, CEAF-e,
// CoNLL F1), CoNLL-2012 style (singletons removed from key and response), on all entity
// types and on people/organisations/places only, plus exact-span mention recall/precision.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <unordered_set>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/coref/GumCorpus.h"
#include "annalist/pipeline/PipelineBuilder.h"

namespace annalist::cli {

namespace {
struct EvalCorefOptions {
  std::string dir;
  size_t limit = 0;
  std::string dump;
  bool with_quotes = false;
};
}  // namespace

void addEvalCorefCommand(CommandGroups& groups, int& exit_code) {
  auto opts = std::make_shared<EvalCorefOptions>();
  CLI::App* cmd = groups.eval->add_subcommand(
      "coref", "Score coreference on GUM-format data (DIR/*.conll): MUC, B3, CEAF-e, CoNLL F1");
  cmd->add_option("dir", opts->dir,
                  "Directory of GUM .conll/.tsv files, e.g. ../shared/data/coref/gum-dev")
      ->required();
  cmd->add_option("--limit", opts->limit, "Score only the first N documents (sorted by name)");
  cmd->add_option("--dump", opts->dump,
                  "Write gold (G) and response (R) mentions, one per line, for error analysis: "
                  "kind doc token_begin token_end entity type/source text (tab-separated)");
  cmd->add_flag("--with-quotes", opts->with_quotes,
                "Run the quotes stage too (first-person pronouns in a direct quote join its "
                "speaker's entity, as in the full pipeline)");
  cmd->callback([opts, &exit_code] {
    auto docs = coref::readGumDir(opts->dir, opts->limit);
    if (!docs.ok()) {
      std::cerr << "annalist eval coref: " << docs.error().message << "\n";
      exit_code = kExitUsage;
      return;
    }
    PipelineConfig config;
    // With --with-quotes the quotes stage runs too: it links first-person pronouns inside a
    // direct quote to the quote's speaker entity, as in the full pipeline.
    config.upto = opts->with_quotes ? PipelineConfig::Upto::kQuotes : PipelineConfig::Upto::kCoref;
    auto pipeline = buildPipeline(config);
    if (!pipeline.ok()) {
      std::cerr << "annalist eval coref: " << pipeline.error().message << "\n";
      exit_code = kExitFatal;
      return;
    }
    coref::CorefScores all, named, named_typed;
    // Mention detection over clustered mentions (singletons removed on both sides).
    double m_match = 0, m_key = 0, m_resp = 0;
    const std::vector<std::string> ne_types = {"person", "organization", "place"};
    std::ofstream dump;
    if (!opts->dump.empty()) {
      dump.open(opts->dump);
      if (!dump) {
        std::cerr << "annalist eval coref: cannot write " << opts->dump << "\n";
        exit_code = kExitUsage;
        return;
      }
    }
    for (auto& g : *docs) {
      Status st = pipeline->process(g.doc);
      if (!st) {
        std::cerr << "annalist eval coref: " << g.doc.id() << ": " << st.message() << "\n";
        exit_code = kExitFatal;
        return;
      }
      if (dump.is_open()) {
        const auto tokensText = [&](uint32_t b, uint32_t e) {
          return std::string(g.doc.slice(g.doc.tokens[b].start, g.doc.tokens[e - 1].end));
        };
        for (const auto& gm : g.mentions) {
          dump << "G\t" << g.doc.id() << '\t' << gm.token_begin << '\t' << gm.token_end << '\t'
               << gm.entity << '\t' << gm.type << '\t' << tokensText(gm.token_begin, gm.token_end)
               << '\n';
        }
        for (const auto& m : g.doc.mentions) {
          dump << "R\t" << g.doc.id() << '\t' << m.token_begin << '\t' << m.token_end << '\t'
               << m.entity << '\t' << m.source << '/' << m.type << '\t'
               << tokensText(m.token_begin, m.token_end) << '\n';
        }
      }
      const coref::Clustering response = coref::responseClusters(g.doc, 2);
      const coref::Clustering key = coref::goldClusters(g, {}, 2);
      all.add(coref::scoreClusters(key, response));
      std::unordered_set<int64_t> key_ids;
      for (const auto& e : key)
        for (int64_t id : e) key_ids.insert(id);
      m_key += static_cast<double>(key_ids.size());
      for (const auto& e : response) {
        m_resp += static_cast<double>(e.size());
        for (int64_t id : e) m_match += key_ids.count(id) != 0 ? 1.0 : 0.0;
      }
      const coref::Clustering named_key = coref::goldClusters(g, ne_types, 2);
      named.add(coref::scoreClusters(named_key, response));
      named_typed.add(coref::scoreClusters(
          named_key, coref::responseClusters(g.doc, 2, {"PER", "ORG", "GPE", "LOC"})));
    }
    std::cout << "== all entity types (CoNLL-2012 style, singletons removed) ==\n" << all.report();
    char line[160];
    std::snprintf(line, sizeof line,
                  "mentions (exact span, clustered only): recall %.1f  precision %.1f  "
                  "(key %.0f, response %.0f)\n",
                  m_key > 0 ? 100.0 * m_match / m_key : 0.0,
                  m_resp > 0 ? 100.0 * m_match / m_resp : 0.0, m_key, m_resp);
    std::cout << line;
    std::cout << "== people, organisations, places (gold restricted; response unchanged) ==\n"
              << named.report();
    std::cout << "== people, organisations, places (gold restricted; response: entities typed "
                 "PER/ORG/GPE/LOC) ==\n"
              << named_typed.report();
    exit_code = kExitOk;
  });
}

}  // namespace annalist::cli
