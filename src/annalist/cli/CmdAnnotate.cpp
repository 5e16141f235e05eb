#include <ostream>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/io/DocumentJson.h"
#include "annalist/text/Tokenizer.h"

namespace annalist::cli {

void addAnnotateCommand(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<CommonOptions>();
  CLI::App* cmd =
      app.add_subcommand("annotate", "Run the full pipeline; one JSON Document per line");
  addCommonOptions(cmd, *opts, {"jsonl"});
  cmd->callback([opts, &exit_code] {
    Pipeline p;
    p.add(std::make_unique<text::Tokenizer>());
    exit_code = runDocuments("annotate", *opts, p, [](const Document& d, std::ostream& out) {
      out << io::documentJson(d).dump() << '\n';
    });
  });
}

}  // namespace annalist::cli
