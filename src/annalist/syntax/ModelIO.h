// Binary model files for the syntax models: a versioned container of named sections.
//
// Layout (little-endian):
//   magic "ANLSYNTX" (8 bytes) | u32 version | u32 kind | u32 section count
//   per section: u32 tag (four ASCII chars) | u64 byte length | payload
//   u64 FNV-1a checksum of every byte before it
// The reader is strict: wrong magic, unknown version, wrong kind, truncation, a bad checksum
// and trailing bytes are all errors with a message that names the file and the problem.
// Thread safety: the classes are plain values; no shared state.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/core/Result.h"

namespace annalist::syntax {

enum class ModelKind : uint32_t { kTagger = 1, kLemmatizer = 2, kParser = 3 };
std::string_view modelKindName(ModelKind k);

inline constexpr uint32_t kModelFormatVersion = 1;

// Appends little-endian scalars and length-prefixed strings/arrays to a byte buffer.
class ByteWriter {
 public:
  void u8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u16(uint16_t v) { raw(&v, 2); }
  void u32(uint32_t v) { raw(&v, 4); }
  void u64(uint64_t v) { raw(&v, 8); }
  void f32(float v) { raw(&v, 4); }
  void str(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  template <typename T, typename A>
  void vec(const std::vector<T, A>& v) {
    u64(v.size());
    if (!v.empty()) raw(v.data(), v.size() * sizeof(T));
  }
  void raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Reads what ByteWriter wrote; every read checks bounds. After the first failure all reads
// fail and `error()` says what could not be read.
class ByteReader {
 public:
  ByteReader(std::string_view data, std::string what) : data_(data), what_(std::move(what)) {}
  bool u8(uint8_t& v) { return raw(&v, 1, "u8"); }
  bool u16(uint16_t& v) { return raw(&v, 2, "u16"); }
  bool u32(uint32_t& v) { return raw(&v, 4, "u32"); }
  bool u64(uint64_t& v) { return raw(&v, 8, "u64"); }
  bool f32(float& v) { return raw(&v, 4, "f32"); }
  bool str(std::string& s);
  // Reads exactly `n` raw bytes into `s`.
  bool bytes(std::string& s, size_t n) {
    s.resize(n);
    return n == 0 || raw(s.data(), n, "bytes");
  }
  template <typename T, typename A>
  bool vec(std::vector<T, A>& v, uint64_t max_elems = uint64_t{1} << 32) {
    uint64_t n = 0;
    if (!u64(n)) return false;
    if (n > max_elems || n * sizeof(T) > data_.size() - pos_) return fail("array length");
    v.resize(n);
    return n == 0 || raw(v.data(), n * sizeof(T), "array");
  }
  bool atEnd() const { return pos_ == data_.size(); }
  size_t remaining() const { return data_.size() - pos_; }
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool fail(std::string_view what);

 private:
  bool raw(void* p, size_t n, std::string_view what) {
    if (!error_.empty()) return false;
    if (n > data_.size() - pos_) return fail(what);
    std::memcpy(p, data_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  std::string_view data_;
  size_t pos_ = 0;
  std::string what_;
  std::string error_;
};

struct ModelSection {
  uint32_t tag = 0;
  std::string bytes;
};

inline constexpr uint32_t sectionTag(const char (&s)[5]) {
  return static_cast<uint32_t>(static_cast<uint8_t>(s[0])) |
         static_cast<uint32_t>(static_cast<uint8_t>(s[1])) << 8 |
         static_cast<uint32_t>(static_cast<uint8_t>(s[2])) << 16 |
         static_cast<uint32_t>(static_cast<uint8_t>(s[3])) << 24;
}

// Serialises a model container.
std::string encodeModelFile(ModelKind kind, const std::vector<ModelSection>& sections);
// Parses a container; `what` (usually the path) prefixes error messages.
Result<std::vector<ModelSection>> decodeModelFile(std::string_view bytes, ModelKind expected,
                                                  const std::string& what);
// Reads a whole file / writes a whole file.
Result<std::string> readFileBytes(const std::string& path);
Status writeFileBytes(const std::string& path, std::string_view bytes);

// Finds the section with `tag`, or an error naming the missing section.
Result<const ModelSection*> findSection(const std::vector<ModelSection>& sections, uint32_t tag,
                                        const std::string& what);

// A hash map as two vectors (keys, then values) in key order: the file does not depend on the
// map's iteration order.
template <typename Map>
void writeSortedMap(ByteWriter& w, const Map& m) {
  std::vector<std::pair<typename Map::key_type, typename Map::mapped_type>> d(m.begin(), m.end());
  std::sort(d.begin(), d.end());
  std::vector<typename Map::key_type> keys;
  std::vector<typename Map::mapped_type> vals;
  keys.reserve(d.size());
  vals.reserve(d.size());
  for (const auto& [k, v] : d) {
    keys.push_back(k);
    vals.push_back(v);
  }
  w.vec(keys);
  w.vec(vals);
}

// Reads what writeSortedMap wrote into `m`; false when the two vectors differ in length.
template <typename Map>
bool readSortedMap(ByteReader& r, Map& m) {
  std::vector<typename Map::key_type> keys;
  std::vector<typename Map::mapped_type> vals;
  r.vec(keys);
  r.vec(vals);
  if (keys.size() != vals.size()) return false;
  for (size_t i = 0; i < keys.size(); ++i) m[keys[i]] = vals[i];
  return true;
}

}  // namespace annalist::syntax
