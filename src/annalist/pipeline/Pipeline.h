// Pipeline assembly and the parallel, order-preserving runner.
//
// A Pipeline is an ordered list of Stages built once (models and dictionaries loaded once,
// immutable, shared by all worker threads). `run` streams documents from a DocumentSource,
// processes them on N threads, and hands results to the sink in *input order* whatever N is,
// so output is byte-identical across thread counts.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "annalist/core/Stage.h"
#include "annalist/io/DocumentSource.h"

namespace annalist {

class Pipeline {
 public:
  void add(std::unique_ptr<Stage> stage) { stages_.push_back(std::move(stage)); }
  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }
  // Runs every stage in order; stops at the first failing stage.
  Status process(Document& doc) const;

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
};

struct RunSummary {
  size_t read = 0;       // input documents seen (ok + failed)
  size_t processed = 0;  // documents that went through every stage
  size_t failed = 0;     // reader or stage errors
  size_t tokens = 0;
  size_t sentences = 0;
  size_t bytes = 0;
  double seconds = 0;
};

struct RunOptions {
  int threads = 1;
  bool progress = false;  // progress line on stderr
};

// Called in input order for every item: exactly one of doc / error is set.
using RunSink = std::function<void(const Document* doc, const io::DocError* error)>;

RunSummary runPipeline(const Pipeline& pipeline, io::DocumentSource& source,
                       const RunOptions& options, const RunSink& sink);

}  // namespace annalist
