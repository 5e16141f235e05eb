// Crash safety: really kills ingesting processes with SIGKILL at random moments (fixed seed),
// then checks the store is consistent (every document complete or absent, no duplicates,
// full-text indexes in step) and that re-running the same ingest completes the work with
// exactly the data of an uninterrupted run.
//
// A: a forked child ingests synthetic documents with every layer (events, quotes, entities).
// B: the real `annalist code DIR --db FILE` process over synthetic article files.
#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "annalist/store/Check.h"
#include "annalist/store/Ingestor.h"
#include "annalist/store/Schema.h"
#include "annalist/store/SyntheticCorpus.h"
#include "annalist/store/TestUtil.h"

namespace annalist::store {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kKills = 20;

std::vector<Document> corpus(size_t n) {
  SyntheticOptions so;
  so.seed = 77;
  std::vector<Document> docs;
  for (size_t i = 0; i < n; ++i) docs.push_back(syntheticDocument(so, i));
  return docs;
}

// Ingests `docs` in this process; returns false on any error.
bool ingestAll(const std::string& path, const std::vector<Document>& docs, const std::string& coder,
               size_t batch) {
  IngestOptions o;
  o.coder_version = coder;
  o.dictionary_version = "dict";
  o.batch_size = batch;
  auto ing = Ingestor::open(path, o);
  if (!ing.ok()) return false;
  for (const auto& d : docs) {
    if (!(*ing)->add(d).ok()) return false;
  }
  return (*ing)->finish().isOk();
}

// Forks a child that runs `fn` and exits with its result (0 = ok).
pid_t spawnChild(const std::function<bool()>& fn) {
  const pid_t pid = fork();
  if (pid == 0) _exit(fn() ? 0 : 1);
  return pid;
}

pid_t spawnExec(const std::vector<std::string>& argv) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int devnull = open("/dev/null", O_WRONLY);
    if (devnull >= 0) {
      dup2(devnull, STDOUT_FILENO);
      dup2(devnull, STDERR_FILENO);
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

int waitExit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

// Runs `start` to completion and returns its wall time in seconds.
double timeFullRun(const std::function<pid_t()>& start) {
  const auto t0 = Clock::now();
  const int rc = waitExit(start());
  EXPECT_EQ(rc, 0);
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Kills `kKills` runs at random moments in [0, 1.1 * full) and checks the store each time.
// `start(k)` starts attempt k. Returns how many kills landed while the child still ran.
int killLoop(const std::string& db_path, double full_seconds,
             const std::function<pid_t(int)>& start, size_t max_docs) {
  std::mt19937_64 rng(20261125);
  std::uniform_real_distribution<double> when(0.0, 1.1 * full_seconds);
  int landed = 0;
  for (int k = 0; k < kKills; ++k) {
    const pid_t pid = start(k);
    std::this_thread::sleep_for(std::chrono::duration<double>(when(rng)));
    kill(pid, SIGKILL);
    const int rc = waitExit(pid);
    if (rc == 128 + SIGKILL) ++landed;
    auto db = openStore(db_path, true);
    EXPECT_TRUE(db.ok()) << "attempt " << k << ": " << (db.ok() ? "" : db.error().message);
    if (!db.ok()) continue;
    Status s = checkStore(*db);
    EXPECT_TRUE(s.isOk()) << "attempt " << k << ": " << (s.isOk() ? "" : s.message());
    auto n = db->queryInt("SELECT count(*) FROM documents");
    EXPECT_TRUE(n.ok());
    if (n.ok()) {
      EXPECT_LE(static_cast<size_t>(n->value_or(0)), max_docs);
    }
  }
  return landed;
}

TEST(StoreCrash, KilledIngestLeavesConsistentStoreAndRerunCompletes) {
  testing::TempDir dir;
  const auto docs = corpus(300);
  const std::string ref = dir.file("ref.db"), crash = dir.file("crash.db");
  ASSERT_TRUE(ingestAll(ref, docs, "final", 64));
  const double full = timeFullRun(
      [&] { return spawnChild([&] { return ingestAll(dir.file("calib.db"), docs, "c", 2); }); });
  // Attempts alternate coder versions, so kills hit inserts and replacements alike.
  const int landed = killLoop(
      crash, full,
      [&](int k) {
        return spawnChild(
            [&, k] { return ingestAll(crash, docs, "v" + std::to_string(k % 3), 2); });
      },
      docs.size());
  EXPECT_GE(landed, kKills / 2) << "most kills should land mid-ingest (full run " << full << "s)";
  // Re-running the same command completes the work: the store equals an uninterrupted run.
  ASSERT_EQ(waitExit(spawnChild([&] { return ingestAll(crash, docs, "final", 2); })), 0);
  auto a = openStore(ref, false);
  auto b = openStore(crash, false);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(checkStore(*b).isOk());
  auto da = dumpStore(*a);
  auto db = dumpStore(*b);
  ASSERT_TRUE(da.ok() && db.ok());
  EXPECT_TRUE(da.value() == db.value()) << "store after kills + re-run differs from a clean run";
  auto running = b->queryInt("SELECT count(*) FROM runs WHERE status = 'running'");
  // A killed run stays marked 'running' (unless killed before its run row committed, or
  // after its final commit).
  EXPECT_LE(running->value_or(-1), landed);
  EXPECT_GE(running->value_or(-1), 1);
}

TEST(StoreCrash, KilledAnnalistCodeProcessLeavesConsistentStore) {
  testing::TempDir dir;
  const std::string bin = ANNALIST_BIN;
  std::filesystem::create_directories(dir.path() / "in");
  SyntheticOptions so;
  so.seed = 78;
  const size_t n = 200;
  for (size_t i = 0; i < n; ++i) {
    std::ofstream(dir.path() / "in" / fmt::format("article_{:04d}.txt", i))
        << syntheticArticle(so, i);
  }
  const std::string in = (dir.path() / "in").string();
  const std::string ref = dir.file("ref.db"), crash = dir.file("crash.db");
  auto code = [&](const std::string& db, const std::string& coder, const std::string& batch) {
    return spawnExec(
        {bin, "code", in, "--db", db, "-q", "--db-batch", batch, "--db-coder-version", coder});
  };
  ASSERT_EQ(waitExit(code(ref, "final", "256")), 0);
  const double full = timeFullRun([&] { return code(dir.file("calib.db"), "c", "2"); });
  const int landed = killLoop(
      crash, full, [&](int k) { return code(crash, "v" + std::to_string(k % 3), "2"); }, n);
  EXPECT_GE(landed, kKills / 2) << "most kills should land mid-ingest (full run " << full << "s)";
  ASSERT_EQ(waitExit(code(crash, "final", "2")), 0);
  auto a = openStore(ref, false);
  auto b = openStore(crash, false);
  ASSERT_TRUE(a.ok() && b.ok());
  auto count = b->queryInt("SELECT count(*) FROM documents");
  EXPECT_EQ(count->value_or(-1), static_cast<int64_t>(n));
  auto da = dumpStore(*a);
  auto db = dumpStore(*b);
  ASSERT_TRUE(da.ok() && db.ok());
  EXPECT_TRUE(da.value() == db.value()) << "store after kills + re-run differs from a clean run";
}

}  // namespace
}  // namespace annalist::store
