// Flags shared by every document-processing subcommand, and the one loop that runs a pipeline
// over the inputs, writes records in input order, writes error records, and prints the summary.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "annalist/io/DocumentSource.h"
#include "annalist/pipeline/Pipeline.h"

namespace annalist::cli {

// Exit statuses (documented in README / docs/FORMATS.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFatal = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitSomeFailed = 3;

struct CommonOptions {
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  std::string output = "-";
  std::string output_format;  // per command default
  std::string date;
  std::string errors;
  int threads = 1;
  bool quiet = false;
  size_t max_doc_bytes = 10u << 20;
};

// Adds inputs, --input-format, --output, --output-format (with the allowed `formats`, the
// first is the default), --date, --errors, -j, --quiet, --max-doc-bytes.
void addCommonOptions(CLI::App* app, CommonOptions& opts, std::vector<std::string> formats);

// Validates the common flags into ReadOptions; returns false (after printing why) on misuse.
bool makeReadOptions(const CommonOptions& opts, io::ReadOptions& out);

// Writes one successfully processed document to `out` in the chosen output format.
using DocWriter = std::function<void(const Document& doc, std::ostream& out)>;

// Runs `pipeline` over the inputs; returns the exit status. `command` names the subcommand in
// messages. Errors go to --errors (JSONL) and, counted, to the summary on stderr.
int runDocuments(std::string_view command, const CommonOptions& opts, const Pipeline& pipeline,
                 const DocWriter& writer);

// Per-run hooks for sinks beside the record writer (the store). All run on the main thread,
// in input order. A hook returning an error stops further hook calls and makes the run
// fatal (exit 1) after the pipeline drains; `on_end` gets the summary's failed count.
struct RunHooks {
  std::function<Status(const Document& doc)> on_document;
  std::function<Status(const io::DocError& error)> on_error;
  std::function<Status(const RunSummary& summary)> on_end;
  // When false, records are not written at all (e.g. `code --db` without --output).
  bool write_records = true;
};

// runDocuments with hooks.
int runDocuments(std::string_view command, const CommonOptions& opts, const Pipeline& pipeline,
                 const DocWriter& writer, const RunHooks& hooks);

}  // namespace annalist::cli
