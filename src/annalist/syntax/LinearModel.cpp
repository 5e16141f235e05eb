#include "annalist/syntax/LinearModel.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace annalist::syntax {

uint64_t hashString(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return mix64(h);
}

void LinearModel::buildIndex() {
  size_t cap = 16;
  // Load <= 0.25: most lookups are of absent features, and at load 0.5 their longer probe
  // chains cost ~10 % of tag+lemma+parse (for ~50 MB more index memory).
  while (cap < keys_.size() * 4) cap <<= 1;
  Slot empty{};
  empty.fp = 0;
  empty.count = 0;
  empty.begin = 0;
  slots_.assign(cap, empty);
  mask_ = cap - 1;
  for (size_t f = 0; f < keys_.size(); ++f) {
    const uint32_t fp = fingerprint(keys_[f]);
    size_t i = keys_[f] & mask_;
    // A later feature with the same slot chain and fingerprint would be unreachable; keep the
    // first (deterministic; with 32-bit fingerprints this is vanishingly rare).
    bool clash = false;
    while (slots_[i].fp != 0) {
      clash |= slots_[i].fp == fp;
      i = (i + 1) & mask_;
    }
    if (clash) continue;
    Slot& s = slots_[i];
    s.fp = fp;
    s.count = offsets_[f + 1] - offsets_[f];
    if (s.count <= kInline) {
      for (uint32_t j = 0; j < s.count; ++j) s.pairs[j] = pairs_[offsets_[f] + j];
    } else {
      s.begin = offsets_[f];
    }
  }
}

LinearModel LinearModel::pruned(double min_weight) const {
  LinearModel m;
  m.n_classes_ = n_classes_;
  m.scale_ = scale_;
  m.offsets_.push_back(0);
  const double min_q = min_weight / std::max(static_cast<double>(scale_), 1e-30);
  for (size_t f = 0; f < keys_.size(); ++f) {
    const size_t before = m.pairs_.size();
    for (uint32_t i = offsets_[f]; i < offsets_[f + 1]; ++i) {
      if (std::abs(static_cast<double>(pairs_[i].w)) >= min_q) m.pairs_.push_back(pairs_[i]);
    }
    if (m.pairs_.size() == before) continue;
    m.keys_.push_back(keys_[f]);
    m.offsets_.push_back(static_cast<uint32_t>(m.pairs_.size()));
  }
  m.buildIndex();
  return m;
}

LinearModel LinearModel::average(const std::vector<LinearModel>& models) {
  // (key, class, weight) of every model, sorted by key and class: equal entries are adjacent.
  struct Entry {
    uint64_t key;
    uint16_t cls;
    double w;
  };
  std::vector<Entry> all;
  for (const LinearModel& m : models) {
    for (size_t f = 0; f < m.keys_.size(); ++f) {
      for (uint32_t i = m.offsets_[f]; i < m.offsets_[f + 1]; ++i) {
        all.push_back({m.keys_[f], m.pairs_[i].cls,
                       static_cast<double>(m.pairs_[i].w) * static_cast<double>(m.scale_)});
      }
    }
  }
  std::sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) {
    return a.key != b.key ? a.key < b.key : a.cls < b.cls;
  });
  std::vector<Entry> merged;
  for (const Entry& e : all) {
    if (!merged.empty() && merged.back().key == e.key && merged.back().cls == e.cls) {
      merged.back().w += e.w;
    } else {
      merged.push_back(e);
    }
  }
  const double n = static_cast<double>(std::max<size_t>(models.size(), 1));
  double max_abs = 0;
  for (Entry& e : merged) {
    e.w /= n;
    max_abs = std::max(max_abs, std::abs(e.w));
  }
  LinearModel m;
  m.n_classes_ = models.empty() ? 0 : models.front().n_classes_;
  const double scale = max_abs > 0 ? max_abs / 32767.0 : 1.0;
  m.scale_ = static_cast<float>(scale);
  m.offsets_.push_back(0);
  for (const Entry& e : merged) {
    const long q = std::lround(e.w / scale);
    if (q == 0) continue;
    if (m.keys_.empty() || m.keys_.back() != e.key) {
      if (!m.keys_.empty()) m.offsets_.push_back(static_cast<uint32_t>(m.pairs_.size()));
      m.keys_.push_back(e.key);
    }
    m.pairs_.push_back({e.cls, static_cast<int16_t>(q)});
  }
  if (!m.keys_.empty()) m.offsets_.push_back(static_cast<uint32_t>(m.pairs_.size()));
  m.buildIndex();
  return m;
}

void LinearModel::serialize(ByteWriter& w) const {
  w.u32(n_classes_);
  w.f32(scale_);
  w.vec(keys_);
  w.vec(offsets_);
  w.vec(pairs_);
}

Result<LinearModel> LinearModel::deserialize(ByteReader& r) {
  LinearModel m;
  if (!r.u32(m.n_classes_) || !r.f32(m.scale_) || !r.vec(m.keys_) || !r.vec(m.offsets_) ||
      !r.vec(m.pairs_)) {
    return Error::corrupt(r.error());
  }
  if (m.offsets_.size() != m.keys_.size() + 1 || m.offsets_.front() != 0 ||
      m.offsets_.back() != m.pairs_.size()) {
    return Error::corrupt("linear model: feature offsets do not match the weight array");
  }
  for (size_t f = 0; f < m.keys_.size(); ++f) {
    if (m.offsets_[f] >= m.offsets_[f + 1]) {
      return Error::corrupt(fmt::format("linear model: feature {} has no weights", f));
    }
  }
  for (const Pair& p : m.pairs_) {
    if (p.cls >= m.n_classes_) {
      return Error::corrupt(
          fmt::format("linear model: class {} out of range ({} classes)", p.cls, m.n_classes_));
    }
  }
  m.buildIndex();
  return m;
}

void PerceptronTrainer::score(const uint64_t* keys, size_t n, float* scores) const {
  for (size_t i = 0; i < n; ++i) {
    const std::vector<Entry>* row = findRow(keys[i]);
    if (row == nullptr) continue;
    for (const Entry& e : *row) scores[e.cls] += e.w;
  }
}

std::vector<PerceptronTrainer::Entry>& PerceptronTrainer::rowFor(uint64_t key) {
  size_t i = key & mask_;
  while (slot_row_[i] != 0) {
    if (slot_key_[i] == key) return rows_[slot_row_[i] - 1];
    i = (i + 1) & mask_;
  }
  if ((rows_.size() + 1) * 2 > slot_key_.size()) {
    // Grow and rehash, then insert.
    const size_t cap = slot_key_.size() * 2;
    slot_key_.assign(cap, 0);
    slot_row_.assign(cap, 0);
    mask_ = cap - 1;
    for (size_t r = 0; r < row_key_.size(); ++r) {
      size_t j = row_key_[r] & mask_;
      while (slot_row_[j] != 0) j = (j + 1) & mask_;
      slot_key_[j] = row_key_[r];
      slot_row_[j] = static_cast<uint32_t>(r + 1);
    }
    i = key & mask_;
    while (slot_row_[i] != 0) i = (i + 1) & mask_;
  }
  slot_key_[i] = key;
  rows_.emplace_back();
  row_key_.push_back(key);
  slot_row_[i] = static_cast<uint32_t>(rows_.size());
  return rows_.back();
}

void PerceptronTrainer::add(uint64_t key, uint32_t cls, float delta) {
  std::vector<Entry>& row = rowFor(key);
  for (Entry& e : row) {
    if (e.cls == cls) {
      e.total += static_cast<double>(now_ - e.ts) * e.w;
      e.ts = now_;
      e.w += delta;
      return;
    }
  }
  row.push_back(Entry{cls, now_, delta, 0.0});
}

void PerceptronTrainer::update(const uint64_t* keys, size_t n, uint32_t truth, uint32_t guess) {
  if (truth == guess) return;
  for (size_t i = 0; i < n; ++i) {
    add(keys[i], truth, 1.0f);
    add(keys[i], guess, -1.0f);
  }
}

LinearModel PerceptronTrainer::finish() const {
  LinearModel m;
  m.n_classes_ = n_classes_;
  const double now = std::max<uint32_t>(now_, 1);
  // Averaged weights; collect in key order for a deterministic file.
  std::vector<std::pair<uint64_t, uint32_t>> keys;
  keys.reserve(rows_.size());
  for (size_t r = 0; r < rows_.size(); ++r) keys.push_back({row_key_[r], static_cast<uint32_t>(r)});
  std::sort(keys.begin(), keys.end());
  double max_abs = 0;
  for (const auto& row : rows_) {
    for (const Entry& e : row) {
      const double avg = (e.total + (now - e.ts) * e.w) / now;
      max_abs = std::max(max_abs, std::abs(avg));
    }
  }
  const double scale = max_abs > 0 ? max_abs / 32767.0 : 1.0;
  m.scale_ = static_cast<float>(scale);
  m.offsets_.push_back(0);
  std::vector<LinearModel::Pair> row_pairs;
  for (const auto& [k, r] : keys) {
    row_pairs.clear();
    for (const Entry& e : rows_[r]) {
      const double avg = (e.total + (now - e.ts) * e.w) / now;
      const long q = std::lround(avg / scale);
      if (q == 0) continue;
      row_pairs.push_back({static_cast<uint16_t>(e.cls), static_cast<int16_t>(q)});
    }
    if (row_pairs.empty()) continue;
    std::sort(row_pairs.begin(), row_pairs.end(),
              [](const auto& a, const auto& b) { return a.cls < b.cls; });
    m.keys_.push_back(k);
    m.pairs_.insert(m.pairs_.end(), row_pairs.begin(), row_pairs.end());
    m.offsets_.push_back(static_cast<uint32_t>(m.pairs_.size()));
  }
  m.buildIndex();
  return m;
}

}  // namespace annalist::syntax
