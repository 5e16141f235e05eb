#include "annalist/store/Ingestor.h"

#include <fmt/format.h>

#include <algorithm>

#include "annalist/store/Schema.h"

namespace annalist::store {

std::string hashHex(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

std::string contentHash(const Document& doc) {
  std::string key;
  key.reserve(doc.text().size() + 128);
  key += doc.text();
  // Field separators that cannot occur in valid UTF-8 keep fields from running together.
  key += '\xff';
  key += doc.date ? doc.date->toString() : std::string();
  key += '\xff';
  key += doc.title;
  key += '\xff';
  key += doc.source;
  key += '\xff';
  key += doc.url;
  return hashHex(key);
}

struct Ingestor::Statements {
  Stmt find_doc, delete_doc, insert_doc, insert_sentence, insert_mention, insert_entity,
      insert_quote, insert_event, insert_error, update_run;
};

namespace {

constexpr std::string_view kInsertDoc = R"SQL(
INSERT INTO documents(doc_id, date, date_origin, title, source, url, origin, text, text_hash,
  content_hash, coder_version, dictionary_version, layers, n_sentences, n_tokens, n_mentions,
  n_entities, n_quotes, n_events, extra_json, run_id, ingested_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
  ?20, ?21, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))SQL";

constexpr std::string_view kInsertQuote = R"SQL(
INSERT INTO quotes(doc_key, idx, sentence, type, start, end, text, parts, cue_start, cue_end,
  cue_text, speaker_start, speaker_end, speaker_text, speaker_mention, speaker_entity,
  speaker_name, speaker_code, speaker_actor_id, confidence)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
  ?20))SQL";

constexpr std::string_view kInsertEvent = R"SQL(
INSERT INTO events(doc_key, idx, sentence, date, day, date_source,
  source_code, source_actor_id, source_text, source_start, source_end, source_mention,
  source_entity, target_code, target_actor_id, target_text, target_start, target_end,
  target_mention, target_entity, cameo, cameo_root, quad_class, goldstein, plover_event,
  plover_mode, plover_context, negated, modality, reported_by, in_headline, in_quote,
  trigger_start, trigger_end, trigger_text, evidence_start, evidence_end, evidence_text, rule)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
  ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38,
  ?39))SQL";

constexpr std::string_view kUpdateRun = R"SQL(
UPDATE runs SET docs_read = ?2, docs_inserted = ?3, docs_replaced = ?4, docs_unchanged = ?5,
  docs_failed = ?6, events_written = ?7, quotes_written = ?8 WHERE run_id = ?1)SQL";

// Index of the sentence containing code point `cp` (-1 when none).
int64_t sentenceAt(const Document& doc, uint32_t cp) {
  auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), cp,
                             [](uint32_t v, const Sentence& s) { return v < s.start; });
  if (it == doc.sentences.begin()) return -1;
  --it;
  return cp < it->end ? static_cast<int64_t>(it - doc.sentences.begin()) : -1;
}

// Binds a span's start/end (NULL when absent) at i, i+1.
void bindSpan(Stmt& st, int i, const std::optional<Span>& s) {
  if (s) {
    st.bind(i, s->start).bind(i + 1, s->end);
  } else {
    st.bindNull(i).bindNull(i + 1);
  }
}

}  // namespace

Ingestor::Ingestor(Db db, IngestOptions options)
    : db_(std::move(db)), options_(std::move(options)), st_(std::make_unique<Statements>()) {
  options_.batch_size = std::max<size_t>(1, options_.batch_size);
}

Ingestor::~Ingestor() {
  // Destroy statements before the connection; an open transaction rolls back on close.
  st_.reset();
  if (in_tx_) (void)db_.exec("ROLLBACK");
}

Result<std::unique_ptr<Ingestor>> Ingestor::open(const std::string& path, IngestOptions options) {
  auto db = openStore(path, /*create=*/true);
  if (!db.ok()) return db.error();
  std::unique_ptr<Ingestor> ing(new Ingestor(std::move(db.value()), std::move(options)));
  if (Status s = ing->prepareStatements(); !s.isOk()) return s.error();
  if (Status s = ing->begin(); !s.isOk()) return s.error();
  return ing;
}

Status Ingestor::prepareStatements() {
  struct Item {
    Stmt* st;
    std::string_view sql;
  };
  const Item items[] = {
      {&st_->find_doc,
       "SELECT doc_key, content_hash, coder_version, dictionary_version FROM documents WHERE "
       "doc_id = ?1"},
      {&st_->delete_doc, "DELETE FROM documents WHERE doc_key = ?1"},
      {&st_->insert_doc, kInsertDoc},
      {&st_->insert_sentence,
       "INSERT INTO sentences(doc_key, idx, start, end, paragraph, headline, n_tokens) VALUES "
       "(?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
      {&st_->insert_mention,
       "INSERT INTO mentions(doc_key, idx, sentence, start, end, text, type, source, code, "
       "actor_id, entity) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"},
      {&st_->insert_entity,
       "INSERT INTO entities(doc_key, idx, name, type, code, actor_id, n_mentions) VALUES (?1, "
       "?2, ?3, ?4, ?5, ?6, ?7)"},
      {&st_->insert_quote, kInsertQuote},
      {&st_->insert_event, kInsertEvent},
      {&st_->insert_error,
       "INSERT INTO run_errors(run_id, origin, position, doc_id, reason) VALUES (?1, ?2, ?3, "
       "?4, ?5)"},
      {&st_->update_run, kUpdateRun},
  };
  for (const Item& it : items) {
    auto st = db_.prepare(it.sql);
    if (!st.ok()) return st.error();
    *it.st = std::move(st.value());
  }
  return Status::ok();
}

Status Ingestor::begin() {
  Transaction tx(db_);
  if (!tx.status().isOk()) return tx.status();
  auto st = db_.prepare(
      "INSERT INTO runs(started_at, command, coder_version, dictionary_version) VALUES "
      "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2, ?3)");
  if (!st.ok()) return st.error();
  st->bind(1, options_.command)
      .bind(2, options_.coder_version)
      .bind(3, options_.dictionary_version);
  if (Status s = st->exec(); !s.isOk()) return s;
  run_id_ = db_.lastInsertRowid();
  return tx.commit();
}

Status Ingestor::ensureTransaction() {
  if (in_tx_) return Status::ok();
  if (Status s = db_.exec("BEGIN IMMEDIATE"); !s.isOk()) return s;
  in_tx_ = true;
  return Status::ok();
}

Status Ingestor::updateRunCounts() {
  Stmt& st = st_->update_run;
  st.bind(1, run_id_)
      .bind(2, static_cast<int64_t>(counts_.read))
      .bind(3, static_cast<int64_t>(counts_.inserted))
      .bind(4, static_cast<int64_t>(counts_.replaced))
      .bind(5, static_cast<int64_t>(counts_.unchanged))
      .bind(6, static_cast<int64_t>(counts_.failed))
      .bind(7, static_cast<int64_t>(counts_.events))
      .bind(8, static_cast<int64_t>(counts_.quotes));
  return st.exec();
}

Status Ingestor::flush() {
  if (!in_tx_) return Status::ok();
  if (Status s = updateRunCounts(); !s.isOk()) return s;
  if (Status s = db_.exec("COMMIT"); !s.isOk()) return s;
  in_tx_ = false;
  pending_ = 0;
  return Status::ok();
}

Result<Ingestor::Outcome> Ingestor::add(const Document& doc) {
  if (finished_) return Error::internal("Ingestor::add after finish()");
  if (Status s = ensureTransaction(); !s.isOk()) return s.error();
  const std::string content_hash = contentHash(doc);
  Outcome outcome = Outcome::kInserted;
  int64_t old_key = -1;
  {
    Stmt& find = st_->find_doc;
    find.bind(1, doc.id());
    if (find.step()) {
      const int64_t key = find.int64(0);
      const bool same = find.text(1) == content_hash && find.text(2) == options_.coder_version &&
                        find.text(3) == options_.dictionary_version;
      find.reset();
      if (same && !options_.force) {
        outcome = Outcome::kUnchanged;
      } else {
        outcome = Outcome::kReplaced;
        old_key = key;
      }
    } else {
      Status s = find.status();
      find.reset();
      if (!s.isOk()) return s.error();
    }
  }
  ++counts_.read;
  if (outcome == Outcome::kUnchanged) {
    ++counts_.unchanged;
  } else {
    // SAVEPOINT: a document that fails half-way leaves nothing behind in the batch.
    if (Status s = db_.exec("SAVEPOINT doc"); !s.isOk()) return s.error();
    Status s = Status::ok();
    if (old_key >= 0) s = st_->delete_doc.bind(1, old_key).exec();
    if (s.isOk()) s = insertDocument(doc, content_hash, hashHex(doc.text()));
    if (!s.isOk()) {
      (void)db_.exec("ROLLBACK TO doc; RELEASE doc");
      --counts_.read;
      return s.error();
    }
    if (Status r = db_.exec("RELEASE doc"); !r.isOk()) return r.error();
    ++(outcome == Outcome::kInserted ? counts_.inserted : counts_.replaced);
    counts_.events += doc.events.size();
    counts_.quotes += doc.quotes.size();
  }
  if (++pending_ >= options_.batch_size) {
    if (Status s = flush(); !s.isOk()) return s.error();
  }
  return outcome;
}

Status Ingestor::insertDocument(const Document& doc, const std::string& content_hash,
                                const std::string& text_hash) {
  Stmt& d = st_->insert_doc;
  d.bind(1, doc.id());
  if (doc.date) {
    d.bind(2, doc.date->toString());
  } else {
    d.bindNull(2);
  }
  d.bind(3, doc.date_origin)
      .bind(4, doc.title)
      .bind(5, doc.source)
      .bind(6, doc.url)
      .bind(7, doc.origin)
      .bind(8, doc.text())
      .bind(9, text_hash)
      .bind(10, content_hash)
      .bind(11, options_.coder_version)
      .bind(12, options_.dictionary_version)
      .bind(13, static_cast<int64_t>(doc.layers))
      .bind(14, static_cast<int64_t>(doc.sentences.size()))
      .bind(15, static_cast<int64_t>(doc.tokens.size()))
      .bind(16, static_cast<int64_t>(doc.mentions.size()))
      .bind(17, static_cast<int64_t>(doc.entities.size()))
      .bind(18, static_cast<int64_t>(doc.quotes.size()))
      .bind(19, static_cast<int64_t>(doc.events.size()))
      .bind(20, doc.extra_json)
      .bind(21, run_id_);
  if (Status s = d.exec(); !s.isOk()) return s;
  const int64_t key = db_.lastInsertRowid();

  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    Stmt& st = st_->insert_sentence;
    st.bind(1, key)
        .bind(2, static_cast<int64_t>(i))
        .bind(3, s.start)
        .bind(4, s.end)
        .bind(5, s.paragraph)
        .bind(6, s.headline ? 1 : 0)
        .bind(7, s.size());
    if (Status r = st.exec(); !r.isOk()) return r;
  }
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    Stmt& st = st_->insert_mention;
    st.bind(1, key)
        .bind(2, static_cast<int64_t>(i))
        .bind(3, m.sentence)
        .bind(4, m.start)
        .bind(5, m.end)
        .bind(6, doc.slice(m.start, m.end))
        .bind(7, m.type)
        .bind(8, m.source)
        .bind(9, m.code)
        .bind(10, m.actor_id)
        .bind(11, static_cast<int64_t>(m.entity));
    if (Status r = st.exec(); !r.isOk()) return r;
  }
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    Stmt& st = st_->insert_entity;
    st.bind(1, key)
        .bind(2, static_cast<int64_t>(i))
        .bind(3, e.name)
        .bind(4, e.type)
        .bind(5, e.code)
        .bind(6, e.actor_id)
        .bind(7, static_cast<int64_t>(e.mentions.size()));
    if (Status r = st.exec(); !r.isOk()) return r;
  }
  auto entityAt = [&](int32_t i) -> const Entity* {
    return i >= 0 && static_cast<size_t>(i) < doc.entities.size() ? &doc.entities[i] : nullptr;
  };
  auto mentionAt = [&](int32_t i) -> const Mention* {
    return i >= 0 && static_cast<size_t>(i) < doc.mentions.size() ? &doc.mentions[i] : nullptr;
  };
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    std::string parts = "[";
    for (size_t k = 0; k < q.parts.size(); ++k) {
      parts += fmt::format("{}[{},{}]", k ? "," : "", q.parts[k].start, q.parts[k].end);
    }
    parts += "]";
    std::string name, code, actor_id;
    if (const Entity* e = entityAt(q.speaker_entity)) {
      name = e->name;
      code = e->code;
      actor_id = e->actor_id;
    }
    if (const Mention* m = mentionAt(q.speaker_mention)) {
      if (name.empty()) name = std::string(doc.slice(m->start, m->end));
      if (code.empty()) code = m->code;
      if (actor_id.empty()) actor_id = m->actor_id;
    }
    if (name.empty() && q.speaker) name = std::string(doc.slice(*q.speaker));
    Stmt& st = st_->insert_quote;
    st.bind(1, key)
        .bind(2, static_cast<int64_t>(i))
        .bind(3, sentenceAt(doc, q.content.start))
        .bind(4, q.type)
        .bind(5, q.content.start)
        .bind(6, q.content.end)
        .bind(7, doc.slice(q.content))
        .bind(8, parts);
    bindSpan(st, 9, q.cue);
    if (q.cue) {
      st.bind(11, doc.slice(*q.cue));
    } else {
      st.bindNull(11);
    }
    bindSpan(st, 12, q.speaker);
    if (q.speaker) {
      st.bind(14, doc.slice(*q.speaker));
    } else {
      st.bindNull(14);
    }
    st.bind(15, static_cast<int64_t>(q.speaker_mention))
        .bind(16, static_cast<int64_t>(q.speaker_entity))
        .bind(17, name)
        .bind(18, code)
        .bind(19, actor_id)
        .bind(20, q.confidence);
    if (Status r = st.exec(); !r.isOk()) return r;
  }
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    Stmt& st = st_->insert_event;
    st.bind(1, key).bind(2, static_cast<int64_t>(i)).bind(3, e.sentence);
    if (e.date) {
      st.bind(4, e.date->toString()).bind(5, e.date->toDays());
    } else {
      st.bindNull(4).bindNull(5);
    }
    st.bind(6, e.date_source);
    int p = 7;
    for (const EventActor* a : {&e.source, &e.target}) {
      st.bind(p, a->code).bind(p + 1, a->actor_id).bind(p + 2, doc.slice(a->span));
      if (a->span.empty()) {
        st.bindNull(p + 3).bindNull(p + 4);
      } else {
        st.bind(p + 3, a->span.start).bind(p + 4, a->span.end);
      }
      st.bind(p + 5, static_cast<int64_t>(a->mention)).bind(p + 6, static_cast<int64_t>(a->entity));
      p += 7;
    }
    st.bind(21, e.cameo)
        .bind(22, e.cameo_root)
        .bind(23, e.quad_class)
        .bind(24, e.goldstein)
        .bind(25, e.plover_event)
        .bind(26, e.plover_mode)
        .bind(27, e.plover_context)
        .bind(28, e.negated ? 1 : 0)
        .bind(29, e.modality)
        .bind(30, static_cast<int64_t>(e.reported_by))
        .bind(31, e.in_headline ? 1 : 0)
        .bind(32, e.in_quote ? 1 : 0)
        .bind(33, e.trigger.start)
        .bind(34, e.trigger.end)
        .bind(35, doc.slice(e.trigger))
        .bind(36, e.evidence.start)
        .bind(37, e.evidence.end)
        .bind(38, doc.slice(e.evidence))
        .bind(39, e.rule);
    if (Status r = st.exec(); !r.isOk()) return r;
  }
  return Status::ok();
}

Status Ingestor::addError(std::string_view origin, std::string_view position,
                          std::string_view doc_id, std::string_view reason) {
  if (finished_) return Error::internal("Ingestor::addError after finish()");
  if (Status s = ensureTransaction(); !s.isOk()) return s;
  Stmt& st = st_->insert_error;
  st.bind(1, run_id_).bind(2, origin).bind(3, position).bind(4, doc_id).bind(5, reason);
  if (Status s = st.exec(); !s.isOk()) return s;
  ++counts_.failed;
  if (++pending_ >= options_.batch_size) return flush();
  return Status::ok();
}

Status Ingestor::finish() {
  if (finished_) return Status::ok();
  if (Status s = ensureTransaction(); !s.isOk()) return s;
  if (Status s = updateRunCounts(); !s.isOk()) return s;
  auto st = db_.prepare(
      "UPDATE runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), status = ?2 WHERE "
      "run_id = ?1");
  if (!st.ok()) return st.error();
  st->bind(1, run_id_).bind(2, counts_.failed > 0 ? "some-failed" : "ok");
  if (Status s = st->exec(); !s.isOk()) return s;
  if (Status s = db_.exec("COMMIT"); !s.isOk()) return s;
  in_tx_ = false;
  finished_ = true;
  // Fold the WAL back into the main file so the store is one self-contained file at rest.
  (void)db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  return Status::ok();
}

}  // namespace annalist::store
