// `annalist export --db FILE --format gdelt|phoenix|jsonl|csv|graphml|edges`: event tables and
// the actor network, optionally one-a-day de-duplicated. See docs/STORE.md.
#include <fstream>
#include <iostream>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/core/Date.h"
#include "annalist/store/Export.h"
#include "annalist/store/Schema.h"

namespace annalist::cli {

namespace {
struct ExportCliOptions {
  std::string db = "annalist.db";
  std::string format = "jsonl";
  std::string output = "-";
  bool one_a_day = false, header = false;
  store::EventFilter filter;
};
}  // namespace

void addExportCommand(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<ExportCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Export the store's events (GDELT, Phoenix, JSONL, CSV) or actor network");
  cmd->add_option("--db", o->db, "Store file")->capture_default_str();
  cmd->add_option("--format", o->format, "gdelt|phoenix|jsonl|csv|graphml|edges")
      ->check(CLI::IsMember({"gdelt", "phoenix", "jsonl", "csv", "graphml", "edges"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output, "Output file (default: stdout)");
  cmd->add_flag("--one-a-day", o->one_a_day,
                "Merge events with the same date, source, target and code (mention counts)");
  cmd->add_flag("--header", o->header, "gdelt/phoenix: write a header line");
  auto& f = o->filter;
  cmd->add_option("--from", f.date_from, "Events on or after this date (YYYY-MM-DD)");
  cmd->add_option("--to", f.date_to, "Events on or before this date (YYYY-MM-DD)");
  cmd->add_option("--source", f.source, "Source actor code prefix ('=CODE' exact)");
  cmd->add_option("--target", f.target, "Target actor code prefix ('=CODE' exact)");
  cmd->add_option("--actor", f.actor, "Actor code prefix on either side");
  cmd->add_option("--cameo", f.cameo, "CAMEO code prefix ('=CODE' exact)");
  cmd->add_option("--root", f.root, "CAMEO root code");
  cmd->add_option("--quad", f.quad_class, "QuadClass 1..4")->check(CLI::Range(1, 4));
  cmd->add_option("--plover", f.plover, "PLOVER event category");
  cmd->add_option("--text", f.text, "Words that must all occur in the document");
  cmd->add_option("--doc", f.doc_ids, "Document id (repeatable)");
  cmd->add_flag("--exclude-negated", f.exclude_negated, "Drop negated events");
  cmd->callback([o, &exit_code] {
    for (const std::string* d : {&o->filter.date_from, &o->filter.date_to}) {
      if (!d->empty() && !Date::parseIso(*d)) {
        std::cerr << "annalist export: dates must be YYYY-MM-DD, got '" << *d << "'\n";
        exit_code = kExitUsage;
        return;
      }
    }
    store::ExportOptions eo;
    store::parseExportFormat(o->format, eo.format);
    eo.filter = o->filter;
    eo.one_a_day = o->one_a_day;
    eo.header = o->header;
    auto db = store::openStore(o->db, /*create=*/false);
    if (!db.ok()) {
      std::cerr << "annalist export: " << db.error().message << "\n";
      exit_code = kExitFatal;
      return;
    }
    std::ofstream file;
    std::ostream* out = &std::cout;
    if (!o->output.empty() && o->output != "-") {
      file.open(o->output, std::ios::binary);
      if (!file) {
        std::cerr << "annalist export: cannot write " << o->output << "\n";
        exit_code = kExitFatal;
        return;
      }
      out = &file;
    }
    Status s = store::exportEvents(*db, eo, *out);
    out->flush();
    if (!s.isOk()) {
      std::cerr << "annalist export: " << s.message() << "\n";
      exit_code = kExitFatal;
      return;
    }
    if (!*out) {
      std::cerr << "annalist export: write error on output\n";
      exit_code = kExitFatal;
      return;
    }
    exit_code = kExitOk;
  });
}

}  // namespace annalist::cli
