// Result<T> and Status: error values instead of exceptions across module boundaries
// (std::expected is C++23; GCC 12 lacks it). Errors say *what* was wrong.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace annalist {

// A failure: a machine-readable kind plus a human message that names the offending input part.
struct Error {
  enum class Kind { kInvalidArgument, kNotFound, kIo, kParse, kCorrupt, kUnsupported, kInternal };
  Kind kind = Kind::kInternal;
  std::string message;

  static Error invalid(std::string m) { return {Kind::kInvalidArgument, std::move(m)}; }
  static Error notFound(std::string m) { return {Kind::kNotFound, std::move(m)}; }
  static Error io(std::string m) { return {Kind::kIo, std::move(m)}; }
  static Error parse(std::string m) { return {Kind::kParse, std::move(m)}; }
  static Error corrupt(std::string m) { return {Kind::kCorrupt, std::move(m)}; }
  static Error unsupported(std::string m) { return {Kind::kUnsupported, std::move(m)}; }
  static Error internal(std::string m) { return {Kind::kInternal, std::move(m)}; }
};

// Status: ok, or an Error.
class Status {
 public:
  Status() = default;
  Status(Error e) : error_(std::move(e)), ok_(false) {}  // NOLINT: implicit by design
  static Status ok() { return {}; }
  bool isOk() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }
  const std::string& message() const { return error_.message; }

 private:
  Error error_;
  bool ok_ = true;
};

// Result<T>: a value or an Error. REQUIRES: check ok() before value().
template <typename T>
class Result {
 public:
  Result(T v) : v_(std::move(v)) {}      // NOLINT: implicit by design
  Result(Error e) : v_(std::move(e)) {}  // NOLINT: implicit by design
  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  T& value() & {
    assert(ok());
    return std::get<T>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const Error& error() const {
    assert(!ok());
    return std::get<Error>(v_);
  }
  Status status() const { return ok() ? Status::ok() : Status(error()); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace annalist
