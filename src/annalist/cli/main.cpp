// annalist: one binary, many subcommands (a thin layer over the library).
#include <CLI/CLI.hpp>

#include <iostream>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"

int main(int argc, char** argv) {
  CLI::App app{"annalist: political news to event data, actors and quotations"};
  app.set_version_flag("--version", std::string("annalist ") + ANNALIST_VERSION);
  app.require_subcommand(1);
  int exit_code = annalist::cli::kExitOk;
  annalist::cli::addTokenizeCommand(app, exit_code);
  annalist::cli::addAnnotateCommand(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? annalist::cli::kExitOk : annalist::cli::kExitUsage;
  }
  return exit_code;
}
