#include "annalist/ner/NerModel.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>

#include "annalist/ner/Iob2.h"
#include "annalist/syntax/Corpus.h"
#include "annalist/syntax/LinearModel.h"
#include "annalist/syntax/Tagger.h"

namespace annalist::ner {

namespace {

constexpr std::string_view kMagic = "ANNALIST";
constexpr uint32_t kMaxTypes = 32;
constexpr uint32_t kMaxStringBytes = 1u << 16;

uint64_t checksum(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

class Writer {
 public:
  void raw(const void* p, size_t n) { out.append(static_cast<const char*>(p), n); }
  void u32(uint32_t v) { raw(&v, 4); }
  void u64(uint64_t v) { raw(&v, 8); }
  void f32(float v) { raw(&v, 4); }
  void str(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    raw(s.data(), s.size());
  }
  std::string out;
};

class Reader {
 public:
  Reader(std::string_view b, std::string_view origin) : bytes_(b), origin_(origin) {}
  bool raw(void* p, size_t n, std::string_view what) {
    if (bytes_.size() - pos_ < n) {
      error_ = fmt::format("model '{}' is truncated: {} needs {} bytes at offset {}, only {} left",
                           origin_, what, n, pos_, bytes_.size() - pos_);
      return false;
    }
    std::memcpy(p, bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool u32(uint32_t& v, std::string_view what) { return raw(&v, 4, what); }
  bool u64(uint64_t& v, std::string_view what) { return raw(&v, 8, what); }
  bool f32(float& v, std::string_view what) { return raw(&v, 4, what); }
  bool str(std::string& s, std::string_view what) {
    uint32_t n = 0;
    if (!u32(n, what)) return false;
    if (n > kMaxStringBytes) {
      error_ = fmt::format("model '{}' is corrupt: {} has length {} at offset {}", origin_, what, n,
                           pos_ - 4);
      return false;
    }
    s.resize(n);
    return raw(s.data(), n, what);
  }
  size_t pos() const { return pos_; }
  size_t left() const { return bytes_.size() - pos_; }
  const std::string& error() const { return error_; }
  void fail(std::string e) { error_ = std::move(e); }

 private:
  std::string_view bytes_;
  std::string_view origin_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace

std::string NerModel::labelName(int label) const {
  if (label <= 0 || label >= labelCount()) return "O";
  const std::string& t = types_[static_cast<size_t>((label - 1) / 2)];
  return ((label & 1) ? "B-" : "I-") + t;
}

NerModel NerModel::fromParts(std::vector<std::string> types, Gazetteers gaz, Lexicon lex,
                             std::vector<uint64_t> keys, const std::vector<float>& weights,
                             bool bilou) {
  NerModel m;
  m.types_ = std::move(types);
  m.bilou_ = bilou;
  m.gaz_ = std::move(gaz);
  m.gaz_.build();
  m.lex_ = std::move(lex);
  std::sort(m.lex_.entries.begin(), m.lex_.entries.end());
  std::sort(m.lex_.classes.begin(), m.lex_.classes.end());
  m.lex_.build();
  const auto L = static_cast<size_t>(m.internalLabelCount());
  // Sort features by key (weights follow).
  std::vector<size_t> order(keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  float maxabs = 0;
  for (float w : weights) maxabs = std::max(maxabs, std::fabs(w));
  m.scale_ = maxabs > 0 ? maxabs / 32767.0f : 1.0f;
  m.keys_.reserve(keys.size());
  m.qweights_.reserve(keys.size() * L);
  for (size_t i : order) {
    m.keys_.push_back(keys[i]);
    for (size_t l = 0; l < L; ++l) {
      m.qweights_.push_back(static_cast<int16_t>(std::lround(weights[i * L + l] / m.scale_)));
    }
  }
  m.buildIndex();
  return m;
}

void NerModel::buildIndex() {
  row_ = static_cast<size_t>(internalLabelCount());
  weights_.resize(qweights_.size());
  for (size_t i = 0; i < qweights_.size(); ++i) weights_[i] = qweights_[i] * scale_;
  size_t cap = 16;
  while (cap < keys_.size() * 2) cap <<= 1;
  mask_ = cap - 1;
  slots_.assign(cap, 0);
  slot_index_.assign(cap, 0);
  for (size_t i = 0; i < keys_.size(); ++i) {
    size_t slot = keys_[i] & mask_;
    while (slots_[slot] != 0) slot = (slot + 1) & mask_;
    slots_[slot] = keys_[i];
    slot_index_[slot] = static_cast<uint32_t>(i);
  }
}

std::string NerModel::serialize() const {
  Writer w;
  w.raw(kMagic.data(), kMagic.size());
  w.u32(kFormatVersion);
  w.str(kKind);
  w.str(tagger_name_);
  w.u32(viterbi_ ? 1 : 0);
  w.u32(bilou_ ? 1 : 0);
  w.u32(document_features_ ? 1 : 0);
  w.u32(static_cast<uint32_t>(types_.size()));
  for (const auto& t : types_) w.str(t);
  w.u32(static_cast<uint32_t>(gaz_.names.size()));
  for (size_t g = 0; g < gaz_.names.size(); ++g) {
    w.str(gaz_.names[g]);
    w.u32(static_cast<uint32_t>(gaz_.entries[g].size()));
    for (const auto& e : gaz_.entries[g]) w.str(e);
  }
  w.u32(static_cast<uint32_t>(lex_.entries.size()));
  for (const auto& [k, v] : lex_.entries) {
    w.u64(k);
    w.raw(&v, 1);
  }
  w.u32(static_cast<uint32_t>(lex_.classes.size()));
  for (const auto& [k, v] : lex_.classes) {
    w.u64(k);
    w.u32(v);
  }
  w.u32(static_cast<uint32_t>(keys_.size()));
  for (uint64_t k : keys_) w.u64(k);
  w.f32(scale_);
  w.raw(qweights_.data(), qweights_.size() * sizeof(int16_t));
  w.u64(checksum(w.out));
  return std::move(w.out);
}

Status NerModel::save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Error::io(fmt::format("cannot write model '{}'", path));
  const std::string bytes = serialize();
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Error::io(fmt::format("error writing model '{}'", path));
  return Status::ok();
}

Result<NerModel> NerModel::load(const std::string& path) {
  auto bytes = readFileBytes(path);
  if (!bytes) return Error::notFound(fmt::format("NER model: {}", bytes.error().message));
  auto m = parse(*bytes, path);
  if (!m || m->tagger_name_.empty()) return m;
  const size_t slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? std::string(".") : path.substr(0, slash);
  auto tagger = syntax::Tagger::load(dir + "/" + m->tagger_name_);
  if (!tagger) {
    return Error(tagger.error().kind,
                 fmt::format("NER model '{}' needs the tagger '{}' beside it: {}", path,
                             m->tagger_name_, tagger.error().message));
  }
  m->tagger_ = std::make_shared<const syntax::Tagger>(std::move(tagger).value());
  return m;
}

Result<NerModel> NerModel::parse(std::string_view bytes, std::string_view origin) {
  Reader r(bytes, origin);
  char magic[8];
  if (bytes.size() < kMagic.size() ||
      std::memcmp(bytes.data(), kMagic.data(), kMagic.size()) != 0) {
    return Error::corrupt(fmt::format(
        "'{}' is not an annalist model file (bad magic; expected \"ANNALIST\")", origin));
  }
  r.raw(magic, 8, "magic");
  uint32_t version = 0;
  if (!r.u32(version, "format version")) return Error::corrupt(r.error());
  std::string kind;
  if (!r.str(kind, "model kind")) return Error::corrupt(r.error());
  if (kind != kKind) {
    return Error::unsupported(
        fmt::format("model '{}' is a '{}' model, expected '{}'", origin, kind, kKind));
  }
  if (version < 1 || version > kFormatVersion) {
    return Error::unsupported(
        fmt::format("model '{}' has format version {}, this annalist reads versions 1 to {}",
                    origin, version, kFormatVersion));
  }
  // The checksum covers everything before its own 8 bytes.
  if (bytes.size() < 8 + r.pos()) {
    return Error::corrupt(fmt::format("model '{}' is truncated (no checksum)", origin));
  }
  NerModel m;
  if (version >= 2) {
    if (!r.str(m.tagger_name_, "tagger name")) return Error::corrupt(r.error());
    if (m.tagger_name_.find('/') != std::string::npos) {
      return Error::corrupt(
          fmt::format("model '{}' is corrupt: tagger name '{}' is a path", origin, m.tagger_name_));
    }
    uint32_t decoder = 0;
    if (!r.u32(decoder, "decoder")) return Error::corrupt(r.error());
    if (decoder > 1) {
      return Error::corrupt(
          fmt::format("model '{}' is corrupt: unknown decoder {}", origin, decoder));
    }
    m.viterbi_ = decoder == 1;
  }
  if (version >= 3) {
    uint32_t encoding = 0;
    if (!r.u32(encoding, "label encoding")) return Error::corrupt(r.error());
    if (encoding > 1 || (encoding == 1 && !m.viterbi_)) {
      return Error::corrupt(fmt::format("model '{}' is corrupt: label encoding {} (decoder {})",
                                        origin, encoding, m.viterbi_ ? "viterbi" : "greedy"));
    }
    m.bilou_ = encoding == 1;
    uint32_t docf = 0;
    if (!r.u32(docf, "document features flag")) return Error::corrupt(r.error());
    if (docf > 1) {
      return Error::corrupt(
          fmt::format("model '{}' is corrupt: document features flag {}", origin, docf));
    }
    m.document_features_ = docf == 1;
  }
  uint32_t ntypes = 0;
  if (!r.u32(ntypes, "type count")) return Error::corrupt(r.error());
  if (ntypes == 0 || ntypes > kMaxTypes) {
    return Error::corrupt(fmt::format("model '{}' is corrupt: {} entity types", origin, ntypes));
  }
  m.types_.resize(ntypes);
  for (auto& t : m.types_)
    if (!r.str(t, "entity type")) return Error::corrupt(r.error());
  uint32_t ngaz = 0;
  if (!r.u32(ngaz, "gazetteer count")) return Error::corrupt(r.error());
  if (ngaz > Gazetteers::kMaxLists) {
    return Error::corrupt(fmt::format("model '{}' is corrupt: {} gazetteer lists (max {})", origin,
                                      ngaz, Gazetteers::kMaxLists));
  }
  m.gaz_.names.resize(ngaz);
  m.gaz_.entries.resize(ngaz);
  for (uint32_t g = 0; g < ngaz; ++g) {
    if (!r.str(m.gaz_.names[g], "gazetteer name")) return Error::corrupt(r.error());
    uint32_t n = 0;
    if (!r.u32(n, "gazetteer size")) return Error::corrupt(r.error());
    if (n > r.left() / 4) {
      return Error::corrupt(fmt::format("model '{}' is truncated: gazetteer '{}' claims {} entries",
                                        origin, m.gaz_.names[g], n));
    }
    m.gaz_.entries[g].resize(n);
    for (auto& e : m.gaz_.entries[g])
      if (!r.str(e, "gazetteer entry")) return Error::corrupt(r.error());
  }
  uint32_t nlex = 0;
  if (!r.u32(nlex, "lexicon size")) return Error::corrupt(r.error());
  if (nlex > r.left() / 9) {
    return Error::corrupt(
        fmt::format("model '{}' is truncated: lexicon claims {} entries", origin, nlex));
  }
  m.lex_.entries.resize(nlex);
  for (auto& [k, v] : m.lex_.entries) {
    if (!r.u64(k, "lexicon key") || !r.raw(&v, 1, "lexicon value")) {
      return Error::corrupt(r.error());
    }
  }
  if (version >= 3) {
    uint32_t nclasses = 0;
    if (!r.u32(nclasses, "word class count")) return Error::corrupt(r.error());
    if (nclasses > r.left() / 12) {
      return Error::corrupt(fmt::format(
          "model '{}' is truncated: word class table claims {} entries", origin, nclasses));
    }
    m.lex_.classes.resize(nclasses);
    for (auto& [k, v] : m.lex_.classes) {
      if (!r.u64(k, "word class key") || !r.u32(v, "word class value")) {
        return Error::corrupt(r.error());
      }
    }
  }
  uint32_t nfeat = 0;
  if (!r.u32(nfeat, "feature count")) return Error::corrupt(r.error());
  const size_t L = 1 + (m.bilou_ ? 4 : 2) * ntypes;
  const size_t need = static_cast<size_t>(nfeat) * (8 + 2 * L) + 4 + 8;
  if (need != r.left()) {
    if (need > r.left()) {
      return Error::corrupt(
          fmt::format("model '{}' is truncated: {} features need {} more bytes, only {} left",
                      origin, nfeat, need, r.left()));
    }
    return Error::corrupt(
        fmt::format("model '{}' has {} unexpected trailing bytes", origin, r.left() - need));
  }
  m.keys_.resize(nfeat);
  if (!r.raw(m.keys_.data(), m.keys_.size() * 8, "feature keys")) return Error::corrupt(r.error());
  if (!r.f32(m.scale_, "weight scale")) return Error::corrupt(r.error());
  m.qweights_.resize(static_cast<size_t>(nfeat) * L);
  if (!r.raw(m.qweights_.data(), m.qweights_.size() * 2, "weights")) {
    return Error::corrupt(r.error());
  }
  const size_t body = r.pos();
  uint64_t stored = 0;
  if (!r.u64(stored, "checksum")) return Error::corrupt(r.error());
  if (stored != checksum(bytes.substr(0, body))) {
    return Error::corrupt(fmt::format("model '{}' is corrupt: checksum mismatch", origin));
  }
  if (!(m.scale_ > 0) || !std::isfinite(m.scale_)) {
    return Error::corrupt(fmt::format("model '{}' is corrupt: bad weight scale", origin));
  }
  for (size_t i = 0; i < m.keys_.size(); ++i) {
    if (m.keys_[i] == 0 || (i > 0 && m.keys_[i] <= m.keys_[i - 1])) {
      return Error::corrupt(
          fmt::format("model '{}' is corrupt: feature keys not sorted/unique at {}", origin, i));
    }
  }
  m.gaz_.build();
  m.lex_.build();
  m.buildIndex();
  return m;
}

void NerModel::syntaxFeatures(const syntax::Tagger& tagger, std::span<const std::string_view> words,
                              std::span<const std::string_view> xpos, Scratch& scratch) {
  const size_t n = words.size();
  scratch.pos.resize(n);
  scratch.clusters.resize(n);
  if (xpos.size() == n) {
    for (size_t i = 0; i < n; ++i) scratch.pos[i] = syntax::hashString(xpos[i]);
  } else {
    scratch.words.assign(words.begin(), words.end());
    tagger.predict(scratch.words, scratch.classes);
    for (size_t i = 0; i < n; ++i)
      scratch.pos[i] = syntax::hashString(tagger.xpos(scratch.classes[i]));
  }
  const syntax::WordClusters& wc = tagger.clusters();
  for (size_t i = 0; i < n; ++i) {
    if (wc.empty()) {
      scratch.clusters[i] = 0;
      continue;
    }
    syntax::normalizeWord(words[i], scratch.norm);
    const uint32_t fine = wc.fine(syntax::hashString(scratch.norm));
    scratch.clusters[i] = fine == 0 ? 0xFFFFu : (fine | (wc.coarse(fine) << 16));
  }
}

void NerModel::tag(std::span<const std::string_view> words, Scratch& scratch,
                   std::span<const std::string_view> xpos, const DocumentContext* doc) const {
  if (document_features_ && doc == nullptr) {
    scratch.own_doc.clear();
    scratch.own_doc.add(words);
    doc = &scratch.own_doc;
  }
  if (!document_features_) doc = nullptr;
  if (tagger_ && !words.empty()) {
    syntaxFeatures(*tagger_, words, xpos, scratch);
    scratch.features.extract(words, gaz_, lex_, scratch.pos, scratch.clusters, doc);
  } else {
    scratch.features.extract(words, gaz_, lex_, {}, {}, doc);
  }
  scratch.scores.resize(static_cast<size_t>(labelCount()));
  if (viterbi_ && bilou_) {
    viterbiDecode(
        scratch.features, internalLabelCount(), [this](uint64_t k) { return find(k); },
        scratch.internal, scratch.viterbi, true);
    scratch.labels.resize(scratch.internal.size());
    for (size_t i = 0; i < scratch.internal.size(); ++i)
      scratch.labels[i] = bilouToBio(scratch.internal[i]);
    return;
  }
  if (viterbi_) {
    viterbiDecode(
        scratch.features, labelCount(), [this](uint64_t k) { return find(k); }, scratch.labels,
        scratch.viterbi);
    return;
  }
  greedyDecode(
      scratch.features, labelCount(), [this](uint64_t k) { return find(k); }, scratch.labels,
      scratch.scores.data());
}

std::vector<std::string> NerModel::tag(const std::vector<std::string>& words) const {
  std::vector<std::string_view> views(words.begin(), words.end());
  Scratch scratch;
  tag(views, scratch);
  std::vector<std::string> out;
  out.reserve(words.size());
  for (uint16_t l : scratch.labels) out.push_back(labelName(l));
  return out;
}

}  // namespace annalist::ner
