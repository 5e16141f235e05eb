#include "annalist/store/Schema.h"

#include <fmt/format.h>

namespace annalist::store {

namespace {

// Version 1: every record layer, ingest runs, full-text search.
constexpr std::string_view kV1 = R"SQL(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO meta(key, value) VALUES ('schema_version', '0'), ('application', 'annalist');

CREATE TABLE runs (
  run_id             INTEGER PRIMARY KEY,
  started_at         TEXT NOT NULL,
  finished_at        TEXT,
  status             TEXT NOT NULL DEFAULT 'running',
  command            TEXT NOT NULL DEFAULT '',
  coder_version      TEXT NOT NULL DEFAULT '',
  dictionary_version TEXT NOT NULL DEFAULT '',
  docs_read          INTEGER NOT NULL DEFAULT 0,
  docs_inserted      INTEGER NOT NULL DEFAULT 0,
  docs_replaced      INTEGER NOT NULL DEFAULT 0,
  docs_unchanged     INTEGER NOT NULL DEFAULT 0,
  docs_failed        INTEGER NOT NULL DEFAULT 0,
  events_written     INTEGER NOT NULL DEFAULT 0,
  quotes_written     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE run_errors (
  error_id INTEGER PRIMARY KEY,
  run_id   INTEGER NOT NULL REFERENCES runs(run_id),
  origin   TEXT NOT NULL DEFAULT '',
  position TEXT NOT NULL DEFAULT '',
  doc_id   TEXT NOT NULL DEFAULT '',
  reason   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX run_errors_run ON run_errors(run_id);

CREATE TABLE documents (
  doc_key            INTEGER PRIMARY KEY,
  doc_id             TEXT NOT NULL UNIQUE,
  date               TEXT,
  date_origin        TEXT NOT NULL DEFAULT '',
  title              TEXT NOT NULL DEFAULT '',
  source             TEXT NOT NULL DEFAULT '',
  url                TEXT NOT NULL DEFAULT '',
  origin             TEXT NOT NULL DEFAULT '',
  text               TEXT NOT NULL,
  text_hash          TEXT NOT NULL,
  content_hash       TEXT NOT NULL,
  coder_version      TEXT NOT NULL,
  dictionary_version TEXT NOT NULL,
  layers             INTEGER NOT NULL DEFAULT 0,
  n_sentences        INTEGER NOT NULL DEFAULT 0,
  n_tokens           INTEGER NOT NULL DEFAULT 0,
  n_mentions         INTEGER NOT NULL DEFAULT 0,
  n_entities         INTEGER NOT NULL DEFAULT 0,
  n_quotes           INTEGER NOT NULL DEFAULT 0,
  n_events           INTEGER NOT NULL DEFAULT 0,
  extra_json         TEXT NOT NULL DEFAULT '',
  run_id             INTEGER REFERENCES runs(run_id),
  ingested_at        TEXT NOT NULL
);
CREATE INDEX documents_date ON documents(date);

CREATE TABLE sentences (
  doc_key   INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
  idx       INTEGER NOT NULL,
  start     INTEGER NOT NULL,
  end       INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  headline  INTEGER NOT NULL DEFAULT 0,
  n_tokens  INTEGER NOT NULL,
  PRIMARY KEY (doc_key, idx)
) WITHOUT ROWID;

CREATE TABLE mentions (
  doc_key  INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
  idx      INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  start    INTEGER NOT NULL,
  end      INTEGER NOT NULL,
  text     TEXT NOT NULL,
  type     TEXT NOT NULL DEFAULT '',
  source   TEXT NOT NULL DEFAULT '',
  code     TEXT NOT NULL DEFAULT '',
  actor_id TEXT NOT NULL DEFAULT '',
  entity   INTEGER NOT NULL DEFAULT -1,
  PRIMARY KEY (doc_key, idx)
) WITHOUT ROWID;
CREATE INDEX mentions_code ON mentions(code, text);

CREATE TABLE entities (
  doc_key    INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  name       TEXT NOT NULL DEFAULT '',
  type       TEXT NOT NULL DEFAULT '',
  code       TEXT NOT NULL DEFAULT '',
  actor_id   TEXT NOT NULL DEFAULT '',
  n_mentions INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (doc_key, idx)
) WITHOUT ROWID;
CREATE INDEX entities_code ON entities(code);

CREATE TABLE quotes (
  quote_id         INTEGER PRIMARY KEY,
  doc_key          INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
  idx              INTEGER NOT NULL,
  sentence         INTEGER NOT NULL DEFAULT -1,
  type             TEXT NOT NULL DEFAULT '',
  start            INTEGER NOT NULL,
  end              INTEGER NOT NULL,
  text             TEXT NOT NULL,
  parts            TEXT NOT NULL DEFAULT '[]',
  cue_start        INTEGER,
  cue_end          INTEGER,
  cue_text         TEXT,
  speaker_start    INTEGER,
  speaker_end      INTEGER,
  speaker_text     TEXT,
  speaker_mention  INTEGER NOT NULL DEFAULT -1,
  speaker_entity   INTEGER NOT NULL DEFAULT -1,
  speaker_name     TEXT NOT NULL DEFAULT '',
  speaker_code     TEXT NOT NULL DEFAULT '',
  speaker_actor_id TEXT NOT NULL DEFAULT '',
  confidence       REAL NOT NULL DEFAULT 0,
  UNIQUE (doc_key, idx)
);
CREATE INDEX quotes_speaker_code ON quotes(speaker_code);

CREATE TABLE events (
  event_id        INTEGER PRIMARY KEY,
  doc_key         INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
  idx             INTEGER NOT NULL,
  sentence        INTEGER NOT NULL,
  date            TEXT,
  day             INTEGER,
  date_source     TEXT NOT NULL DEFAULT '',
  source_code     TEXT NOT NULL DEFAULT '',
  source_actor_id TEXT NOT NULL DEFAULT '',
  source_text     TEXT NOT NULL DEFAULT '',
  source_start    INTEGER,
  source_end      INTEGER,
  source_mention  INTEGER NOT NULL DEFAULT -1,
  source_entity   INTEGER NOT NULL DEFAULT -1,
  target_code     TEXT NOT NULL DEFAULT '',
  target_actor_id TEXT NOT NULL DEFAULT '',
  target_text     TEXT NOT NULL DEFAULT '',
  target_start    INTEGER,
  target_end      INTEGER,
  target_mention  INTEGER NOT NULL DEFAULT -1,
  target_entity   INTEGER NOT NULL DEFAULT -1,
  cameo           TEXT NOT NULL DEFAULT '',
  cameo_root      TEXT NOT NULL DEFAULT '',
  quad_class      INTEGER NOT NULL DEFAULT 0,
  goldstein       REAL NOT NULL DEFAULT 0,
  plover_event    TEXT NOT NULL DEFAULT '',
  plover_mode     TEXT NOT NULL DEFAULT '',
  plover_context  TEXT NOT NULL DEFAULT '',
  negated         INTEGER NOT NULL DEFAULT 0,
  modality        TEXT NOT NULL DEFAULT '',
  reported_by     INTEGER NOT NULL DEFAULT -1,
  in_headline     INTEGER NOT NULL DEFAULT 0,
  in_quote        INTEGER NOT NULL DEFAULT 0,
  trigger_start   INTEGER,
  trigger_end     INTEGER,
  trigger_text    TEXT NOT NULL DEFAULT '',
  evidence_start  INTEGER,
  evidence_end    INTEGER,
  evidence_text   TEXT NOT NULL DEFAULT '',
  rule            TEXT NOT NULL DEFAULT '',
  UNIQUE (doc_key, idx)
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_source ON events(source_code, date);
CREATE INDEX events_target ON events(target_code, date);
CREATE INDEX events_cameo ON events(cameo, date);
CREATE INDEX events_root ON events(cameo_root, date);
CREATE INDEX events_plover ON events(plover_event, date);

-- Mentions that no dictionary resolved: candidates for new actor entries.
CREATE VIEW unknown_actors AS
  SELECT m.text AS text, m.type AS type, count(*) AS mentions,
         count(DISTINCT m.doc_key) AS documents, min(d.date) AS first_date,
         max(d.date) AS last_date
  FROM mentions m JOIN documents d ON d.doc_key = m.doc_key
  WHERE m.code = '' AND m.source NOT IN ('pronoun')
  GROUP BY m.text, m.type;

-- Full-text search (external content: the text lives once, in documents/quotes).
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents',
                                              content_rowid='doc_key');
CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc_key, new.title, new.text);
END;
CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text)
  VALUES ('delete', old.doc_key, old.title, old.text);
END;
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_name, content='quotes',
                                           content_rowid='quote_id');
CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, text, speaker_name)
  VALUES (new.quote_id, new.text, new.speaker_name);
END;
CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
  VALUES ('delete', old.quote_id, old.text, old.speaker_name);
END;
)SQL";

// Version 2: covering indexes for the dyad aggregates (docs/STORE.md, "Benchmarks").
constexpr std::string_view kV2 = R"SQL(
CREATE INDEX events_dyad ON events(source_code, target_code, date, goldstein, quad_class);
)SQL";

// Version 3: a monthly roll-up of events by dyad, kept exact by triggers in the same
// transaction as the events themselves (so kill -9 cannot leave it stale). The dyad x month
// aggregates read it instead of scanning every event: one row per (month, source, target).
constexpr std::string_view kV3Tables = R"SQL(
CREATE TABLE event_months (
  month         TEXT NOT NULL,     -- 'YYYY-MM' of the event date, '' when undated
  source_code   TEXT NOT NULL,
  target_code   TEXT NOT NULL,
  n_events      INTEGER NOT NULL,
  goldstein_sum REAL NOT NULL,
  PRIMARY KEY (month, source_code, target_code)
) WITHOUT ROWID;
CREATE INDEX event_months_dyad
  ON event_months(source_code, target_code, month, n_events, goldstein_sum);
CREATE INDEX event_months_target
  ON event_months(target_code, month, n_events, goldstein_sum);
INSERT INTO event_months(month, source_code, target_code, n_events, goldstein_sum)
  SELECT coalesce(substr(date, 1, 7), ''), source_code, target_code, count(*), sum(goldstein)
  FROM events GROUP BY 1, 2, 3;
)SQL";
// Trigger bodies: count the `new` event in, count the `old` one out.
constexpr std::string_view kV3AddNew = R"SQL(
  INSERT INTO event_months(month, source_code, target_code, n_events, goldstein_sum)
  VALUES (coalesce(substr(new.date, 1, 7), ''), new.source_code, new.target_code, 1,
          new.goldstein)
  ON CONFLICT (month, source_code, target_code) DO UPDATE
    SET n_events = n_events + 1, goldstein_sum = goldstein_sum + excluded.goldstein_sum;
)SQL";
constexpr std::string_view kV3RemoveOld = R"SQL(
  UPDATE event_months SET n_events = n_events - 1, goldstein_sum = goldstein_sum - old.goldstein
  WHERE month = coalesce(substr(old.date, 1, 7), '') AND source_code = old.source_code
    AND target_code = old.target_code;
  DELETE FROM event_months
  WHERE month = coalesce(substr(old.date, 1, 7), '') AND source_code = old.source_code
    AND target_code = old.target_code AND n_events <= 0;
)SQL";

const std::string& v3Sql() {
  static const std::string kSql = fmt::format(
      "{0}CREATE TRIGGER event_months_ai AFTER INSERT ON events BEGIN{1}END;\n"
      "CREATE TRIGGER event_months_ad AFTER DELETE ON events BEGIN{2}END;\n"
      "CREATE TRIGGER event_months_au AFTER UPDATE OF date, source_code, target_code, goldstein "
      "ON events BEGIN{2}{1}END;\n",
      kV3Tables, kV3AddNew, kV3RemoveOld);
  return kSql;
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kAll = {
      {1, "documents, sentences, mentions, entities, quotes, events, runs, full-text search", kV1},
      {2, "covering index for dyad aggregates", kV2},
      {3, "monthly dyad roll-up (event_months) kept by triggers", v3Sql()},
  };
  return kAll;
}

Result<int> schemaVersion(Db& db) {
  auto has_meta = db.queryInt(
      "SELECT count(*) FROM sqlite_master WHERE type='table' AND "
      "name='meta'");
  if (!has_meta.ok()) return has_meta.error();
  if (has_meta->value_or(0) == 0) {
    auto tables = db.queryInt("SELECT count(*) FROM sqlite_master");
    if (!tables.ok()) return tables.error();
    if (tables->value_or(0) != 0) {
      return Error::corrupt(fmt::format(
          "'{}' is a SQLite database but not an annalist store (no meta table)", db.path()));
    }
    return 0;
  }
  auto v = db.queryInt("SELECT CAST(value AS INTEGER) FROM meta WHERE key='schema_version'");
  if (!v.ok()) return v.error();
  if (!v->has_value()) {
    return Error::corrupt(fmt::format("'{}': meta table has no schema_version", db.path()));
  }
  return static_cast<int>(**v);
}

Status migrate(Db& db, int target) {
  if (target > kSchemaVersion) {
    return Error::invalid(
        fmt::format("cannot migrate to schema version {}: this annalist "
                    "knows versions up to {}",
                    target, kSchemaVersion));
  }
  for (const Migration& m : migrations()) {
    if (m.to > target) break;
    Transaction tx(db);
    if (!tx.status().isOk()) return tx.status();
    // Read the version inside the write transaction: another process may have migrated.
    auto cur = schemaVersion(db);
    if (!cur.ok()) return cur.error();
    if (*cur > kSchemaVersion) {
      return Error::unsupported(
          fmt::format("'{}' has store schema version {}, newer than this annalist supports "
                      "({}); upgrade annalist",
                      db.path(), *cur, kSchemaVersion));
    }
    if (*cur >= m.to) continue;
    if (*cur != m.to - 1) {
      return Error::corrupt(fmt::format("'{}': schema version {} cannot take migration to {}",
                                        db.path(), *cur, m.to));
    }
    if (Status s = db.exec(m.sql); !s.isOk()) {
      return Error::internal(
          fmt::format("migration to schema version {} failed: {}", m.to, s.message()));
    }
    auto st = db.prepare("UPDATE meta SET value = ?1 WHERE key = 'schema_version'");
    if (!st.ok()) return st.error();
    if (Status s = st->bind(1, std::to_string(m.to)).exec(); !s.isOk()) return s;
    if (Status s = db.exec(fmt::format("PRAGMA user_version = {}", m.to)); !s.isOk()) return s;
    if (Status s = tx.commit(); !s.isOk()) return s;
  }
  // A database already newer than `target` is fine when this build still knows it.
  auto cur = schemaVersion(db);
  if (!cur.ok()) return cur.error();
  if (*cur > kSchemaVersion) {
    return Error::unsupported(
        fmt::format("'{}' has store schema version {}, newer than this annalist supports ({}); "
                    "upgrade annalist",
                    db.path(), *cur, kSchemaVersion));
  }
  return Status::ok();
}

Status configureConnection(Db& db, bool read_only) {
  if (!read_only) {
    if (Status s = db.exec("PRAGMA journal_mode=WAL"); !s.isOk()) return s;
  }
  return db.exec(
      "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; "
      "PRAGMA temp_store=MEMORY");
}

Result<Db> openStore(const std::string& path, bool create) {
  auto db = Db::open(path, create ? Db::Mode::kCreate : Db::Mode::kExisting);
  if (!db.ok()) return db.error();
  if (Status s = configureConnection(*db); !s.isOk()) return s.error();
  if (!create) {
    auto v = schemaVersion(*db);
    if (!v.ok()) return v.error();
    if (*v == 0) {
      return Error::notFound(
          fmt::format("'{}' is not an annalist store (empty database); "
                      "create it with `annalist code ... --db {}`",
                      path, path));
    }
  }
  if (Status s = migrate(*db); !s.isOk()) return s.error();
  return std::move(db.value());
}

}  // namespace annalist::store
