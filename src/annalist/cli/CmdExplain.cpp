// `annalist explain "SENTENCE"` (or --file FILE): runs the pipeline on one text and prints the
// parse, the actor mentions, and for every predicate each pattern tried and why it matched or
// not, then the events produced. Owner: events component.
#include <fstream>
#include <iostream>
#include <sstream>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/pipeline/PipelineBuilder.h"

namespace annalist::cli {

namespace {
struct ExplainOptions {
  std::string text;
  std::string file;
  std::string date;
  std::vector<std::string> dictionaries;
  bool petrarch = false;
  bool warnings = false;
};
}  // namespace

void addExplainCommand(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand(
      "explain", "Show how a sentence is coded: parse, actors, every pattern tried, events");
  cmd->add_option("text", opts->text, "The sentence(s) to explain");
  cmd->add_option("--file", opts->file, "Read the text from this file instead");
  cmd->add_option("--date", opts->date, "Story date (YYYY-MM-DD) for date resolution");
  cmd->add_flag("--warnings", opts->warnings,
                "List every dictionary construct that was read but is not supported");
  cmd->add_flag("--petrarch-conventions", opts->petrarch,
                "Code with PETRARCH's conventions, as `eval events` does by default");
  cmd->add_option("--dictionaries", opts->dictionaries,
                  "builtin | annalist:DIR | petrarch:DIR | tabari:FILE,... (repeatable)");
  cmd->callback([opts, &exit_code] {
    std::string text = opts->text;
    if (!opts->file.empty()) {
      std::ifstream in(opts->file, std::ios::binary);
      if (!in) {
        std::cerr << "annalist explain: cannot read " << opts->file << "\n";
        exit_code = kExitUsage;
        return;
      }
      std::ostringstream ss;
      ss << in.rdbuf();
      text = ss.str();
    }
    if (text.empty()) {
      std::cerr << "annalist explain: give a sentence or --file FILE\n";
      exit_code = kExitUsage;
      return;
    }
    PipelineConfig config;
    for (const auto& spec : opts->dictionaries) {
      auto parsed = parseDictionarySpec(spec);
      if (!parsed.ok()) {
        std::cerr << "annalist explain: " << parsed.error().message << "\n";
        exit_code = kExitUsage;
        return;
      }
      config.dictionaries.push_back(std::move(parsed.value()));
    }
    config.upto = PipelineConfig::Upto::kQuotes;
    config.petrarch_compatible_events = opts->petrarch;
    auto pipeline = buildPipeline(config);
    auto coder = pipeline.ok() ? buildEventCoder(config)
                               : Result<std::unique_ptr<events::EventCoder>>(pipeline.error());
    if (!coder.ok()) {
      std::cerr << "annalist explain: " << coder.error().message << "\n";
      exit_code = kExitFatal;
      return;
    }
    Document doc("explain", text);
    if (!opts->date.empty()) {
      doc.date = Date::parseIso(opts->date);
      if (!doc.date) {
        std::cerr << "annalist explain: --date must be YYYY-MM-DD\n";
        exit_code = kExitUsage;
        return;
      }
    }
    if (Status st = pipeline->process(doc); !st.isOk()) {
      std::cerr << "annalist explain: " << st.message() << "\n";
      exit_code = kExitFatal;
      return;
    }
    const auto& warnings = (*coder)->dictionary().warnings;
    if (!warnings.empty() && opts->warnings) {
      for (const auto& w : warnings) std::cout << "# unsupported: " << w << "\n";
    } else if (!warnings.empty()) {
      std::cout << "# dictionary: " << warnings.size()
                << " unsupported constructs ignored (first: " << warnings.front()
                << "; --warnings lists all)\n";
    }
    doc.events.clear();
    doc.layers |= Document::kEvents;
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      const Sentence& sent = doc.sentences[s];
      std::cout << "## sentence " << s << ": " << doc.slice(sent.start, sent.end) << "\n";
      for (uint32_t i = sent.token_begin; i < sent.token_end; ++i) {
        const Token& t = doc.tokens[i];
        std::cout << "  " << (i - sent.token_begin + 1) << '\t' << doc.tokenText(t) << '\t'
                  << (t.lemma.empty() ? "_" : t.lemma) << '\t' << (t.upos.empty() ? "_" : t.upos)
                  << '\t' << (t.head < 0 ? 0 : t.head - static_cast<int32_t>(sent.token_begin) + 1)
                  << '\t' << (t.deprel.empty() ? "_" : t.deprel) << "\n";
      }
      for (const Mention& m : doc.mentions) {
        if (m.sentence != s &&
            !(m.token_begin >= sent.token_begin && m.token_end <= sent.token_end)) {
          continue;
        }
        std::cout << "  actor '" << doc.slice(m.start, m.end)
                  << "' code=" << (m.code.empty() ? "-" : m.code) << " type=" << m.type
                  << " source=" << m.source << (m.actor_id.empty() ? "" : " id=" + m.actor_id)
                  << "\n";
      }
      (*coder)->explainSentence(doc, s, std::cout);
    }
    std::cout << "## events: " << doc.events.size() << "\n";
    exit_code = kExitOk;
  });
}

}  // namespace annalist::cli
