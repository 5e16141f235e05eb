#include "annalist/cli/Common.h"

#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "annalist/io/DocumentJson.h"

namespace annalist::cli {

void addCommonOptions(CLI::App* app, CommonOptions& opts, std::vector<std::string> formats) {
  app->add_option("inputs", opts.inputs, "Input files, directories (recursive) or - for stdin")
      ->required();
  app->add_option("--input-format", opts.input_format,
                  "auto|text|jsonl|petrarch-xml|tabari|conllu|iob2 (auto sniffs)")
      ->capture_default_str();
  app->add_option("-o,--output", opts.output, "Output file (default: stdout)");
  if (!formats.empty()) {
    opts.output_format = formats.front();
    app->add_option("--output-format", opts.output_format, "Output format")
        ->check(CLI::IsMember(formats))
        ->capture_default_str();
  }
  app->add_option("--date", opts.date,
                  "Story date (YYYY-MM-DD) for documents without a date header or dated name");
  app->add_option("--errors", opts.errors, "Write per-document error records (JSONL) here");
  app->add_option("-j,--threads", opts.threads, "Worker threads (output order is input order)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  app->add_flag("-q,--quiet", opts.quiet, "No summary or progress on stderr");
  app->add_option("--max-doc-bytes", opts.max_doc_bytes, "Documents larger than this become errors")
      ->capture_default_str();
}

bool makeReadOptions(const CommonOptions& opts, io::ReadOptions& out) {
  auto fmt = io::parseInputFormat(opts.input_format);
  if (!fmt) {
    std::cerr << "annalist: unknown --input-format '" << opts.input_format << "'\n";
    return false;
  }
  out.format = *fmt;
  if (!opts.date.empty()) {
    out.default_date = Date::parseIso(opts.date);
    if (!out.default_date) {
      std::cerr << "annalist: --date must be YYYY-MM-DD, got '" << opts.date << "'\n";
      return false;
    }
  }
  out.max_doc_bytes = opts.max_doc_bytes;
  return true;
}

int runDocuments(std::string_view command, const CommonOptions& opts, const Pipeline& pipeline,
                 const DocWriter& writer) {
  return runDocuments(command, opts, pipeline, writer, RunHooks{});
}

int runDocuments(std::string_view command, const CommonOptions& opts, const Pipeline& pipeline,
                 const DocWriter& writer, const RunHooks& hooks) {
  io::ReadOptions ropts;
  if (!makeReadOptions(opts, ropts)) return kExitUsage;
  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (hooks.write_records && !opts.output.empty() && opts.output != "-") {
    file_out.open(opts.output, std::ios::binary);
    if (!file_out) {
      std::cerr << "annalist " << command << ": cannot write " << opts.output << "\n";
      return kExitFatal;
    }
    out = &file_out;
  }
  std::ofstream err_out;
  if (!opts.errors.empty()) {
    err_out.open(opts.errors, std::ios::binary);
    if (!err_out) {
      std::cerr << "annalist " << command << ": cannot write " << opts.errors << "\n";
      return kExitFatal;
    }
  }
  io::DocumentSource source(opts.inputs, ropts);
  RunOptions run;
  run.threads = opts.threads;
  run.progress = !opts.quiet && isatty(STDERR_FILENO) && source.totalBytes() > (1u << 20);
  size_t shown_errors = 0;
  Status hook_status;
  auto summary = runPipeline(pipeline, source, run, [&](const Document* d, const io::DocError* e) {
    if (d) {
      if (hooks.write_records) writer(*d, *out);
      if (hooks.on_document && hook_status.isOk()) hook_status = hooks.on_document(*d);
      return;
    }
    if (hooks.on_error && hook_status.isOk()) hook_status = hooks.on_error(*e);
    if (err_out.is_open()) err_out << io::errorJson(*e).dump() << '\n';
    if (!opts.quiet && shown_errors++ < 20) {
      std::cerr << fmt::format("annalist {}: error: {}{}{}: {}\n", command, e->origin,
                               e->position.empty() ? "" : ":", e->position, e->reason);
    }
  });
  out->flush();
  if (hooks.on_end && hook_status.isOk()) hook_status = hooks.on_end(summary);
  if (!hook_status.isOk()) {
    std::cerr << "annalist " << command << ": " << hook_status.message() << "\n";
    return kExitFatal;
  }
  if (!opts.quiet) {
    std::cerr << fmt::format(
        "annalist {}: read {} documents, processed {}, failed {} ({} sentences, {} tokens, "
        "{:.2f}s)\n",
        command, summary.read, summary.processed, summary.failed, summary.sentences, summary.tokens,
        summary.seconds);
  }
  if (!*out) {
    std::cerr << "annalist " << command << ": write error on output\n";
    return kExitFatal;
  }
  return summary.failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace annalist::cli
