// Tabular result rows and the writers that print them: an aligned table (for a terminal),
// CSV (RFC 4180), TSV (tabs/newlines inside values become spaces) and JSONL (one object
// per row, typed values).
//
// Thread safety: a writer belongs to one thread. Ownership: writers borrow the ostream.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace annalist::store {

struct Value {
  enum class Type { kNull, kInt, kReal, kText };
  Type type = Type::kNull;
  int64_t i = 0;
  double d = 0;
  std::string s;

  static Value null() { return {}; }
  static Value integer(int64_t v) { return {Type::kInt, v, 0, {}}; }
  static Value real(double v) { return {Type::kReal, 0, v, {}}; }
  static Value text(std::string v) { return {Type::kText, 0, 0, std::move(v)}; }
  // The value as text ("" for NULL; reals in shortest round-trip form).
  std::string toString() const;
};
using Row = std::vector<Value>;

// Receives a result: header() once, then row() per row, then end().
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void header(const std::vector<std::string>& columns) = 0;
  virtual void row(const Row& row) = 0;
  virtual void end() {}
};

enum class RowFormat { kTable, kCsv, kTsv, kJsonl };
// "table", "csv", "tsv", "jsonl" → format; false for anything else.
bool parseRowFormat(std::string_view name, RowFormat& out);

// A writer for `format` on `out`. The table writer buffers rows to align columns.
std::unique_ptr<RowSink> makeRowWriter(RowFormat format, std::ostream& out);

// Collects rows in memory (tests, small summaries).
class RowCollector : public RowSink {
 public:
  void header(const std::vector<std::string>& columns) override { columns_ = columns; }
  void row(const Row& r) override { rows_.push_back(r); }
  const std::vector<std::string>& columns() const { return columns_; }
  const std::vector<Row>& rows() const { return rows_; }
  // Index of a column by name (-1 when absent).
  int column(std::string_view name) const;

 private:
  std::vector<std::string> columns_;
  std::vector<Row> rows_;
};

}  // namespace annalist::store
