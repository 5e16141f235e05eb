// `annalist eval events FILE.xml --dictionaries petrarch:DIR`: codes PETRARCH validation
// records from their raw <Text> and compares with the expected EventCoding (source code,
// target code, event code; noevents). Owner: events component.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/events/ValidationSet.h"
#include "annalist/pipeline/PipelineBuilder.h"

namespace annalist::cli {

namespace {
struct EvalEventsOptions {
  std::string file;
  std::vector<std::string> dictionaries;
  bool verbose = false;
  // PETRARCH's conventions (as its validation records assume): "auto" = on when every
  // --dictionaries spec is petrarch: or tabari:, "on", "off".
  std::string conventions = "auto";
  double min_correct = -1;     // fail (exit 1) below this percentage of correct records
  double max_spurious = 1000;  // fail above this percentage of spurious events
  // "exact": (source code, target code, CAMEO code) must equal the expected ones;
  // "country-root": only the first 3 letters of each actor code (the country or
  // international part) and the CAMEO root (first two digits) are compared.
  std::string match = "exact";
};

struct Tally {
  size_t records = 0, correct = 0, expected = 0, found = 0, produced = 0, spurious = 0;
};

using Triple = std::tuple<std::string, std::string, std::string>;
}  // namespace

void addEvalEventsCommand(CommandGroups& groups, int& exit_code) {
  auto opts = std::make_shared<EvalEventsOptions>();
  CLI::App* cmd = groups.eval->add_subcommand(
      "events", "Code PETRARCH validation records from raw text and score the event codings");
  cmd->add_option("file", opts->file, "PETRARCH validation XML (e.g. PETR.UnitTest.dev.xml)")
      ->required();
  cmd->add_option("--dictionaries", opts->dictionaries,
                  "builtin | annalist:DIR | petrarch:DIR | tabari:FILE,... (repeatable)");
  cmd->add_flag("-v,--verbose", opts->verbose, "Print every record that is not fully correct");
  cmd->add_option("--petrarch-conventions", opts->conventions,
                  "auto|on|off: code with PETRARCH's conventions (events need a source and a "
                  "target, subject-only coreference, passive only with a by-agent, verb-phrase "
                  "targets); auto = on when every dictionary is petrarch: or tabari:")
      ->check(CLI::IsMember({"auto", "on", "off"}));
  cmd->add_option("--min-correct", opts->min_correct,
                  "Exit 1 when fewer than this percentage of records are fully correct");
  cmd->add_option("--max-spurious", opts->max_spurious,
                  "Exit 1 when more than this percentage of produced events are spurious");
  cmd->add_option("--match", opts->match,
                  "exact (full codes) or country-root (actor country part and CAMEO root)")
      ->check(CLI::IsMember({"exact", "country-root"}));
  cmd->callback([opts, &exit_code] {
    std::ifstream in(opts->file, std::ios::binary);
    if (!in) {
      std::cerr << "annalist eval events: cannot read " << opts->file << "\n";
      exit_code = kExitUsage;
      return;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    auto records = events::parseValidationXml(ss.str());
    if (!records.ok()) {
      std::cerr << "annalist eval events: " << opts->file << ": " << records.error().message
                << "\n";
      exit_code = kExitFatal;
      return;
    }
    PipelineConfig config;
    for (const auto& spec : opts->dictionaries) {
      auto parsed = parseDictionarySpec(spec);
      if (!parsed.ok()) {
        std::cerr << "annalist eval events: " << parsed.error().message << "\n";
        exit_code = kExitUsage;
        return;
      }
      config.dictionaries.push_back(std::move(parsed.value()));
    }
    bool petrarch = opts->conventions == "on";
    if (opts->conventions == "auto") {
      petrarch = !config.dictionaries.empty();
      for (const auto& d : config.dictionaries) {
        petrarch = petrarch && (d.kind == "petrarch" || d.kind == "tabari");
      }
    }
    config.petrarch_compatible_events = petrarch;
    auto pipeline = buildPipeline(config);
    if (!pipeline.ok()) {
      std::cerr << "annalist eval events: " << pipeline.error().message << "\n";
      exit_code = kExitFatal;
      return;
    }
    std::map<std::string, Tally> by_cat;
    Tally total;
    const bool coarse = opts->match == "country-root";
    auto key = [coarse](const std::string& src, const std::string& tgt, const std::string& code) {
      auto actor = [coarse](const std::string& a) {
        const std::string x = a.empty() ? "---" : a;
        return coarse ? x.substr(0, 3) : x;
      };
      return Triple{actor(src), actor(tgt), coarse ? code.substr(0, 2) : code};
    };
    for (const auto& r : *records) {
      Document doc(r.id, r.text);
      doc.date = Date::parseCompact(r.date);
      std::set<Triple> got;
      // PETRARCH codes nothing for a record whose given parse is malformed (bad_input_parse).
      if (petrarch && r.unbalanced_parse) {
        doc.events.clear();
      } else if (Status st = pipeline->process(doc); !st.isOk()) {
        std::cerr << "annalist eval events: record " << r.id << ": " << st.message() << "\n";
      }
      for (const Event& e : doc.events) {
        if (e.negated) continue;
        got.insert(key(e.source.code, e.target.code, e.cameo));
      }
      std::multiset<Triple> want;
      for (const auto& x : r.events) {
        want.insert(key(x.source, x.target, x.code));
      }
      size_t found = 0;
      for (const Triple& t : got) {
        auto it = want.find(t);
        if (it != want.end()) ++found;
      }
      const size_t expected = r.events.size();
      const size_t spurious = got.size() - found;
      const bool correct = found == expected && spurious == 0;
      for (Tally* t : {&by_cat[r.category], &total}) {
        t->records += 1;
        t->correct += correct ? 1 : 0;
        t->expected += expected;
        t->found += found;
        t->produced += got.size();
        t->spurious += spurious;
      }
      if (opts->verbose && !correct) {
        std::cout << fmt::format("{} [{}] {}\n", r.id, r.category, r.text);
        for (const auto& [s, t, c] : want) std::cout << fmt::format("  want {} {} {}\n", s, t, c);
        for (const auto& [s, t, c] : got) std::cout << fmt::format("  got  {} {} {}\n", s, t, c);
      }
    }
    auto pct = [](size_t a, size_t b) { return b == 0 ? 0.0 : 100.0 * a / b; };
    std::cout << fmt::format("{:<12} {:>7} {:>8} {:>7} {:>9} {:>7} {:>9} {:>7}\n", "category",
                             "records", "correct", "%", "expected", "found", "spurious", "%spur");
    auto line = [&](const std::string& name, const Tally& t) {
      std::cout << fmt::format("{:<12} {:>7} {:>8} {:>6.1f}% {:>9} {:>7} {:>9} {:>6.1f}%\n", name,
                               t.records, t.correct, pct(t.correct, t.records), t.expected, t.found,
                               t.spurious, pct(t.spurious, t.produced));
    };
    for (const auto& [cat, t] : by_cat) line(cat, t);
    line("TOTAL", total);
    {
      const double p = pct(total.found, total.produced), r = pct(total.found, total.expected);
      std::cout << fmt::format("events ({}): precision {:.1f}%  recall {:.1f}%  F1 {:.1f}\n",
                               opts->match, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0.0);
    }
    const double correct_pct = pct(total.correct, total.records);
    const double spurious_pct = pct(total.spurious, total.produced);
    exit_code = kExitOk;
    if (opts->min_correct >= 0 && correct_pct < opts->min_correct) {
      std::cerr << fmt::format("annalist eval events: {:.1f}% correct is below --min-correct {}\n",
                               correct_pct, opts->min_correct);
      exit_code = kExitFatal;
    }
    if (spurious_pct > opts->max_spurious) {
      std::cerr << fmt::format(
          "annalist eval events: {:.1f}% spurious is above --max-spurious {}\n", spurious_pct,
          opts->max_spurious);
      exit_code = kExitFatal;
    }
  });
}

}  // namespace annalist::cli
