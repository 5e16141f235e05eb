// Queries over the store: event filters, aggregates (counts and Goldstein sums by dyad,
// actor, code, ... per day/week/month/year), quotes of a speaker, unknown actors.
//
// Every user value is bound as an SQL parameter; SQL text is assembled only from fixed
// fragments chosen by enums. Text search takes words (each quoted as an FTS5 phrase, so the
// input is data, never FTS5 syntax) or, with `fts`, a raw FTS5 expression.
//
// Actor and CAMEO code filters match by prefix ("IRN" matches IRN, IRNGOV, ...; "04" matches
// 040..049x); a leading '=' asks for the exact code ("=IRN").
//
// Thread safety: functions use the Db they are given (one thread at a time).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "annalist/core/Result.h"
#include "annalist/store/RowWriter.h"
#include "annalist/store/Sqlite.h"

namespace annalist::store {

struct EventFilter {
  std::string date_from, date_to;    // inclusive, YYYY-MM-DD ("" = open)
  std::vector<std::string> source;   // actor code prefixes (OR)
  std::vector<std::string> target;   // actor code prefixes (OR)
  std::vector<std::string> actor;    // either side (OR)
  std::vector<std::string> cameo;    // CAMEO code prefixes (OR)
  std::vector<std::string> root;     // CAMEO roots, exact ("04")
  std::vector<int> quad_class;       // 1..4
  std::vector<std::string> plover;   // PLOVER event categories, exact (case-insensitive)
  std::string text;                  // words that must all occur in the document text
  std::string fts;                   // raw FTS5 expression over the document text/title
  std::vector<std::string> doc_ids;  // exact document ids (OR)
  bool exclude_negated = false;      // drop negated events
};

enum class GroupBy { kNone, kDyad, kSource, kTarget, kActor, kCode, kRoot, kPlover, kQuad };
enum class Period { kNone, kDay, kWeek, kMonth, kYear };
bool parseGroupBy(std::string_view s,
                  GroupBy& out);  // dyad|source|target|actor|code|root|plover|quad
bool parsePeriod(std::string_view s, Period& out);  // day|week|month|year

struct EventQuery {
  EventFilter filter;
  GroupBy by = GroupBy::kNone;
  Period per = Period::kNone;  // with by == kNone: counts per period only
  size_t top = 0;              // aggregates: keep the N largest groups by event count (0 = all)
  size_t limit = 0;            // event lists: at most N rows (0 = all)
  bool all_columns = false;    // event lists: every stored field, not the short view
  // Aggregates by dyad/source/target/actor per month or year (or totals) whose filter has
  // only actor codes and whole-month date bounds read the monthly roll-up (event_months)
  // instead of the events; the rows are the same. false forces the scan (tests compare).
  bool use_rollup = true;
};

// Runs an event list or aggregate. Columns (stable, documented in docs/STORE.md):
//   list: event_id, doc_id, date, source, target, cameo, root, quad_class, goldstein,
//         plover, modality, negated, source_text, target_text, trigger, evidence
//         (all_columns: every events column plus doc_id and doc_date)
//   aggregate: [period,] key columns..., events, goldstein_sum, goldstein_mean
Status queryEvents(Db& db, const EventQuery& q, RowSink& sink);

struct QuoteQuery {
  std::string speaker;  // actor code prefix (or '=' exact) OR a case-insensitive name substring
  std::string text;     // words that must occur in the quote
  std::string date_from, date_to;
  std::vector<std::string> doc_ids;
  size_t limit = 0;
};
// Columns: quote_id, doc_id, date, speaker, speaker_code, type, quote, cue.
Status queryQuotes(Db& db, const QuoteQuery& q, RowSink& sink);

// Unknown actors (mentions without a code), most mentioned first.
// Columns: text, type, mentions, documents, first_date, last_date.
Status queryUnknownActors(Db& db, size_t top, RowSink& sink);

// Runs `sql` with the given text parameters (?1, ?2, ...) and streams every row to `sink`.
Status runSql(Db& db, const std::string& sql, const std::vector<Value>& params, RowSink& sink);

// The WHERE clause (" WHERE ..." or "") for `f` over events aliased `e`; appends the bound
// values to `params` (numbered ?1.. in order, continuing after existing params).
std::string eventWhereSql(const EventFilter& f, std::vector<Value>& params);

// Turns free text into an FTS5 query that matches documents containing every word.
std::string ftsWords(std::string_view text);

}  // namespace annalist::store
