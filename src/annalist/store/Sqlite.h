// A thin RAII layer over the SQLite C API: a connection (`Db`) and prepared statements
// (`Stmt`). Every value goes through bind*() — SQL text is never built from user values.
//
// Thread safety: a Db and its Stmts belong to one thread at a time (SQLite's
// "multi-thread" mode); use one Db per thread.
// Ownership: a Stmt must not outlive the Db that prepared it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "annalist/core/Result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace annalist::store {

class Stmt {
 public:
  Stmt() = default;
  Stmt(Stmt&& o) noexcept;
  Stmt& operator=(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  bool valid() const { return stmt_ != nullptr; }

  // 1-based parameter index, as in SQLite. Text is copied (SQLITE_TRANSIENT).
  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, uint32_t v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bindNull(int i);
  // Binds NULL when empty.
  Stmt& bindOptional(int i, std::string_view v);
  int parameterCount() const;

  // Steps once: true when a row is available, false when done. Errors become a Status via
  // `status()` after step() returns false.
  bool step();
  // Runs to completion (for statements without result rows).
  Status exec();
  // The error of the last step, if any (ok otherwise).
  const Status& status() const { return status_; }
  void reset();

  // Column accessors for the current row (0-based).
  int columns() const;
  std::string_view columnName(int i) const;
  bool isNull(int i) const;
  int64_t int64(int i) const;
  double real(int i) const;
  std::string_view text(int i) const;  // valid until the next step/reset
  std::string str(int i) const { return std::string(text(i)); }
  // SQLite's dynamic type of column i: 1 int, 2 float, 3 text, 4 blob, 5 null.
  int type(int i) const;

 private:
  friend class Db;
  Stmt(sqlite3* db, sqlite3_stmt* s) : db_(db), stmt_(s) {}
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

class Db {
 public:
  // kCreate: read-write, created when missing; kExisting: read-write, must exist;
  // kReadOnly: must exist.
  enum class Mode { kCreate, kExisting, kReadOnly };
  // Opens the database file. Errors name the file.
  static Result<Db> open(const std::string& path, Mode mode = Mode::kCreate);

  Db() = default;
  Db(Db&& o) noexcept;
  Db& operator=(Db&& o) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  bool valid() const { return db_ != nullptr; }
  const std::string& path() const { return path_; }

  // Runs one or more statements without parameters (DDL, PRAGMA, BEGIN/COMMIT).
  Status exec(std::string_view sql);
  Result<Stmt> prepare(std::string_view sql);
  // Runs a query returning one integer in the first row (nullopt when no row / NULL).
  Result<std::optional<int64_t>> queryInt(std::string_view sql);
  int64_t lastInsertRowid() const;
  int changes() const;
  std::string errorMessage() const;
  sqlite3* raw() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

// RAII transaction: BEGIN IMMEDIATE on construction (check status()), ROLLBACK in the
// destructor unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  const Status& status() const { return status_; }
  Status commit();

 private:
  Db& db_;
  Status status_;
  bool open_ = false;
};

}  // namespace annalist::store
