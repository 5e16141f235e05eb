// annalist actors unknown CORPUS...: the actors a corpus mentions that no dictionary codes,
// by frequency — the dictionary curator's to-do list.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/pipeline/PipelineBuilder.h"

namespace annalist::cli {
namespace {

bool startsUpper(std::string_view w) {
  return !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
}

// Words that start sentences or titles but name no actor.
bool isFunctionWord(std::string_view w) {
  static const char* const kWords[] = {
      "The",      "A",         "An",       "In",      "On",      "At",        "Of",
      "For",      "And",       "But",      "Or",      "If",      "He",        "She",
      "It",       "They",      "We",       "I",       "You",     "His",       "Her",
      "Their",    "Our",       "This",     "That",    "These",   "Those",     "There",
      "Here",     "When",      "While",    "After",   "Before",  "As",        "By",
      "From",     "To",        "With",     "Without", "Monday",  "Tuesday",   "Wednesday",
      "Thursday", "Friday",    "Saturday", "Sunday",  "January", "February",  "March",
      "April",    "May",       "June",     "July",    "August",  "September", "October",
      "November", "December",  "Mr",       "Mr.",     "Mrs",     "Mrs.",      "Ms",
      "Ms.",      "Dr",        "Dr.",      "Of",      "However", "Meanwhile", "Also",
      "Some",     "Many",      "Most",     "All",     "No",      "Yes",       "What",
      "Who",      "Why",       "How",      "Where",   "Which",   "Its",       "My",
      "Your",     "Not",       "So",       "Then",    "Now",     "Today",     "Yesterday",
      "Tomorrow", "According", "Despite",  "During",  "Since",   "Until",     "Under",
      "Over",     "Into",      "Through",  "Against", "Among",   "Between",   "One",
      "Two",      "Three",     "Both",     "Each",    "Every",   "Other",     "Another",
      "Such",     "Only",      "Even",     "Just",    "More",    "Less",      "Last",
      "Next",     "First",     "Second",   "New",     "Former"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

struct Unknown {
  std::string type;
  size_t count = 0;
};

}  // namespace

void addActorsCommands(CommandGroups& groups, int& exit_code) {
  struct Opts {
    CommonOptions common;
    std::vector<std::string> dictionaries;
    size_t min_count = 1;
    size_t top = 0;
    bool names = true;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* cmd = groups.actors->add_subcommand(
      "unknown", "List the actors a corpus mentions that no dictionary codes, by frequency");
  addCommonOptions(cmd, o->common, {"tsv", "jsonl"});
  cmd->add_option("--dictionaries", o->dictionaries,
                  "builtin, annalist:DIR, petrarch:DIR, tabari:FILE,... (repeatable; given "
                  "specs replace the built-in set unless builtin is listed)");
  cmd->add_option("--min-count", o->min_count, "Only names seen at least N times");
  cmd->add_option("--top", o->top, "Only the N most frequent (0 = all)");
  cmd->add_flag("!--no-names", o->names,
                "Without an NER stage, do not fall back to capitalised-name candidates");
  cmd->callback([o, &exit_code] {
    PipelineConfig config;
    config.upto = PipelineConfig::Upto::kEntities;
    for (const auto& s : o->dictionaries) {
      auto spec = parseDictionarySpec(s);
      if (!spec.ok()) {
        std::cerr << "annalist actors unknown: " << spec.error().message << "\n";
        exit_code = kExitUsage;
        return;
      }
      config.dictionaries.push_back(*spec);
    }
    auto pipeline = buildPipeline(config);
    if (!pipeline.ok()) {
      std::cerr << "annalist actors unknown: " << pipeline.error().message << "\n";
      exit_code = kExitFatal;
      return;
    }
    std::map<std::string, Unknown> counts;
    CommonOptions run_opts = o->common;
    run_opts.output = "-";
    const bool names = o->names;
    const int rc = runDocuments(
        "actors unknown", run_opts, *pipeline, [&counts, names](const Document& d, std::ostream&) {
          bool ner = false;
          std::vector<bool> covered(d.tokens.size(), false);
          for (const auto& m : d.mentions) {
            if (m.source == "ner") ner = true;
            for (uint32_t t = m.token_begin; t < m.token_end; ++t) covered[t] = true;
            if (m.source == "ner" && m.code.empty()) {
              auto& u = counts[std::string(d.slice(m.start, m.end))];
              if (u.type.empty()) u.type = m.type;
              ++u.count;
            }
          }
          if (ner || !names) return;
          // No NER stage: runs of capitalised tokens not covered by a dictionary mention.
          for (const auto& s : d.sentences) {
            uint32_t t = s.token_begin;
            while (t < s.token_end) {
              if (covered[t] || !startsUpper(d.tokenText(t)) || isFunctionWord(d.tokenText(t))) {
                ++t;
                continue;
              }
              uint32_t e = t + 1;
              while (e < s.token_end && !covered[e] && startsUpper(d.tokenText(e))) ++e;
              // A lone capitalised word opening a sentence is most often not a name.
              if (!(t == s.token_begin && e == t + 1) && !s.headline) {
                auto& u = counts[std::string(d.slice(d.tokens[t].start, d.tokens[e - 1].end))];
                if (u.type.empty()) u.type = "NAME";
                ++u.count;
              }
              t = e;
            }
          }
        });
    std::vector<std::pair<std::string, Unknown>> rows(counts.begin(), counts.end());
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.second.count > b.second.count; });
    std::ofstream file;
    std::ostream* out = &std::cout;
    if (!o->common.output.empty() && o->common.output != "-") {
      file.open(o->common.output, std::ios::binary);
      if (!file) {
        std::cerr << "annalist actors unknown: cannot write " << o->common.output << "\n";
        exit_code = kExitFatal;
        return;
      }
      out = &file;
    }
    const bool jsonl = o->common.output_format == "jsonl";
    if (!jsonl) *out << "text\ttype\tcount\n";
    size_t n = 0;
    for (const auto& [text, u] : rows) {
      if (u.count < o->min_count) break;
      if (o->top != 0 && n >= o->top) break;
      ++n;
      if (jsonl) {
        *out << nlohmann::json{{"text", text}, {"type", u.type}, {"count", u.count}}.dump() << '\n';
      } else {
        *out << text << '\t' << u.type << '\t' << u.count << '\n';
      }
    }
    exit_code = rc;
  });
}

}  // namespace annalist::cli
