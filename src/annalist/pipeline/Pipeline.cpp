#include "annalist/pipeline/Pipeline.h"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

namespace annalist {

Status Pipeline::process(Document& doc) const {
  for (const auto& stage : stages_) {
    if (Status s = stage->process(doc); !s.isOk()) {
      return Error{s.error().kind, fmt::format("{}: {}", stage->name(), s.message())};
    }
  }
  return Status::ok();
}

namespace {

void printProgress(const RunSummary& s, size_t total_bytes, double secs, bool final) {
  const double mb = static_cast<double>(s.bytes) / 1e6;
  std::string eta;
  if (total_bytes > 0 && s.bytes > 0 && !final) {
    const double rest = secs * (static_cast<double>(total_bytes) / s.bytes - 1.0);
    eta = fmt::format(", ETA {:.0f}s", rest);
  }
  std::fprintf(stderr, "\r%s",
               fmt::format("{} docs ({:.0f} docs/s, {:.0f} tokens/s, {:.1f} MB){}   ", s.read,
                           s.read / secs, s.tokens / secs, mb, eta)
                   .c_str());
  if (final) std::fputc('\n', stderr);
}

}  // namespace

RunSummary runPipeline(const Pipeline& pipeline, io::DocumentSource& source,
                       const RunOptions& options, const RunSink& sink) {
  RunSummary summary;
  const auto t0 = std::chrono::steady_clock::now();
  const int threads = std::max(1, options.threads);
  const size_t batch_size = static_cast<size_t>(threads) * 16;
  std::vector<io::ReadItem> batch;
  std::vector<Status> status;
  auto last_progress = t0;
  bool more = true;
  while (more) {
    batch.clear();
    io::ReadItem item;
    while (batch.size() < batch_size && (more = source.next(item)))
      batch.push_back(std::move(item));
    if (batch.empty()) break;
    status.assign(batch.size(), Status::ok());
    auto work = [&](std::atomic<size_t>& next) {
      for (size_t i; (i = next.fetch_add(1)) < batch.size();) {
        if (batch[i].doc) status[i] = pipeline.process(*batch[i].doc);
      }
    };
    std::atomic<size_t> next{0};
    if (threads == 1) {
      work(next);
    } else {
      std::vector<std::jthread> pool;
      for (int k = 0; k < threads; ++k) pool.emplace_back([&] { work(next); });
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      ++summary.read;
      auto& it = batch[i];
      if (it.doc && !status[i].isOk()) {
        it.error = io::DocError{it.doc->origin, "", it.doc->id(), status[i].message()};
        it.doc.reset();
      }
      if (it.doc) {
        ++summary.processed;
        summary.tokens += it.doc->tokens.size();
        summary.sentences += it.doc->sentences.size();
        summary.bytes += it.doc->text().size();
        sink(&*it.doc, nullptr);
      } else {
        ++summary.failed;
        sink(nullptr, &*it.error);
      }
    }
    if (options.progress) {
      const auto now = std::chrono::steady_clock::now();
      if (now - last_progress > std::chrono::milliseconds(250)) {
        last_progress = now;
        printProgress(summary, source.totalBytes(), std::chrono::duration<double>(now - t0).count(),
                      false);
      }
    }
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (options.progress && summary.seconds > 0) {
    printProgress(summary, source.totalBytes(), summary.seconds, true);
  }
  return summary;
}

}  // namespace annalist
