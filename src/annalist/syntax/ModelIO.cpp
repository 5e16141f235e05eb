#include "annalist/syntax/ModelIO.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace annalist::syntax {

namespace {
constexpr char kMagic[8] = {'A', 'N', 'L', 'S', 'Y', 'N', 'T', 'X'};

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string tagName(uint32_t tag) {
  std::string s;
  for (int i = 0; i < 4; ++i) {
    const char c = static_cast<char>((tag >> (8 * i)) & 0xff);
    s += (c >= 32 && c < 127) ? c : '?';
  }
  return s;
}
}  // namespace

std::string_view modelKindName(ModelKind k) {
  switch (k) {
    case ModelKind::kTagger:
      return "tagger";
    case ModelKind::kLemmatizer:
      return "lemmatizer";
    case ModelKind::kParser:
      return "parser";
  }
  return "unknown";
}

bool ByteReader::str(std::string& s) {
  uint32_t n = 0;
  if (!u32(n)) return false;
  if (n > data_.size() - pos_) return fail("string");
  s.assign(data_.data() + pos_, n);
  pos_ += n;
  return true;
}

bool ByteReader::fail(std::string_view what) {
  if (error_.empty()) {
    error_ = fmt::format("{}: truncated or corrupt while reading {} at byte {}", what_, what, pos_);
  }
  return false;
}

std::string encodeModelFile(ModelKind kind, const std::vector<ModelSection>& sections) {
  ByteWriter w;
  w.raw(kMagic, sizeof kMagic);
  w.u32(kModelFormatVersion);
  w.u32(static_cast<uint32_t>(kind));
  w.u32(static_cast<uint32_t>(sections.size()));
  for (const ModelSection& s : sections) {
    w.u32(s.tag);
    w.u64(s.bytes.size());
    w.raw(s.bytes.data(), s.bytes.size());
  }
  const uint64_t sum = fnv1a(w.bytes());
  w.u64(sum);
  return std::move(w.bytes());
}

Result<std::vector<ModelSection>> decodeModelFile(std::string_view bytes, ModelKind expected,
                                                  const std::string& what) {
  if (bytes.size() < sizeof kMagic + 12 + 8) {
    return Error::corrupt(fmt::format("{}: truncated model file ({} bytes, too short for a header)",
                                      what, bytes.size()));
  }
  if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return Error::corrupt(fmt::format("{}: not an annalist syntax model (bad magic)", what));
  }
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  ByteReader r(body, what);
  std::string magic;
  r.bytes(magic, sizeof kMagic);
  uint32_t version = 0, kind = 0, count = 0;
  r.u32(version);
  r.u32(kind);
  r.u32(count);
  if (version != kModelFormatVersion) {
    return Error::unsupported(fmt::format("{}: model format version {} (this build reads {})", what,
                                          version, kModelFormatVersion));
  }
  if (kind != static_cast<uint32_t>(expected)) {
    return Error::invalid(fmt::format("{}: is a {} model, expected a {} model", what,
                                      modelKindName(static_cast<ModelKind>(kind)),
                                      modelKindName(expected)));
  }
  std::vector<ModelSection> out;
  for (uint32_t i = 0; i < count; ++i) {
    ModelSection s;
    uint64_t n = 0;
    if (!r.u32(s.tag) || !r.u64(n)) {
      return Error::corrupt(fmt::format("{}: truncated in the header of section {}", what, i));
    }
    if (n > r.remaining()) {
      return Error::corrupt(fmt::format("{}: truncated: section '{}' needs {} bytes, {} left", what,
                                        tagName(s.tag), n, r.remaining()));
    }
    r.bytes(s.bytes, n);
    out.push_back(std::move(s));
  }
  if (!r.atEnd()) {
    return Error::corrupt(
        fmt::format("{}: {} unexpected bytes after the last section (or a "
                    "truncated file)",
                    what, r.remaining()));
  }
  uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + body.size(), 8);
  if (stored != fnv1a(body)) {
    return Error::corrupt(fmt::format("{}: checksum mismatch (file corrupt or truncated)", what));
  }
  return out;
}

Result<std::string> readFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::notFound(fmt::format("cannot open model file {}", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Error::io(fmt::format("error reading {}", path));
  return ss.str();
}

Status writeFileBytes(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Error::io(fmt::format("cannot write {}", path));
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Error::io(fmt::format("error writing {}", path));
  return Status::ok();
}

Result<const ModelSection*> findSection(const std::vector<ModelSection>& sections, uint32_t tag,
                                        const std::string& what) {
  for (const ModelSection& s : sections) {
    if (s.tag == tag) return &s;
  }
  return Error::corrupt(fmt::format("{}: missing section '{}'", what, tagName(tag)));
}

}  // namespace annalist::syntax
