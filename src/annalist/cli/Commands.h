// Subcommand registration: one function per subcommand, each in its own Cmd*.cpp file.
// main.cpp calls every registrar; a registrar adds its CLI11 subcommand and callback.
#pragma once

#include <CLI/CLI.hpp>

namespace annalist::cli {

// Each registrar stores the exit status of its command into `exit_code` when it runs.
void addTokenizeCommand(CLI::App& app, int& exit_code);
void addAnnotateCommand(CLI::App& app, int& exit_code);

}  // namespace annalist::cli
