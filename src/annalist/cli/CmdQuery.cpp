// `annalist query --db FILE`: filter events, aggregate them, list quotes of a speaker or the
// unknown actors, or summarise the store. Output: aligned table (default on a terminal), TSV
// (default otherwise), CSV or JSONL. See docs/STORE.md.
#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/core/Date.h"
#include "annalist/store/Query.h"
#include "annalist/store/Schema.h"

namespace annalist::cli {

namespace {

struct QueryOptions {
  std::string db = "annalist.db";
  std::string from, to;
  std::vector<std::string> source, target, actor, cameo, root, plover, doc;
  std::vector<int> quad;
  std::string text, fts;
  bool exclude_negated = false;
  std::string by = "none", per = "none";
  size_t top = 0, limit = 0;
  bool all_columns = false;
  bool quotes = false, unknown = false, summary = false;
  std::string speaker;
  std::string format;  // "" = table on a TTY, else tsv
  std::string output = "-";
};

bool checkDate(const std::string& s, const char* flag) {
  if (s.empty() || Date::parseIso(s)) return true;
  std::cerr << "annalist query: " << flag << " must be YYYY-MM-DD, got '" << s << "'\n";
  return false;
}

// The store summary: documents, events by root, top dyads, quotes.
Status printSummary(store::Db& db, store::RowFormat format, std::ostream& out) {
  auto scalar = [&](const char* sql) -> int64_t {
    auto v = db.queryInt(sql);
    return v.ok() ? v->value_or(0) : 0;
  };
  out << fmt::format(
      "documents: {}  sentences: {}  events: {}  quotes: {}  entities: {}  runs: {}\n",
      scalar("SELECT count(*) FROM documents"), scalar("SELECT count(*) FROM sentences"),
      scalar("SELECT count(*) FROM events"), scalar("SELECT count(*) FROM quotes"),
      scalar("SELECT count(*) FROM entities"), scalar("SELECT count(*) FROM runs"));
  out << "\nevents by CAMEO root:\n";
  store::EventQuery byroot;
  byroot.by = store::GroupBy::kRoot;
  auto w1 = store::makeRowWriter(format, out);
  if (Status s = store::queryEvents(db, byroot, *w1); !s.isOk()) return s;
  out << "\ntop dyads:\n";
  store::EventQuery dyads;
  dyads.by = store::GroupBy::kDyad;
  dyads.top = 10;
  auto w2 = store::makeRowWriter(format, out);
  if (Status s = store::queryEvents(db, dyads, *w2); !s.isOk()) return s;
  out << "\nquotes:\n";
  store::QuoteQuery qq;
  qq.limit = 10;
  auto w3 = store::makeRowWriter(format, out);
  return store::queryQuotes(db, qq, *w3);
}

}  // namespace

void addQueryCommand(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<QueryOptions>();
  CLI::App* cmd = app.add_subcommand(
      "query", "Query the store: events (filters, aggregates), quotes, unknown actors");
  cmd->add_option("--db", o->db, "Store file")->capture_default_str();
  cmd->add_option("--from", o->from, "Events on or after this date (YYYY-MM-DD)");
  cmd->add_option("--to", o->to, "Events on or before this date (YYYY-MM-DD)");
  cmd->add_option("--source", o->source,
                  "Source actor code prefix, '=CODE' for exact (repeatable: any of)");
  cmd->add_option("--target", o->target, "Target actor code prefix ('=CODE' exact)");
  cmd->add_option("--actor", o->actor, "Actor code prefix on either side ('=CODE' exact)");
  cmd->add_option("--cameo", o->cameo, "CAMEO code prefix ('=CODE' exact)");
  cmd->add_option("--root", o->root, "CAMEO root code, e.g. 04");
  cmd->add_option("--quad", o->quad, "QuadClass 1..4")->check(CLI::Range(1, 4));
  cmd->add_option("--plover", o->plover, "PLOVER event category, e.g. ACCUSE");
  cmd->add_option("--text", o->text, "Words that must all occur in the document (full text)");
  cmd->add_option("--fts", o->fts, "Raw SQLite FTS5 query over document title and text");
  cmd->add_option("--doc", o->doc, "Document id (repeatable)");
  cmd->add_flag("--exclude-negated", o->exclude_negated, "Drop negated events");
  cmd->add_option("--by", o->by, "Aggregate by dyad|source|target|actor|code|root|plover|quad")
      ->check(CLI::IsMember(
          {"none", "dyad", "source", "target", "actor", "code", "root", "plover", "quad"}));
  cmd->add_option("--per", o->per, "Aggregate per day|week|month|year")
      ->check(CLI::IsMember({"none", "day", "week", "month", "year"}));
  cmd->add_option("--top", o->top, "Aggregates: only the N groups with most events");
  cmd->add_option("--limit", o->limit, "Lists: at most N rows");
  cmd->add_flag("--all-columns", o->all_columns, "Event lists: every stored field");
  cmd->add_flag("--quotes", o->quotes, "List quotes (with --speaker, --text, --from/--to, --doc)");
  cmd->add_option("--speaker", o->speaker,
                  "Quotes of a speaker: actor code prefix or name substring (implies --quotes)");
  cmd->add_flag("--unknown-actors", o->unknown, "Mentions no dictionary resolved, by frequency");
  cmd->add_flag("--summary", o->summary, "Documents, events by root, top dyads, quotes");
  cmd->add_option("--format", o->format,
                  "table|csv|tsv|jsonl (default: table on a terminal, "
                  "else tsv)")
      ->check(CLI::IsMember({"table", "csv", "tsv", "jsonl"}));
  cmd->add_option("-o,--output", o->output, "Output file (default: stdout)");
  cmd->callback([o, &exit_code] {
    if (!checkDate(o->from, "--from") || !checkDate(o->to, "--to")) {
      exit_code = kExitUsage;
      return;
    }
    std::ofstream file;
    std::ostream* out = &std::cout;
    const bool to_stdout = o->output.empty() || o->output == "-";
    if (!to_stdout) {
      file.open(o->output, std::ios::binary);
      if (!file) {
        std::cerr << "annalist query: cannot write " << o->output << "\n";
        exit_code = kExitFatal;
        return;
      }
      out = &file;
    }
    store::RowFormat format = store::RowFormat::kTsv;
    if (o->format.empty()) {
      format =
          to_stdout && isatty(STDOUT_FILENO) ? store::RowFormat::kTable : store::RowFormat::kTsv;
    } else {
      store::parseRowFormat(o->format, format);
    }
    auto db = store::openStore(o->db, /*create=*/false);
    if (!db.ok()) {
      std::cerr << "annalist query: " << db.error().message << "\n";
      exit_code = kExitFatal;
      return;
    }
    Status s;
    if (o->summary) {
      s = printSummary(*db, o->format.empty() ? store::RowFormat::kTable : format, *out);
    } else if (o->unknown) {
      auto w = store::makeRowWriter(format, *out);
      s = store::queryUnknownActors(*db, o->top ? o->top : o->limit, *w);
    } else if (o->quotes || !o->speaker.empty()) {
      store::QuoteQuery q;
      q.speaker = o->speaker;
      q.text = o->text;
      q.date_from = o->from;
      q.date_to = o->to;
      q.doc_ids = o->doc;
      q.limit = o->limit;
      auto w = store::makeRowWriter(format, *out);
      s = store::queryQuotes(*db, q, *w);
    } else {
      store::EventQuery q;
      auto& f = q.filter;
      f.date_from = o->from;
      f.date_to = o->to;
      f.source = o->source;
      f.target = o->target;
      f.actor = o->actor;
      f.cameo = o->cameo;
      f.root = o->root;
      f.quad_class = o->quad;
      f.plover = o->plover;
      f.text = o->text;
      f.fts = o->fts;
      f.doc_ids = o->doc;
      f.exclude_negated = o->exclude_negated;
      store::parseGroupBy(o->by, q.by);
      store::parsePeriod(o->per, q.per);
      q.top = o->top;
      q.limit = o->limit;
      q.all_columns = o->all_columns;
      auto w = store::makeRowWriter(format, *out);
      s = store::queryEvents(*db, q, *w);
    }
    out->flush();
    if (!s.isOk()) {
      std::cerr << "annalist query: " << s.message() << "\n";
      exit_code = kExitFatal;
      return;
    }
    exit_code = kExitOk;
  });
}

}  // namespace annalist::cli
