// Subcommand registration: one function per subcommand, each in its own Cmd*.cpp file.
// main.cpp calls every registrar; a registrar adds its CLI11 subcommand and callback.
// Grouped commands hang under the parents main.cpp creates: `eval`, `train`, `dict`, `actors`.
#pragma once

#include <CLI/CLI.hpp>

namespace annalist::cli {

// Parents of grouped subcommands (created in main.cpp, each requires one child).
struct CommandGroups {
  CLI::App* eval = nullptr;    // annalist eval parse|ner|events|quotes|coref|tokenize ...
  CLI::App* train = nullptr;   // annalist train tagger|lemmatizer|parser|ner ...
  CLI::App* dict = nullptr;    // annalist dict import|check ...
  CLI::App* actors = nullptr;  // annalist actors unknown ...
};

// Each registrar stores the exit status of its command into `exit_code` when it runs.
void addTokenizeCommand(CLI::App& app, int& exit_code);
void addAnnotateCommand(CLI::App& app, int& exit_code);
void addCodeCommand(CLI::App& app, int& exit_code);
// quotes (owner: quotes): `annalist quotes`, `annalist eval quotes`, `annalist eval coref`.
void addQuotesCommand(CLI::App& app, int& exit_code);
void addEvalQuotesCommand(CommandGroups& groups, int& exit_code);
void addEvalCorefCommand(CommandGroups& groups, int& exit_code);
void addTrainQuotesCommand(CommandGroups& groups, int& exit_code);  // train quotes
// text: annalist eval tokenize
void addEvalTokenizeCommand(CommandGroups& groups, int& exit_code);
// syntax: `parse`, `train tagger|lemmatizer|parser`, `eval parse`
void addParseCommand(CLI::App& app, int& exit_code);
void addTrainSyntaxCommands(CommandGroups& groups, int& exit_code);
void addEvalParseCommand(CommandGroups& groups, int& exit_code);
// entities: `dict import|check` and `actors unknown`.
void addDictCommands(CommandGroups& groups, int& exit_code);
void addActorsCommands(CommandGroups& groups, int& exit_code);
// ner, eval ner, train ner (src/annalist/cli/CmdNer.cpp).
void addNerCommands(CLI::App& app, CommandGroups& groups, int& exit_code);
void addExplainCommand(CLI::App& app, int& exit_code);             // events
void addEvalEventsCommand(CommandGroups& groups, int& exit_code);  // events
// Store component: query and export the store.
void addQueryCommand(CLI::App& app, int& exit_code);
void addExportCommand(CLI::App& app, int& exit_code);

}  // namespace annalist::cli
