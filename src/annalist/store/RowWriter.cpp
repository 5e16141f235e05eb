#include "annalist/store/RowWriter.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace annalist::store {

std::string Value::toString() const {
  switch (type) {
    case Type::kNull:
      return {};
    case Type::kInt:
      return std::to_string(i);
    case Type::kReal:
      return fmt::format("{}", d);
    case Type::kText:
      return s;
  }
  return {};
}

bool parseRowFormat(std::string_view name, RowFormat& out) {
  if (name == "table") {
    out = RowFormat::kTable;
  } else if (name == "csv") {
    out = RowFormat::kCsv;
  } else if (name == "tsv") {
    out = RowFormat::kTsv;
  } else if (name == "jsonl") {
    out = RowFormat::kJsonl;
  } else {
    return false;
  }
  return true;
}

int RowCollector::column(std::string_view name) const {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

namespace {

size_t displayWidth(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string oneLine(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

class TableWriter : public RowSink {
 public:
  explicit TableWriter(std::ostream& out) : out_(out) {}
  void header(const std::vector<std::string>& columns) override {
    columns_ = columns;
    numeric_.assign(columns.size(), true);
  }
  void row(const Row& r) override {
    std::vector<std::string> cells;
    cells.reserve(r.size());
    for (size_t i = 0; i < r.size(); ++i) {
      std::string v = oneLine(r[i].toString());
      if (v.size() > 60) v = v.substr(0, 57) + "...";
      if (r[i].type == Value::Type::kText) numeric_[i] = false;
      cells.push_back(std::move(v));
    }
    rows_.push_back(std::move(cells));
  }
  void end() override {
    std::vector<size_t> w(columns_.size());
    for (size_t i = 0; i < columns_.size(); ++i) w[i] = displayWidth(columns_[i]);
    for (const auto& r : rows_) {
      for (size_t i = 0; i < r.size() && i < w.size(); ++i) {
        w[i] = std::max(w[i], displayWidth(r[i]));
      }
    }
    auto line = [&](const std::vector<std::string>& cells) {
      std::string s;
      for (size_t i = 0; i < cells.size(); ++i) {
        const size_t pad = w[i] - displayWidth(cells[i]);
        if (i) s += "  ";
        if (numeric_[i]) s.append(pad, ' ');
        s += cells[i];
        if (!numeric_[i] && i + 1 < cells.size()) s.append(pad, ' ');
      }
      while (!s.empty() && s.back() == ' ') s.pop_back();
      out_ << s << '\n';
    };
    line(columns_);
    std::vector<std::string> rule;
    for (size_t x : w) rule.push_back(std::string(x, '-'));
    line(rule);
    for (const auto& r : rows_) line(r);
    out_ << "(" << rows_.size() << (rows_.size() == 1 ? " row)\n" : " rows)\n");
  }

 private:
  std::ostream& out_;
  std::vector<std::string> columns_;
  std::vector<bool> numeric_;
  std::vector<std::vector<std::string>> rows_;
};

class DelimitedWriter : public RowSink {
 public:
  DelimitedWriter(std::ostream& out, bool csv) : out_(out), csv_(csv) {}
  void header(const std::vector<std::string>& columns) override {
    Row r;
    for (const auto& c : columns) r.push_back(Value::text(c));
    row(r);
  }
  void row(const Row& r) override {
    std::string line;
    for (size_t i = 0; i < r.size(); ++i) {
      if (i) line += csv_ ? ',' : '\t';
      std::string v = r[i].toString();
      if (csv_) {
        if (v.find_first_of(",\"\r\n") != std::string::npos) {
          std::string q = "\"";
          for (char c : v) {
            if (c == '"') q += '"';
            q += c;
          }
          q += '"';
          v = std::move(q);
        }
      } else {
        v = oneLine(std::move(v));
      }
      line += v;
    }
    line += csv_ ? "\r\n" : "\n";
    out_ << line;
  }

 private:
  std::ostream& out_;
  bool csv_;
};

class JsonlWriter : public RowSink {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}
  void header(const std::vector<std::string>& columns) override { columns_ = columns; }
  void row(const Row& r) override {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (size_t i = 0; i < r.size() && i < columns_.size(); ++i) {
      const Value& v = r[i];
      switch (v.type) {
        case Value::Type::kNull:
          j[columns_[i]] = nullptr;
          break;
        case Value::Type::kInt:
          j[columns_[i]] = v.i;
          break;
        case Value::Type::kReal:
          j[columns_[i]] = v.d;
          break;
        case Value::Type::kText:
          j[columns_[i]] = v.s;
          break;
      }
    }
    out_ << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  }

 private:
  std::ostream& out_;
  std::vector<std::string> columns_;
};

}  // namespace

std::unique_ptr<RowSink> makeRowWriter(RowFormat format, std::ostream& out) {
  switch (format) {
    case RowFormat::kTable:
      return std::make_unique<TableWriter>(out);
    case RowFormat::kCsv:
      return std::make_unique<DelimitedWriter>(out, true);
    case RowFormat::kTsv:
      return std::make_unique<DelimitedWriter>(out, false);
    case RowFormat::kJsonl:
      return std::make_unique<JsonlWriter>(out);
  }
  return nullptr;
}

}  // namespace annalist::store
