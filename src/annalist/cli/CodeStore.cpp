#include "annalist/cli/CodeStore.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "annalist/core/DataPath.h"
#include "annalist/store/Ingestor.h"

namespace annalist::cli {

namespace fs = std::filesystem;

void addStoreOptions(CLI::App* cmd, StoreFlags& flags) {
  cmd->add_flag("--db-force", flags.force,
                "With --db: replace every document even when unchanged (re-code)");
  cmd->add_option("--db-batch", flags.batch, "Documents per store transaction")
      ->check(CLI::Range(1, 1000000))
      ->group("");
  cmd->add_option("--db-coder-version", flags.coder_version,
                  "Override the coder version recorded in the store")
      ->group("");
}

std::string coderVersion(const Pipeline& pipeline) {
  std::string v = std::string("annalist ") + ANNALIST_VERSION + " [";
  for (size_t i = 0; i < pipeline.stages().size(); ++i) {
    if (i) v += ',';
    v += pipeline.stages()[i]->name();
  }
  return v + "]";
}

namespace {

void hashPath(const fs::path& p, std::string& acc) {
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) hashPath(f, acc);
    return;
  }
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    acc += "missing:" + p.string() + ";";
    return;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  acc += p.filename().string() + ":" + store::hashHex(ss.str()) + ";";
}

}  // namespace

std::string dictionaryVersion(const std::vector<DictionarySpec>& specs) {
  std::string acc;
  if (specs.empty()) {
    acc += "builtin;";
    hashPath(dataPath("dictionaries"), acc);
  }
  for (const auto& s : specs) {
    acc += s.kind + ";";
    if (s.kind == "builtin") hashPath(dataPath("dictionaries"), acc);
    for (const auto& p : s.paths) hashPath(p, acc);
  }
  return store::hashHex(acc);
}

int runIntoStore(std::string_view command, const CommonOptions& opts, const Pipeline& pipeline,
                 const PipelineConfig& config, const DocWriter& writer, const StoreFlags& flags,
                 bool write_records) {
  store::IngestOptions io;
  io.coder_version = flags.coder_version.empty() ? coderVersion(pipeline) : flags.coder_version;
  io.dictionary_version = dictionaryVersion(config.dictionaries);
  io.batch_size = flags.batch;
  io.force = flags.force;
  io.command = fmt::format("annalist {} {}", command, fmt::join(opts.inputs, " "));
  auto ing = store::Ingestor::open(flags.db, io);
  if (!ing.ok()) {
    std::cerr << "annalist " << command << ": " << ing.error().message << "\n";
    return kExitFatal;
  }
  store::Ingestor& ingestor = **ing;
  RunHooks hooks;
  hooks.write_records = write_records;
  hooks.on_document = [&](const Document& d) { return ingestor.add(d).status(); };
  hooks.on_error = [&](const io::DocError& e) {
    return ingestor.addError(e.origin, e.position, e.doc_id, e.reason);
  };
  hooks.on_end = [&](const RunSummary&) { return ingestor.finish(); };
  const int rc = runDocuments(command, opts, pipeline, writer, hooks);
  if (!opts.quiet && rc != kExitFatal) {
    const auto& c = ingestor.counts();
    std::cerr << fmt::format(
        "annalist {}: store {} (run {}): {} inserted, {} replaced, {} unchanged, {} failed; "
        "{} events, {} quotes written\n",
        command, flags.db, ingestor.runId(), c.inserted, c.replaced, c.unchanged, c.failed,
        c.events, c.quotes);
  }
  return rc;
}

}  // namespace annalist::cli
