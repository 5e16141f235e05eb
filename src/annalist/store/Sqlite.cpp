#include "annalist/store/Sqlite.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <utility>

namespace annalist::store {

// ---- Stmt ---------------------------------------------------------------------------------

Stmt::Stmt(Stmt&& o) noexcept
    : db_(std::exchange(o.db_, nullptr)),
      stmt_(std::exchange(o.stmt_, nullptr)),
      status_(std::move(o.status_)) {}

Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    if (stmt_) sqlite3_finalize(stmt_);
    db_ = std::exchange(o.db_, nullptr);
    stmt_ = std::exchange(o.stmt_, nullptr);
    status_ = std::move(o.status_);
  }
  return *this;
}

Stmt::~Stmt() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Stmt& Stmt::bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
  sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}
Stmt& Stmt::bindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}
Stmt& Stmt::bindOptional(int i, std::string_view v) {
  return v.empty() ? bindNull(i) : bind(i, v);
}
int Stmt::parameterCount() const {
  return sqlite3_bind_parameter_count(stmt_);
}

bool Stmt::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) {
    status_ = Status::ok();
  } else {
    status_ = Error::io(fmt::format("sqlite: {} (in: {})", sqlite3_errmsg(db_),
                                    sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "?"));
  }
  return false;
}

Status Stmt::exec() {
  while (step()) {
  }
  Status s = status_;
  reset();
  return s;
}

void Stmt::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int Stmt::columns() const {
  return sqlite3_column_count(stmt_);
}
std::string_view Stmt::columnName(int i) const {
  return sqlite3_column_name(stmt_, i);
}
bool Stmt::isNull(int i) const {
  return sqlite3_column_type(stmt_, i) == SQLITE_NULL;
}
int64_t Stmt::int64(int i) const {
  return sqlite3_column_int64(stmt_, i);
}
double Stmt::real(int i) const {
  return sqlite3_column_double(stmt_, i);
}
std::string_view Stmt::text(int i) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
  if (!p) return {};
  return {p, static_cast<size_t>(sqlite3_column_bytes(stmt_, i))};
}
int Stmt::type(int i) const {
  return sqlite3_column_type(stmt_, i);
}

// ---- Db -----------------------------------------------------------------------------------

Result<Db> Db::open(const std::string& path, Mode mode) {
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (mode == Mode::kExisting) flags = SQLITE_OPEN_READWRITE;
  if (mode == Mode::kReadOnly) flags = SQLITE_OPEN_READONLY;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    if (raw) sqlite3_close(raw);
    return Error::io(fmt::format("cannot open database '{}': {}", path, msg));
  }
  sqlite3_extended_result_codes(raw, 1);
  // Another process (a concurrent reader or an ingest) may hold a lock briefly.
  sqlite3_busy_timeout(raw, 10000);
  Db db;
  db.db_ = raw;
  db.path_ = path;
  return db;
}

Db::Db(Db&& o) noexcept : db_(std::exchange(o.db_, nullptr)), path_(std::move(o.path_)) {}

Db& Db::operator=(Db&& o) noexcept {
  if (this != &o) {
    if (db_) sqlite3_close_v2(db_);
    db_ = std::exchange(o.db_, nullptr);
    path_ = std::move(o.path_);
  }
  return *this;
}

Db::~Db() {
  if (db_) sqlite3_close_v2(db_);
}

Status Db::exec(std::string_view sql) {
  char* err = nullptr;
  const std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    return Error::io(fmt::format("sqlite ({}): {}", path_, msg));
  }
  return Status::ok();
}

Result<Stmt> Db::prepare(std::string_view sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &st, nullptr) !=
      SQLITE_OK) {
    return Error::internal(
        fmt::format("sqlite: cannot prepare statement: {} (in: {})", sqlite3_errmsg(db_), sql));
  }
  return Stmt(db_, st);
}

Result<std::optional<int64_t>> Db::queryInt(std::string_view sql) {
  auto st = prepare(sql);
  if (!st.ok()) return st.error();
  if (st->step()) {
    if (st->isNull(0)) return std::optional<int64_t>();
    return std::optional<int64_t>(st->int64(0));
  }
  if (!st->status().isOk()) return st->status().error();
  return std::optional<int64_t>();
}

int64_t Db::lastInsertRowid() const {
  return sqlite3_last_insert_rowid(db_);
}
int Db::changes() const {
  return sqlite3_changes(db_);
}
std::string Db::errorMessage() const {
  return sqlite3_errmsg(db_);
}

// ---- Transaction --------------------------------------------------------------------------

Transaction::Transaction(Db& db) : db_(db) {
  status_ = db_.exec("BEGIN IMMEDIATE");
  open_ = status_.isOk();
}

Transaction::~Transaction() {
  if (open_) (void)db_.exec("ROLLBACK");
}

Status Transaction::commit() {
  if (!open_) return status_.isOk() ? Error::internal("transaction already finished") : status_;
  Status s = db_.exec("COMMIT");
  if (s.isOk()) open_ = false;
  return s;
}

}  // namespace annalist::store
