#include "annalist/store/Ingestor.h"

#include <gtest/gtest.h>

#include "annalist/store/Check.h"
#include "annalist/store/Schema.h"
#include "annalist/store/SyntheticCorpus.h"
#include "annalist/store/TestUtil.h"

namespace annalist::store {
namespace {

int64_t count(Db& db, const std::string& sql) {
  auto v = db.queryInt(sql);
  EXPECT_TRUE(v.ok()) << (v.ok() ? "" : v.error().message);
  return v.ok() ? v->value_or(-1) : -1;
}

IngestOptions opts(std::string coder = "coder-1", std::string dict = "dict-1") {
  IngestOptions o;
  o.coder_version = std::move(coder);
  o.dictionary_version = std::move(dict);
  o.command = "test";
  o.batch_size = 3;
  return o;
}

std::vector<Ingestor::Outcome> ingest(const std::string& path, const std::vector<Document>& docs,
                                      IngestOptions o = opts()) {
  auto ing = Ingestor::open(path, std::move(o));
  EXPECT_TRUE(ing.ok()) << (ing.ok() ? "" : ing.error().message);
  std::vector<Ingestor::Outcome> out;
  if (!ing.ok()) return out;
  for (const auto& d : docs) {
    auto r = (*ing)->add(d);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    if (r.ok()) out.push_back(*r);
  }
  EXPECT_TRUE((*ing)->finish().isOk());
  return out;
}

std::vector<Document> corpus(size_t n, uint64_t seed = 3) {
  SyntheticOptions so;
  so.seed = seed;
  std::vector<Document> docs;
  for (size_t i = 0; i < n; ++i) docs.push_back(syntheticDocument(so, i));
  return docs;
}

TEST(Ingestor, StoresEveryLayerWithCorrectTexts) {
  testing::TempDir dir;
  const auto docs = corpus(5);
  ingest(dir.file("s.db"), docs);
  auto db = openStore(dir.file("s.db"), false);
  ASSERT_TRUE(db.ok());
  size_t events = 0, quotes = 0, mentions = 0, sentences = 0;
  for (const auto& d : docs) {
    events += d.events.size();
    quotes += d.quotes.size();
    mentions += d.mentions.size();
    sentences += d.sentences.size();
  }
  EXPECT_EQ(count(*db, "SELECT count(*) FROM documents"), 5);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM events"), static_cast<int64_t>(events));
  EXPECT_EQ(count(*db, "SELECT count(*) FROM quotes"), static_cast<int64_t>(quotes));
  EXPECT_EQ(count(*db, "SELECT count(*) FROM mentions"), static_cast<int64_t>(mentions));
  EXPECT_EQ(count(*db, "SELECT count(*) FROM sentences"), static_cast<int64_t>(sentences));
  EXPECT_TRUE(checkStore(*db).isOk());

  // Every stored span text equals the document slice, and fields round-trip.
  const Document& d0 = docs[0];
  const Event& e0 = d0.events[0];
  auto st = db->prepare(
      "SELECT e.source_code, e.target_code, e.source_text, e.target_text, e.trigger_text, "
      "e.evidence_text, e.cameo, e.cameo_root, e.quad_class, e.goldstein, e.plover_event, "
      "e.date, e.rule, substr(d.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) FROM "
      "events e JOIN documents d USING (doc_key) WHERE d.doc_id = ?1 AND e.idx = 0");
  ASSERT_TRUE(st.ok());
  st->bind(1, d0.id());
  ASSERT_TRUE(st->step());
  EXPECT_EQ(st->text(0), e0.source.code);
  EXPECT_EQ(st->text(1), e0.target.code);
  EXPECT_EQ(st->text(2), d0.slice(e0.source.span));
  EXPECT_EQ(st->text(3), d0.slice(e0.target.span));
  EXPECT_EQ(st->text(4), d0.slice(e0.trigger));
  EXPECT_EQ(st->text(5), d0.slice(e0.evidence));
  EXPECT_EQ(st->text(6), e0.cameo);
  EXPECT_EQ(st->text(7), e0.cameo_root);
  EXPECT_EQ(st->int64(8), e0.quad_class);
  EXPECT_DOUBLE_EQ(st->real(9), e0.goldstein);
  EXPECT_EQ(st->text(10), e0.plover_event);
  EXPECT_EQ(st->text(11), e0.date->toString());
  EXPECT_EQ(st->text(12), e0.rule);
  EXPECT_EQ(st->text(13), d0.slice(e0.trigger));  // code-point offsets index the text

  // Quote speaker resolved through the entity.
  auto q = db->prepare(
      "SELECT q.speaker_name, q.speaker_code, q.text FROM quotes q JOIN documents d USING "
      "(doc_key) WHERE d.doc_id = ?1 AND q.idx = 0");
  ASSERT_TRUE(q.ok());
  q->bind(1, d0.id());
  ASSERT_TRUE(q->step());
  const Quote& q0 = d0.quotes[0];
  EXPECT_EQ(q->text(0), d0.entities[q0.speaker_entity].name);
  EXPECT_EQ(q->text(1), d0.entities[q0.speaker_entity].code);
  EXPECT_EQ(q->text(2), d0.slice(q0.content));
}

TEST(Ingestor, SameDocumentTwiceChangesNothing) {
  testing::TempDir dir;
  const std::string path = dir.file("s.db");
  const auto docs = corpus(4);
  ingest(path, docs);
  std::string before;
  {
    auto db = openStore(path, false);
    before = dumpStore(*db).value();
  }
  auto outcomes = ingest(path, docs);
  for (auto o : outcomes) EXPECT_EQ(o, Ingestor::Outcome::kUnchanged);
  auto db = openStore(path, false);
  EXPECT_EQ(dumpStore(*db).value(), before);
  EXPECT_EQ(count(*db, "SELECT docs_unchanged FROM runs WHERE run_id = 2"), 4);
  EXPECT_EQ(count(*db, "SELECT docs_inserted FROM runs WHERE run_id = 2"), 0);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM runs WHERE status = 'ok'"), 2);
}

TEST(Ingestor, ChangedTextReplacesTheDocumentsRows) {
  testing::TempDir dir;
  const std::string path = dir.file("s.db");
  auto docs = corpus(3);
  ingest(path, docs);
  // Document 1 gets the content of another synthetic document under the same id.
  Document changed = syntheticDocument(SyntheticOptions{.seed = 99}, 7);
  changed.setId(docs[1].id());
  auto out = ingest(path, {docs[0], changed});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0], Ingestor::Outcome::kUnchanged);
  EXPECT_EQ(out[1], Ingestor::Outcome::kReplaced);
  auto db = openStore(path, false);
  EXPECT_TRUE(checkStore(*db).isOk());
  EXPECT_EQ(count(*db, "SELECT count(*) FROM documents"), 3);
  auto n = db->prepare(
      "SELECT count(*) FROM events e JOIN documents d USING (doc_key) WHERE d.doc_id = ?1");
  n->bind(1, changed.id());
  ASSERT_TRUE(n->step());
  EXPECT_EQ(n->int64(0), static_cast<int64_t>(changed.events.size()));
  // The full-text index follows: the new text is found, the old text's unique title is not.
  auto fts = db->prepare("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?1");
  fts->bind(1, "\"" + changed.title + "\"");
  ASSERT_TRUE(fts->step());
  EXPECT_EQ(fts->int64(0), 1);
  // The monthly roll-up followed the replacement (checkStore compares it with the events);
  // a roll-up out of step is reported.
  EXPECT_GT(count(*db, "SELECT count(*) FROM event_months"), 0);
  ASSERT_TRUE(
      db->exec("UPDATE events SET source_code = 'XYZ', date = '1999-12-31' WHERE idx = 0").isOk());
  EXPECT_TRUE(checkStore(*db).isOk());
  EXPECT_GT(count(*db, "SELECT count(*) FROM event_months WHERE month = '1999-12'"), 0);
  ASSERT_TRUE(db->exec("UPDATE event_months SET n_events = n_events + 1 WHERE month = (SELECT "
                       "min(month) FROM event_months)")
                  .isOk());
  Status bad = checkStore(*db);
  ASSERT_FALSE(bad.isOk());
  EXPECT_NE(bad.message().find("event_months out of step"), std::string::npos) << bad.message();
}

TEST(Ingestor, NewCoderOrDictionaryVersionReplaces) {
  testing::TempDir dir;
  const std::string path = dir.file("s.db");
  const auto docs = corpus(2);
  ingest(path, docs);
  auto a = ingest(path, docs, opts("coder-2", "dict-1"));
  EXPECT_EQ(a, std::vector<Ingestor::Outcome>(2, Ingestor::Outcome::kReplaced));
  auto b = ingest(path, docs, opts("coder-2", "dict-2"));
  EXPECT_EQ(b, std::vector<Ingestor::Outcome>(2, Ingestor::Outcome::kReplaced));
  auto c = ingest(path, docs, opts("coder-2", "dict-2"));
  EXPECT_EQ(c, std::vector<Ingestor::Outcome>(2, Ingestor::Outcome::kUnchanged));
  auto forced = opts("coder-2", "dict-2");
  forced.force = true;
  auto d = ingest(path, docs, forced);
  EXPECT_EQ(d, std::vector<Ingestor::Outcome>(2, Ingestor::Outcome::kReplaced));
  auto db = openStore(path, false);
  EXPECT_EQ(count(*db,
                  "SELECT count(*) FROM documents WHERE coder_version = 'coder-2' AND "
                  "dictionary_version = 'dict-2'"),
            2);
  EXPECT_TRUE(checkStore(*db).isOk());
}

TEST(Ingestor, UnfinishedBatchIsRolledBackAndRunStaysOpen) {
  testing::TempDir dir;
  const std::string path = dir.file("s.db");
  const auto docs = corpus(5);
  {
    auto o = opts();
    o.batch_size = 2;
    auto ing = Ingestor::open(path, o);
    ASSERT_TRUE(ing.ok());
    for (const auto& d : docs) ASSERT_TRUE((*ing)->add(d).ok());
    // No finish(): documents 0..3 were committed in two batches, document 4 was pending.
  }
  auto db = openStore(path, false);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM documents"), 4);
  EXPECT_EQ(count(*db, "SELECT docs_inserted FROM runs"), 4);
  EXPECT_EQ(count(*db,
                  "SELECT count(*) FROM runs WHERE status = 'running' AND finished_at IS "
                  "NULL"),
            1);
  EXPECT_TRUE(checkStore(*db).isOk());
}

TEST(Ingestor, RecordsErrorsOfTheRun) {
  testing::TempDir dir;
  const std::string path = dir.file("s.db");
  {
    auto ing = Ingestor::open(path, opts());
    ASSERT_TRUE(ing.ok());
    ASSERT_TRUE((*ing)->add(corpus(1)[0]).ok());
    ASSERT_TRUE((*ing)->addError("in/b.txt", "", "b", "invalid UTF-8 at byte 4").isOk());
    ASSERT_TRUE((*ing)->finish().isOk());
  }
  auto db = openStore(path, false);
  EXPECT_EQ(count(*db,
                  "SELECT count(*) FROM run_errors WHERE doc_id = 'b' AND reason LIKE "
                  "'invalid UTF-8%'"),
            1);
  EXPECT_EQ(count(*db, "SELECT docs_failed FROM runs"), 1);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM runs WHERE status = 'some-failed'"), 1);
}

TEST(Ingestor, ContentHashCoversMetadata) {
  Document a = corpus(1)[0];
  Document b = a;
  EXPECT_EQ(contentHash(a), contentHash(b));
  b.title += "!";
  EXPECT_NE(contentHash(a), contentHash(b));
  b = a;
  b.date = a.date->addDays(1);
  EXPECT_NE(contentHash(a), contentHash(b));
  EXPECT_EQ(hashHex("").size(), 16u);
}

}  // namespace
}  // namespace annalist::store
