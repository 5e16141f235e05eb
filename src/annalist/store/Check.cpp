#include "annalist/store/Check.h"

#include <fmt/format.h>

#include "annalist/store/Query.h"

namespace annalist::store {

namespace {

// Collects every row as tab-joined text lines.
class LineSink : public RowSink {
 public:
  explicit LineSink(std::string& out) : out_(out) {}
  void header(const std::vector<std::string>&) override {}
  void row(const Row& r) override {
    for (size_t i = 0; i < r.size(); ++i) {
      if (i) out_ += '\t';
      out_ += r[i].type == Value::Type::kNull ? "\\N" : r[i].toString();
    }
    out_ += '\n';
  }

 private:
  std::string& out_;
};

Result<std::string> lines(Db& db, const std::string& sql) {
  std::string out;
  LineSink sink(out);
  if (Status s = runSql(db, sql, {}, sink); !s.isOk()) return s.error();
  return out;
}

}  // namespace

Status checkStore(Db& db) {
  std::vector<std::string> problems;
  auto ic = lines(db, "PRAGMA integrity_check");
  if (!ic.ok()) return ic.error();
  if (*ic != "ok\n") problems.push_back("integrity_check: " + *ic);
  auto fk = lines(db, "PRAGMA foreign_key_check");
  if (!fk.ok()) return fk.error();
  if (!fk->empty()) problems.push_back("foreign_key_check: " + *fk);
  auto dup =
      lines(db, "SELECT doc_id, count(*) FROM documents GROUP BY doc_id HAVING count(*) > 1");
  if (!dup.ok()) return dup.error();
  if (!dup->empty()) problems.push_back("duplicate documents: " + *dup);
  // Per-document row counts against the counts recorded with the document.
  static const std::pair<const char*, const char*> kLayers[] = {{"sentences", "n_sentences"},
                                                                {"mentions", "n_mentions"},
                                                                {"entities", "n_entities"},
                                                                {"quotes", "n_quotes"},
                                                                {"events", "n_events"}};
  for (auto [table, column] : kLayers) {
    auto bad = lines(db, fmt::format("SELECT d.doc_id, d.{1}, (SELECT count(*) FROM {0} x WHERE "
                                     "x.doc_key = d.doc_key) AS n FROM documents d WHERE n != "
                                     "d.{1} LIMIT 5",
                                     table, column));
    if (!bad.ok()) return bad.error();
    if (!bad->empty()) problems.push_back(fmt::format("{} incomplete: {}", table, *bad));
  }
  // The monthly roll-up must equal the aggregate of the events it summarises.
  auto rollup = lines(
      db,
      "WITH agg AS (SELECT coalesce(substr(date, 1, 7), '') AS month, source_code, target_code, "
      "count(*) AS n, sum(goldstein) AS g FROM events GROUP BY 1, 2, 3) "
      "SELECT a.month, a.source_code, a.target_code, a.n, r.n_events FROM agg a LEFT JOIN "
      "event_months r USING (month, source_code, target_code) WHERE r.n_events IS NOT a.n OR "
      "abs(r.goldstein_sum - a.g) > 1e-6 UNION ALL SELECT r.month, r.source_code, "
      "r.target_code, NULL, r.n_events FROM event_months r WHERE NOT EXISTS (SELECT 1 FROM agg "
      "a WHERE a.month = r.month AND a.source_code = r.source_code AND a.target_code = "
      "r.target_code) LIMIT 5");
  if (!rollup.ok()) return rollup.error();
  if (!rollup->empty()) problems.push_back("event_months out of step: " + *rollup);
  // Full-text indexes.
  for (const char* fts : {"documents_fts", "quotes_fts"}) {
    if (Status s = db.exec(fmt::format("INSERT INTO {0}({0}) VALUES ('integrity-check')", fts));
        !s.isOk()) {
      problems.push_back(fmt::format("{}: {}", fts, s.message()));
    }
  }
  if (problems.empty()) return Status::ok();
  return Error::corrupt(
      fmt::format("store '{}' inconsistent: {}", db.path(), fmt::join(problems, "; ")));
}

Result<std::string> dumpStore(Db& db) {
  static const char* kQueries[] = {
      "SELECT doc_id, date, date_origin, title, source, url, origin, text_hash, content_hash, "
      "coder_version, dictionary_version, layers, n_sentences, n_tokens, n_mentions, n_entities, "
      "n_quotes, n_events, extra_json FROM documents ORDER BY doc_id",
      "SELECT d.doc_id, s.idx, s.start, s.end, s.paragraph, s.headline, s.n_tokens FROM sentences "
      "s JOIN documents d USING (doc_key) ORDER BY d.doc_id, s.idx",
      "SELECT d.doc_id, m.idx, m.sentence, m.start, m.end, m.text, m.type, m.source, m.code, "
      "m.actor_id, m.entity FROM mentions m JOIN documents d USING (doc_key) ORDER BY d.doc_id, "
      "m.idx",
      "SELECT d.doc_id, e.idx, e.name, e.type, e.code, e.actor_id, e.n_mentions FROM entities e "
      "JOIN documents d USING (doc_key) ORDER BY d.doc_id, e.idx",
      "SELECT d.doc_id, q.idx, q.sentence, q.type, q.start, q.end, q.text, q.parts, q.cue_start, "
      "q.cue_end, q.cue_text, q.speaker_start, q.speaker_end, q.speaker_text, q.speaker_mention, "
      "q.speaker_entity, q.speaker_name, q.speaker_code, q.speaker_actor_id, q.confidence FROM "
      "quotes q JOIN documents d USING (doc_key) ORDER BY d.doc_id, q.idx",
      "SELECT d.doc_id, e.idx, e.sentence, e.date, e.day, e.date_source, e.source_code, "
      "e.source_actor_id, e.source_text, e.source_start, e.source_end, e.source_mention, "
      "e.source_entity, e.target_code, e.target_actor_id, e.target_text, e.target_start, "
      "e.target_end, e.target_mention, e.target_entity, e.cameo, e.cameo_root, e.quad_class, "
      "e.goldstein, e.plover_event, e.plover_mode, e.plover_context, e.negated, e.modality, "
      "e.reported_by, e.in_headline, e.in_quote, e.trigger_start, e.trigger_end, e.trigger_text, "
      "e.evidence_start, e.evidence_end, e.evidence_text, e.rule FROM events e JOIN documents d "
      "USING (doc_key) ORDER BY d.doc_id, e.idx",
  };
  std::string out;
  for (const char* q : kQueries) {
    auto part = lines(db, q);
    if (!part.ok()) return part.error();
    out += *part;
    out += "--\n";
  }
  return out;
}

}  // namespace annalist::store
