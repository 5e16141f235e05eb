#include <ostream>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/io/DocumentJson.h"
#include "annalist/io/Writers.h"
#include "annalist/text/Tokenizer.h"

namespace annalist::cli {

void addTokenizeCommand(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<CommonOptions>();
  CLI::App* cmd =
      app.add_subcommand("tokenize", "Split documents into paragraphs, sentences and tokens");
  addCommonOptions(cmd, *opts, {"jsonl", "conllu"});
  cmd->callback([opts, &exit_code] {
    Pipeline p;
    p.add(std::make_unique<text::Tokenizer>());
    const bool conllu = opts->output_format == "conllu";
    exit_code = runDocuments("tokenize", *opts, p, [conllu](const Document& d, std::ostream& out) {
      if (conllu) {
        io::writeConllu(d, out);
      } else {
        out << io::tokenizeJson(d).dump() << '\n';
      }
    });
  });
}

}  // namespace annalist::cli
