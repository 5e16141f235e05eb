// annalist: one binary, many subcommands (a thin layer over the library).
#include <CLI/CLI.hpp>

#include <iostream>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"

int main(int argc, char** argv) {
  using namespace annalist::cli;
  CLI::App app{"annalist: political news to event data, actors and quotations"};
  app.set_version_flag("--version", std::string("annalist ") + ANNALIST_VERSION);
  app.require_subcommand(1);
  int exit_code = kExitOk;

  CommandGroups groups;
  groups.eval = app.add_subcommand("eval", "Evaluate a component against gold data");
  groups.train = app.add_subcommand("train", "Train a model from annotated data");
  groups.dict = app.add_subcommand("dict", "Import and check dictionaries");
  groups.actors = app.add_subcommand("actors", "Inspect actors found in a corpus");

  addTokenizeCommand(app, exit_code);
  addAnnotateCommand(app, exit_code);
  addCodeCommand(app, exit_code);
  addQuotesCommand(app, exit_code);
  addEvalQuotesCommand(groups, exit_code);
  addEvalCorefCommand(groups, exit_code);
  addTrainQuotesCommand(groups, exit_code);
  addEvalTokenizeCommand(groups, exit_code);
  addParseCommand(app, exit_code);
  addTrainSyntaxCommands(groups, exit_code);
  addEvalParseCommand(groups, exit_code);
  addDictCommands(groups, exit_code);
  addActorsCommands(groups, exit_code);
  addNerCommands(app, groups, exit_code);
  addExplainCommand(app, exit_code);
  addEvalEventsCommand(groups, exit_code);
  addQueryCommand(app, exit_code);
  addExportCommand(app, exit_code);

  // A group with no registered children is hidden; otherwise it needs one child.
  for (CLI::App* g : {groups.eval, groups.train, groups.dict, groups.actors}) {
    if (g->get_subcommands({}).empty()) {
      app.remove_subcommand(g);
    } else {
      g->require_subcommand(1);
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  return exit_code;
}
