// Store benchmarks (db_bench style): fixed, deterministic workloads, wall-clock figures.
//
//   store_bench ingest  [--docs N] [--batch B]        ingest rate of synthetic documents
//                                                     (every layer filled): docs/s, events/s
//   store_bench query   [--store FILE] [--events N]   builds (once) a store of >= N events
//                                                     (default 1,000,000) and times the
//                                                     aggregates (median of 5 runs, wall
//                                                     and CPU time)
//
// The synthetic documents come from store/SyntheticCorpus.h (seeded): 8 event sentences and
// 2 quotes per document (10 events), 40 actors, dates over 10 years.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "annalist/store/Ingestor.h"
#include "annalist/store/Query.h"
#include "annalist/store/Schema.h"
#include "annalist/store/SyntheticCorpus.h"

using namespace annalist;
using namespace annalist::store;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

SyntheticOptions benchCorpus() {
  SyntheticOptions so;
  so.seed = 2026;
  so.sentences = 8;
  so.quotes = 2;
  so.days = 3650;
  so.actors = 40;
  return so;
}

class CountSink : public RowSink {
 public:
  void header(const std::vector<std::string>&) override {}
  void row(const Row&) override { ++rows; }
  size_t rows = 0;
};

int ingestBench(size_t docs, size_t batch) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "annalist_store_bench_ingest.db").string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  const SyntheticOptions so = benchCorpus();
  // Generate first: the figure is the store's time, not the generator's.
  std::vector<Document> corpus;
  corpus.reserve(docs);
  size_t events = 0;
  for (size_t i = 0; i < docs; ++i) {
    corpus.push_back(syntheticDocument(so, i));
    events += corpus.back().events.size();
  }
  IngestOptions io;
  io.coder_version = "bench";
  io.dictionary_version = "bench";
  io.batch_size = batch;
  auto t0 = Clock::now();
  auto ing = Ingestor::open(path, io);
  if (!ing.ok()) {
    fmt::print(stderr, "store_bench: {}\n", ing.error().message);
    return 1;
  }
  for (const auto& d : corpus) {
    if (auto r = (*ing)->add(d); !r.ok()) {
      fmt::print(stderr, "store_bench: {}\n", r.error().message);
      return 1;
    }
  }
  if (Status s = (*ing)->finish(); !s.isOk()) return 1;
  const double t_insert = since(t0);
  // Re-ingest: every document unchanged (the idempotency check's cost).
  t0 = Clock::now();
  io.command = "again";
  auto again = Ingestor::open(path, io);
  for (const auto& d : corpus) (void)(*again)->add(d);
  (void)(*again)->finish();
  const double t_again = since(t0);
  fmt::print("ingest: {} docs, {} events, batch {}: {:.2f}s = {:.0f} docs/s, {:.0f} events/s\n",
             docs, events, batch, t_insert, docs / t_insert, events / t_insert);
  fmt::print("re-ingest unchanged: {:.2f}s = {:.0f} docs/s\n", t_again, docs / t_again);
  fmt::print("store size: {:.1f} MB\n", std::filesystem::file_size(path) / 1e6);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return 0;
}

int queryBench(const std::string& path, size_t want_events) {
  {
    auto db = openStore(path, true);
    if (!db.ok()) {
      fmt::print(stderr, "store_bench: {}\n", db.error().message);
      return 1;
    }
    auto n = db->queryInt("SELECT count(*) FROM events");
    if (static_cast<size_t>(n->value_or(0)) < want_events) {
      db = Db();
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
      const SyntheticOptions so = benchCorpus();
      IngestOptions io;
      io.coder_version = "bench";
      io.dictionary_version = "bench";
      io.batch_size = 2000;
      const auto t0 = Clock::now();
      auto ing = Ingestor::open(path, io);
      if (!ing.ok()) return 1;
      size_t events = 0, docs = 0;
      while (events < want_events) {
        Document d = syntheticDocument(so, docs++);
        events += d.events.size();
        if (!(*ing)->add(d).ok()) return 1;
      }
      if (!(*ing)->finish().isOk()) return 1;
      (void)(*ing)->db().exec("ANALYZE");
      fmt::print("built {}: {} docs, {} events in {:.1f}s\n", path, docs, events, since(t0));
    }
  }
  auto db = openStore(path, false);
  auto n = db->queryInt("SELECT count(*) FROM events");
  fmt::print("store {}: {} events, {:.0f} MB\n", path, n->value_or(0),
             std::filesystem::file_size(path) / 1e6);
  struct Case {
    std::string name;
    std::function<Status(CountSink&)> run;
  };
  auto events = [&](EventQuery q) {
    return [&db, q](CountSink& s) { return queryEvents(*db, q, s); };
  };
  std::vector<Case> cases;
  {
    EventQuery q;
    q.by = GroupBy::kDyad;
    q.per = Period::kMonth;
    cases.push_back({"monthly dyad aggregate, all events (--by dyad --per month)", events(q)});
  }
  {
    EventQuery q;
    q.by = GroupBy::kDyad;
    q.per = Period::kMonth;
    q.filter.source = {"IRN"};
    q.filter.target = {"PSE"};
    cases.push_back({"monthly dyad aggregate, one dyad (--source IRN --target PSE)", events(q)});
  }
  {
    EventQuery q;
    q.by = GroupBy::kDyad;
    q.top = 10;
    cases.push_back({"top 10 dyads (--by dyad --top 10)", events(q)});
  }
  {
    EventQuery q;
    q.by = GroupBy::kActor;
    q.top = 10;
    cases.push_back({"top 10 actors (--by actor --top 10)", events(q)});
  }
  {
    EventQuery q;
    q.by = GroupBy::kRoot;
    q.per = Period::kYear;
    cases.push_back({"events by root per year (--by root --per year)", events(q)});
  }
  {
    EventQuery q;
    q.per = Period::kWeek;
    q.filter.actor = {"USA"};
    cases.push_back({"weekly counts of one actor (--actor USA --per week)", events(q)});
  }
  {
    EventQuery q;
    q.filter.source = {"RUS"};
    q.filter.quad_class = {4};
    q.filter.date_from = "2020-01-01";
    q.filter.date_to = "2020-03-31";
    cases.push_back({"event list, filtered (--source RUS --quad 4, one quarter)", events(q)});
  }
  {
    EventQuery q;
    q.filter.text = "Hezbollah sanctions";
    q.per = Period::kYear;
    cases.push_back(
        {"full-text filter per year (--text 'Hezbollah sanctions' --per year)", events(q)});
  }
  cases.push_back({"quotes of a speaker (--speaker TUR)", [&db](CountSink& s) {
                     QuoteQuery q;
                     q.speaker = "TUR";
                     return queryQuotes(*db, q, s);
                   }});
  for (auto& c : cases) {
    std::vector<double> times, cpu;
    size_t rows = 0;
    for (int i = 0; i < 6; ++i) {
      CountSink sink;
      const auto t0 = Clock::now();
      const std::clock_t c0 = std::clock();
      if (Status s = c.run(sink); !s.isOk()) {
        fmt::print(stderr, "store_bench: {}: {}\n", c.name, s.message());
        return 1;
      }
      if (i > 0) {  // run 0 warms the page cache
        times.push_back(since(t0));
        cpu.push_back(static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
      }
      rows = sink.rows;
    }
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    fmt::print("{:>8.1f} ms wall {:>8.1f} ms CPU  {:>7} rows  {}\n", times[times.size() / 2] * 1e3,
               cpu[cpu.size() / 2] * 1e3, rows, c.name);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  size_t docs = 20000, batch = 256, events = 1000000;
  std::string store =
      (std::filesystem::temp_directory_path() / "annalist_store_bench_1m.db").string();
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--docs") {
      docs = std::stoul(value);
    } else if (flag == "--batch") {
      batch = std::stoul(value);
    } else if (flag == "--events") {
      events = std::stoul(value);
    } else if (flag == "--store") {
      store = value;
    } else {
      fmt::print(stderr, "store_bench: unknown flag {}\n", flag);
      return 2;
    }
  }
  if (mode == "ingest") return ingestBench(docs, batch);
  if (mode == "query") return queryBench(store, events);
  fmt::print(stderr,
             "usage: store_bench ingest [--docs N] [--batch B]\n"
             "       store_bench query [--store FILE] [--events N]\n");
  return 2;
}
