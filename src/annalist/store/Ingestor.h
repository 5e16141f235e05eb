// Writes Documents (every filled layer) into the store, idempotently and crash-safely.
//
// Idempotency: a document is keyed by its id. Its `content_hash` covers the text and the
// metadata (date, title, source, url); together with the coder and dictionary versions it
// decides what `add` does: the same hash and versions → nothing changes (kUnchanged); a
// different hash or version → the document's rows are replaced (kReplaced); a new id →
// kInserted.
//
// Crash safety: documents are written in batched IMMEDIATE transactions (`batch_size`
// documents per commit) in WAL mode; a document's rows and its run counters commit
// together, so a killed process leaves every document either complete or absent, and a
// re-run (idempotent) finishes the work. A run row is committed at begin() with status
// 'running'; a run killed before finish() keeps that status.
//
// Thread safety: one thread at a time. Ownership: owns its connection.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "annalist/core/Document.h"
#include "annalist/core/Result.h"
#include "annalist/store/Sqlite.h"

namespace annalist::store {

struct IngestOptions {
  std::string coder_version;       // e.g. "annalist 0.1.0 [tokenize,tagger,...]"
  std::string dictionary_version;  // e.g. a hash of the dictionary files
  std::string command;             // recorded in runs.command
  size_t batch_size = 256;         // documents per transaction (>= 1)
  bool force = false;              // replace even unchanged documents
};

struct IngestCounts {
  size_t read = 0, inserted = 0, replaced = 0, unchanged = 0, failed = 0;
  size_t events = 0, quotes = 0;
};

// 64-bit FNV-1a, as 16 lowercase hex digits (the `text_hash` column).
std::string hashHex(std::string_view bytes);
// The `content_hash` of a document: text + date + title + source + url.
std::string contentHash(const Document& doc);

class Ingestor {
 public:
  enum class Outcome { kInserted, kReplaced, kUnchanged };

  // Opens (creating and migrating) the store at `path` and starts a run.
  static Result<std::unique_ptr<Ingestor>> open(const std::string& path, IngestOptions options);
  ~Ingestor();  // rolls back an uncommitted batch (as a crash would) unless finish() ran
  Ingestor(const Ingestor&) = delete;
  Ingestor& operator=(const Ingestor&) = delete;

  // Adds one processed document (committed with its batch).
  Result<Outcome> add(const Document& doc);
  // Records a per-document failure of this run.
  Status addError(std::string_view origin, std::string_view position, std::string_view doc_id,
                  std::string_view reason);
  // Commits the pending batch (also done automatically every batch_size documents).
  Status flush();
  // Commits, marks the run finished ('ok' or 'some-failed'), checkpoints the WAL.
  Status finish();

  const IngestCounts& counts() const { return counts_; }
  int64_t runId() const { return run_id_; }
  Db& db() { return db_; }

 private:
  Ingestor(Db db, IngestOptions options);
  Status begin();
  Status ensureTransaction();
  Status prepareStatements();
  Status insertDocument(const Document& doc, const std::string& content_hash,
                        const std::string& text_hash);
  Status updateRunCounts();

  Db db_;
  IngestOptions options_;
  IngestCounts counts_;
  int64_t run_id_ = 0;
  bool in_tx_ = false;
  size_t pending_ = 0;
  bool finished_ = false;
  struct Statements;
  std::unique_ptr<Statements> st_;
};

}  // namespace annalist::store
