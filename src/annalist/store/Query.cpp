#include "annalist/store/Query.h"

#include <fmt/format.h>

#include <algorithm>

namespace annalist::store {

bool parseGroupBy(std::string_view s, GroupBy& out) {
  static const std::pair<std::string_view, GroupBy> kNames[] = {
      {"none", GroupBy::kNone},     {"dyad", GroupBy::kDyad},     {"source", GroupBy::kSource},
      {"target", GroupBy::kTarget}, {"actor", GroupBy::kActor},   {"code", GroupBy::kCode},
      {"root", GroupBy::kRoot},     {"plover", GroupBy::kPlover}, {"quad", GroupBy::kQuad}};
  for (auto [n, g] : kNames) {
    if (s == n) {
      out = g;
      return true;
    }
  }
  return false;
}

bool parsePeriod(std::string_view s, Period& out) {
  static const std::pair<std::string_view, Period> kNames[] = {{"none", Period::kNone},
                                                               {"day", Period::kDay},
                                                               {"week", Period::kWeek},
                                                               {"month", Period::kMonth},
                                                               {"year", Period::kYear}};
  for (auto [n, p] : kNames) {
    if (s == n) {
      out = p;
      return true;
    }
  }
  return false;
}

std::string ftsWords(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\t' && text[j] != '\n') ++j;
    if (j > i) {
      if (!out.empty()) out += ' ';
      out += '"';
      for (char c : text.substr(i, j - i)) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    i = j;
  }
  return out;
}

Status runSql(Db& db, const std::string& sql, const std::vector<Value>& params, RowSink& sink) {
  auto st = db.prepare(sql);
  if (!st.ok()) return st.error();
  for (size_t i = 0; i < params.size(); ++i) {
    const int k = static_cast<int>(i + 1);
    const Value& v = params[i];
    switch (v.type) {
      case Value::Type::kNull:
        st->bindNull(k);
        break;
      case Value::Type::kInt:
        st->bind(k, v.i);
        break;
      case Value::Type::kReal:
        st->bind(k, v.d);
        break;
      case Value::Type::kText:
        st->bind(k, std::string_view(v.s));
        break;
    }
  }
  std::vector<std::string> cols;
  for (int i = 0; i < st->columns(); ++i) cols.emplace_back(st->columnName(i));
  sink.header(cols);
  Row row(cols.size());
  while (st->step()) {
    // Cells are overwritten in place: text reuses the string's buffer of the previous row.
    for (int i = 0; i < static_cast<int>(cols.size()); ++i) {
      Value& v = row[i];
      switch (st->type(i)) {
        case 1:
          v.type = Value::Type::kInt;
          v.i = st->int64(i);
          v.d = 0;
          v.s.clear();
          break;
        case 2:
          v.type = Value::Type::kReal;
          v.i = 0;
          v.d = st->real(i);
          v.s.clear();
          break;
        case 5:
          v.type = Value::Type::kNull;
          v.i = 0;
          v.d = 0;
          v.s.clear();
          break;
        default:
          v.type = Value::Type::kText;
          v.i = 0;
          v.d = 0;
          v.s.assign(st->text(i));
          break;
      }
    }
    sink.row(row);
  }
  if (!st->status().isOk()) return st->status();
  sink.end();
  return Status::ok();
}

namespace {

// Accumulates WHERE conditions with bound parameters.
struct Where {
  std::vector<std::string> conds;
  std::vector<Value> params;

  std::string param(Value v) {
    params.push_back(std::move(v));
    return fmt::format("?{}", params.size());
  }
  std::string text(std::string s) { return param(Value::text(std::move(s))); }

  // column matches a code prefix, or exactly with a leading '='.
  std::string codeMatch(std::string_view column, const std::string& value) {
    if (!value.empty() && value[0] == '=') {
      return fmt::format("{} = {}", column, text(value.substr(1)));
    }
    // [p, p + 0xFF): every string starting with p (0xFF never occurs in UTF-8).
    return fmt::format("({0} >= {1} AND {0} < {2})", column, text(value), text(value + '\xff'));
  }
  void anyOf(const std::vector<std::string>& values, std::string_view column, bool prefix) {
    if (values.empty()) return;
    std::vector<std::string> ors;
    for (const auto& v : values) {
      ors.push_back(prefix ? codeMatch(column, v) : fmt::format("{} = {}", column, text(v)));
    }
    conds.push_back("(" + fmt::format("{}", fmt::join(ors, " OR ")) + ")");
  }
  std::string sql() const {
    return conds.empty() ? std::string() : " WHERE " + fmt::format("{}", fmt::join(conds, " AND "));
  }
};

// The source/target/actor code conditions over a row source aliased `alias` (events, or the
// monthly roll-up: both have source_code and target_code).
void addActorFilter(const EventFilter& f, Where& w, std::string_view alias) {
  const std::string source = fmt::format("{}.source_code", alias);
  const std::string target = fmt::format("{}.target_code", alias);
  w.anyOf(f.source, source, true);
  w.anyOf(f.target, target, true);
  if (!f.actor.empty()) {
    std::vector<std::string> ors;
    for (const auto& a : f.actor) {
      ors.push_back(w.codeMatch(source, a));
      ors.push_back(w.codeMatch(target, a));
    }
    w.conds.push_back("(" + fmt::format("{}", fmt::join(ors, " OR ")) + ")");
  }
}

void addEventFilter(const EventFilter& f, Where& w) {
  if (!f.date_from.empty()) w.conds.push_back("e.date >= " + w.text(f.date_from));
  if (!f.date_to.empty()) w.conds.push_back("e.date <= " + w.text(f.date_to));
  addActorFilter(f, w, "e");
  w.anyOf(f.cameo, "e.cameo", true);
  w.anyOf(f.root, "e.cameo_root", false);
  if (!f.quad_class.empty()) {
    std::vector<std::string> ors;
    for (int q : f.quad_class) ors.push_back("e.quad_class = " + w.param(Value::integer(q)));
    w.conds.push_back("(" + fmt::format("{}", fmt::join(ors, " OR ")) + ")");
  }
  if (!f.plover.empty()) {
    std::vector<std::string> ors;
    for (const auto& p : f.plover)
      ors.push_back("upper(e.plover_event) = upper(" + w.text(p) + ")");
    w.conds.push_back("(" + fmt::format("{}", fmt::join(ors, " OR ")) + ")");
  }
  if (!f.text.empty()) {
    w.conds.push_back("e.doc_key IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH " +
                      w.text(ftsWords(f.text)) + ")");
  }
  if (!f.fts.empty()) {
    w.conds.push_back("e.doc_key IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH " +
                      w.text(f.fts) + ")");
  }
  if (!f.doc_ids.empty()) {
    std::vector<std::string> ors;
    for (const auto& id : f.doc_ids) ors.push_back(w.text(id));
    w.conds.push_back("e.doc_key IN (SELECT doc_key FROM documents WHERE doc_id IN (" +
                      fmt::format("{}", fmt::join(ors, ", ")) + "))");
  }
  if (f.exclude_negated) w.conds.push_back("e.negated = 0");
}

std::string_view periodExpr(Period p) {
  switch (p) {
    case Period::kNone:
      return "";
    case Period::kDay:
      return "e.date";
    case Period::kWeek:
      // The Monday of the ISO week (1970-01-01 was a Thursday).
      return "date((e.day - (((e.day % 7) + 10) % 7)) * 86400, 'unixepoch')";
    case Period::kMonth:
      return "substr(e.date, 1, 7)";
    case Period::kYear:
      return "substr(e.date, 1, 4)";
  }
  return "";
}

bool leapYear(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// "YYYY-MM-DD" split into numbers; false unless it has exactly that shape.
bool splitDate(std::string_view d, int& y, int& m, int& day) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
  m = (d[5] - '0') * 10 + (d[6] - '0');
  day = (d[8] - '0') * 10 + (d[9] - '0');
  return m >= 1 && m <= 12;
}

bool firstOfMonth(std::string_view d) {
  int y, m, day;
  return splitDate(d, y, m, day) && day == 1;
}

bool lastOfMonth(std::string_view d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y, m, day;
  if (!splitDate(d, y, m, day)) return false;
  return day == (m == 2 && leapYear(y) ? 29 : kDays[m - 1]);
}

// Whether `q` can be answered from event_months: it must need no more than (month, source,
// target) and the counts and Goldstein sums kept there.
bool rollupServes(const EventQuery& q) {
  if (!q.use_rollup) return false;
  const EventFilter& f = q.filter;
  if (!f.cameo.empty() || !f.root.empty() || !f.quad_class.empty() || !f.plover.empty() ||
      !f.text.empty() || !f.fts.empty() || !f.doc_ids.empty() || f.exclude_negated) {
    return false;
  }
  if (!f.date_from.empty() && !firstOfMonth(f.date_from)) return false;
  if (!f.date_to.empty() && !lastOfMonth(f.date_to)) return false;
  if (q.per != Period::kNone && q.per != Period::kMonth && q.per != Period::kYear) return false;
  switch (q.by) {
    case GroupBy::kDyad:
    case GroupBy::kSource:
    case GroupBy::kTarget:
    case GroupBy::kActor:
      return true;
    case GroupBy::kNone:
      return q.per != Period::kNone;
    default:
      return false;
  }
}

}  // namespace

std::string eventWhereSql(const EventFilter& f, std::vector<Value>& params) {
  Where w;
  w.params = std::move(params);
  addEventFilter(f, w);
  params = std::move(w.params);
  return w.sql();
}

namespace {

// The aggregate of queryEvents, computed from event_months (see rollupServes). The rows equal
// the scan's: undated events have month '' here and period NULL there, hence NULLIF.
Status queryRollup(Db& db, const EventQuery& q, RowSink& sink) {
  Where w;
  const EventFilter& f = q.filter;
  // A date bound excludes undated events (month ''), as `e.date >= ...` does in the scan.
  if (!f.date_from.empty()) w.conds.push_back("r.month >= " + w.text(f.date_from.substr(0, 7)));
  if (!f.date_to.empty()) w.conds.push_back("r.month <= " + w.text(f.date_to.substr(0, 7)));
  if (!f.date_from.empty() || !f.date_to.empty()) w.conds.push_back("r.month != ''");
  addActorFilter(f, w, "r");
  // (select expression, group/order expression, column name)
  struct Key {
    std::string select, group, name;
  };
  std::vector<Key> keys;
  if (q.per == Period::kMonth) keys.push_back({"NULLIF(r.month, '')", "r.month", "period"});
  if (q.per == Period::kYear) {
    keys.push_back({"NULLIF(substr(r.month, 1, 4), '')", "substr(r.month, 1, 4)", "period"});
  }
  std::string from = "event_months r";
  switch (q.by) {
    case GroupBy::kDyad:
      keys.push_back({"r.source_code", "r.source_code", "source"});
      keys.push_back({"r.target_code", "r.target_code", "target"});
      break;
    case GroupBy::kSource:
      keys.push_back({"r.source_code", "r.source_code", "source"});
      break;
    case GroupBy::kTarget:
      keys.push_back({"r.target_code", "r.target_code", "target"});
      break;
    case GroupBy::kActor:
      from =
          "(SELECT *, source_code AS actor_code FROM event_months UNION ALL "
          "SELECT *, target_code AS actor_code FROM event_months) r";
      keys.push_back({"r.actor_code", "r.actor_code", "actor"});
      break;
    default:
      break;
  }
  std::vector<std::string> select, group;
  for (const auto& k : keys) {
    select.push_back(fmt::format("{} AS {}", k.select, k.name));
    group.push_back(k.group);
  }
  std::string sql;
  if (q.by == GroupBy::kDyad && q.per == Period::kMonth) {
    // Each roll-up row is one group already.
    sql = fmt::format(
        "SELECT {}, r.n_events AS events, round(r.goldstein_sum, 3) AS goldstein_sum, "
        "round(r.goldstein_sum / r.n_events, 3) AS goldstein_mean FROM {}{}",
        fmt::join(select, ", "), from, w.sql());
  } else {
    sql = fmt::format(
        "SELECT {}, sum(r.n_events) AS events, round(sum(r.goldstein_sum), 3) AS goldstein_sum, "
        "round(sum(r.goldstein_sum) / sum(r.n_events), 3) AS goldstein_mean FROM {}{} GROUP BY "
        "{}",
        fmt::join(select, ", "), from, w.sql(), fmt::join(group, ", "));
  }
  if (q.top > 0) {
    sql += fmt::format(" ORDER BY events DESC, {} LIMIT {}", fmt::join(group, ", "),
                       w.param(Value::integer(static_cast<int64_t>(q.top))));
  } else {
    sql += fmt::format(" ORDER BY {}", fmt::join(group, ", "));
  }
  return runSql(db, sql, w.params, sink);
}

}  // namespace

Status queryEvents(Db& db, const EventQuery& q, RowSink& sink) {
  Where w;
  addEventFilter(q.filter, w);
  std::string sql;
  if (q.by == GroupBy::kNone && q.per == Period::kNone) {
    if (q.all_columns) {
      sql =
          "SELECT d.doc_id AS doc_id, d.date AS doc_date, e.* FROM events e JOIN documents d "
          "ON d.doc_key = e.doc_key";
    } else {
      sql =
          "SELECT e.event_id AS event_id, d.doc_id AS doc_id, e.date AS date, e.source_code AS "
          "source, e.target_code AS target, e.cameo AS cameo, e.cameo_root AS root, e.quad_class "
          "AS quad_class, e.goldstein AS goldstein, e.plover_event AS plover, e.modality AS "
          "modality, e.negated AS negated, e.source_text AS source_text, e.target_text AS "
          "target_text, e.trigger_text AS trigger, e.evidence_text AS evidence FROM events e "
          "JOIN documents d ON d.doc_key = e.doc_key";
    }
    sql += w.sql();
    sql += " ORDER BY e.date, d.doc_id, e.idx";
    if (q.limit > 0) sql += " LIMIT " + w.param(Value::integer(static_cast<int64_t>(q.limit)));
    return runSql(db, sql, w.params, sink);
  }

  if (rollupServes(q)) return queryRollup(db, q, sink);

  // Aggregates. `keys` are (expression, column name) pairs.
  std::vector<std::pair<std::string, std::string>> keys;
  if (q.per != Period::kNone) keys.emplace_back(periodExpr(q.per), "period");
  std::string from = "events e";
  switch (q.by) {
    case GroupBy::kNone:
      break;
    case GroupBy::kDyad:
      keys.emplace_back("e.source_code", "source");
      keys.emplace_back("e.target_code", "target");
      break;
    case GroupBy::kSource:
      keys.emplace_back("e.source_code", "source");
      break;
    case GroupBy::kTarget:
      keys.emplace_back("e.target_code", "target");
      break;
    case GroupBy::kActor:
      // Each event counts once for its source and once for its target.
      from =
          "(SELECT *, source_code AS actor_code, 'source' AS role FROM events UNION ALL "
          "SELECT *, target_code AS actor_code, 'target' AS role FROM events) e";
      keys.emplace_back("e.actor_code", "actor");
      break;
    case GroupBy::kCode:
      keys.emplace_back("e.cameo", "cameo");
      break;
    case GroupBy::kRoot:
      keys.emplace_back("e.cameo_root", "root");
      break;
    case GroupBy::kPlover:
      keys.emplace_back("e.plover_event", "plover");
      break;
    case GroupBy::kQuad:
      keys.emplace_back("e.quad_class", "quad_class");
      break;
  }
  std::vector<std::string> select, group;
  for (const auto& [expr, name] : keys) {
    select.push_back(fmt::format("{} AS {}", expr, name));
    group.push_back(expr);
  }
  sql = fmt::format(
      "SELECT {}, count(*) AS events, round(sum(e.goldstein), 3) AS goldstein_sum, "
      "round(avg(e.goldstein), 3) AS goldstein_mean FROM {}{} GROUP BY {}",
      fmt::join(select, ", "), from, w.sql(), fmt::join(group, ", "));
  if (q.top > 0) {
    std::vector<std::string> order = {"events DESC"};
    for (size_t i = 1; i <= keys.size(); ++i) order.push_back(std::to_string(i));
    sql += fmt::format(" ORDER BY {} LIMIT {}", fmt::join(order, ", "),
                       w.param(Value::integer(static_cast<int64_t>(q.top))));
  } else {
    std::vector<std::string> order;
    for (size_t i = 1; i <= keys.size(); ++i) order.push_back(std::to_string(i));
    sql += fmt::format(" ORDER BY {}", fmt::join(order, ", "));
  }
  return runSql(db, sql, w.params, sink);
}

Status queryQuotes(Db& db, const QuoteQuery& q, RowSink& sink) {
  Where w;
  if (!q.speaker.empty()) {
    const std::string code = w.codeMatch("q.speaker_code", q.speaker);
    if (q.speaker[0] == '=') {
      w.conds.push_back(code);
    } else {
      w.conds.push_back("(" + code + " OR instr(lower(q.speaker_name), lower(" + w.text(q.speaker) +
                        ")) > 0)");
    }
  }
  if (!q.text.empty()) {
    w.conds.push_back("q.quote_id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH " +
                      w.text(ftsWords(q.text)) + ")");
  }
  if (!q.date_from.empty()) w.conds.push_back("d.date >= " + w.text(q.date_from));
  if (!q.date_to.empty()) w.conds.push_back("d.date <= " + w.text(q.date_to));
  if (!q.doc_ids.empty()) {
    std::vector<std::string> ors;
    for (const auto& id : q.doc_ids) ors.push_back(w.text(id));
    w.conds.push_back("d.doc_id IN (" + fmt::format("{}", fmt::join(ors, ", ")) + ")");
  }
  std::string sql =
      "SELECT q.quote_id AS quote_id, d.doc_id AS doc_id, d.date AS date, q.speaker_name AS "
      "speaker, q.speaker_code AS speaker_code, q.type AS type, q.text AS quote, q.cue_text AS "
      "cue FROM quotes q JOIN documents d ON d.doc_key = q.doc_key" +
      w.sql() + " ORDER BY d.date, d.doc_id, q.idx";
  if (q.limit > 0) sql += " LIMIT " + w.param(Value::integer(static_cast<int64_t>(q.limit)));
  return runSql(db, sql, w.params, sink);
}

Status queryUnknownActors(Db& db, size_t top, RowSink& sink) {
  std::vector<Value> params;
  std::string sql =
      "SELECT text, type, mentions, documents, first_date, last_date FROM unknown_actors ORDER "
      "BY mentions DESC, documents DESC, text";
  if (top > 0) {
    sql += " LIMIT ?1";
    params.push_back(Value::integer(static_cast<int64_t>(top)));
  }
  return runSql(db, sql, params, sink);
}

}  // namespace annalist::store
