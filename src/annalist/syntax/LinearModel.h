// Sparse linear multi-class models over hashed features: the averaged-perceptron trainer and
// the compact, quantised model used at inference time.
//
// Features are 64-bit hashes (template id combined with atom hashes, see `feat()`); a feature
// maps to a short list of (class, weight) pairs. The trained model keeps only features with a
// non-zero averaged weight, quantised to int16 with one scale per model, in an open-addressing
// table whose entries point into one contiguous array of pairs.
//
// Thread safety: LinearModel is immutable after construction and safe to share; the trainer
// is single-threaded.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annalist/core/Result.h"
#include "annalist/syntax/HugePageAllocator.h"
#include "annalist/syntax/ModelIO.h"

namespace annalist::syntax {

inline uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}
inline uint64_t combine(uint64_t a, uint64_t b) {
  return mix64(a * 0x9E3779B97F4A7C15ULL + b + 0x632BE59BD9B4E019ULL);
}
// Hash of a byte string (FNV-1a, then mixed).
uint64_t hashString(std::string_view s);

// Feature keys from a template id and one to four atoms.
inline uint64_t feat(uint64_t t, uint64_t a) {
  return combine(t + 1, a);
}
inline uint64_t feat(uint64_t t, uint64_t a, uint64_t b) {
  return combine(combine(t + 1, a), b);
}
inline uint64_t feat(uint64_t t, uint64_t a, uint64_t b, uint64_t c) {
  return combine(combine(combine(t + 1, a), b), c);
}
inline uint64_t feat(uint64_t t, uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
  return combine(combine(combine(combine(t + 1, a), b), c), d);
}

class LinearModel {
 public:
  struct Pair {
    uint16_t cls;
    int16_t w;
  };

  LinearModel() = default;
  uint32_t numClasses() const { return n_classes_; }
  size_t numFeatures() const { return keys_.size(); }
  size_t numWeights() const { return pairs_.size(); }

  // Adds the weights of every feature in `keys` to `scores` (numClasses() floats; unscaled).
  // REQUIRES: n <= kMaxBatch. Prefetches every slot first, then every out-of-line weight run,
  // so the cache misses of one call overlap instead of queueing; features with at most
  // kInline weights are resolved from the slot alone.
  static constexpr size_t kMaxBatch = 128;
  void addScores(const uint64_t* keys, size_t n, float* scores) const {
    if (slots_.empty()) return;
    for (size_t i = 0; i < n; ++i) __builtin_prefetch(&slots_[keys[i] & mask_]);
    uint32_t begin[kMaxBatch], end[kMaxBatch];
    size_t found = 0;
    for (size_t i = 0; i < n; ++i) {
      const Slot* s = find(keys[i]);
      if (s == nullptr) continue;
      if (s->count <= kInline) {
        for (uint32_t j = 0; j < s->count; ++j) {
          scores[s->pairs[j].cls] += static_cast<float>(s->pairs[j].w);
        }
        continue;
      }
      __builtin_prefetch(pairs_.data() + s->begin);
      begin[found] = s->begin;
      end[found] = s->begin + s->count;
      ++found;
    }
    for (size_t j = 0; j < found; ++j) {
      const Pair* p = pairs_.data() + begin[j];
      const Pair* e = pairs_.data() + end[j];
      for (; p != e; ++p) scores[p->cls] += static_cast<float>(p->w);
    }
  }

  // A copy without the weights whose magnitude is below `min_weight` (in averaged-perceptron
  // units) and without features left with no weight.
  LinearModel pruned(double min_weight) const;
  // The mean of several models over the same classes (weights dequantised, averaged, with a
  // feature absent from a model counting as zero there, and quantised again). REQUIRES: every
  // model has the same numClasses(); `models` is not empty.
  static LinearModel average(const std::vector<LinearModel>& models);
  // Magnitude of one quantisation step.
  double scale() const { return scale_; }

  void serialize(ByteWriter& w) const;
  static Result<LinearModel> deserialize(ByteReader& r);

 private:
  friend class PerceptronTrainer;
  // 16-byte index slot: a 32-bit fingerprint of the key's high bits (0 = empty; the low bits
  // choose the slot), the number of weights, and either the weights themselves (count <=
  // kInline) or where they start in pairs_.
  static constexpr uint32_t kInline = 2;
  struct Slot {
    uint32_t fp;
    uint32_t count;
    union {
      Pair pairs[kInline];  // count <= kInline
      uint32_t begin;       // count > kInline: the weights are pairs_[begin, begin + count)
    };
  };
  static_assert(sizeof(Slot) == 16);
  static uint32_t fingerprint(uint64_t key) { return static_cast<uint32_t>(key >> 32) | 1u; }
  const Slot* find(uint64_t key) const {
    const uint32_t fp = fingerprint(key);
    size_t i = key & mask_;
    while (true) {
      const Slot& s = slots_[i];
      if (s.fp == fp) return &s;
      if (s.fp == 0) return nullptr;
      i = (i + 1) & mask_;
    }
  }
  void buildIndex();

  uint32_t n_classes_ = 0;
  float scale_ = 1.0f;
  std::vector<uint64_t> keys_;     // one per feature
  std::vector<uint32_t> offsets_;  // keys_.size() + 1 offsets into pairs_
  // The two tables every lookup touches live in huge pages where the system allows it.
  std::vector<Pair, HugePageAllocator<Pair>> pairs_;
  std::vector<Slot, HugePageAllocator<Slot>> slots_;  // open addressing, load <= 0.25
  size_t mask_ = 0;
};

// Averaged perceptron with lazily updated averages (Collins 2002; Honnibal's trick).
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(uint32_t n_classes) : n_classes_(n_classes) {}
  uint32_t numClasses() const { return n_classes_; }
  // Current (non-averaged) scores.
  void score(const uint64_t* keys, size_t n, float* scores) const;
  // Call once per training example, before or after `update`.
  void tick() { ++now_; }
  // Rewards `truth` and penalises `guess` on every feature in `keys` (no-op when equal).
  void update(const uint64_t* keys, size_t n, uint32_t truth, uint32_t guess);
  // Adds `delta` to the weight of `cls` on every feature in `keys` (global training).
  void add(const uint64_t* keys, size_t n, uint32_t cls, float delta) {
    for (size_t i = 0; i < n; ++i) add(keys[i], cls, delta);
  }
  // The averaged, pruned, quantised model.
  LinearModel finish() const;

 private:
  struct Entry {
    uint32_t cls;
    uint32_t ts;
    float w;
    double total;
  };
  void add(uint64_t key, uint32_t cls, float delta);
  // Row of `key`, or nullptr.
  const std::vector<Entry>* findRow(uint64_t key) const {
    size_t i = key & mask_;
    while (true) {
      const uint32_t r = slot_row_[i];
      if (r == 0) return nullptr;
      if (slot_key_[i] == key) return &rows_[r - 1];
      i = (i + 1) & mask_;
    }
  }
  std::vector<Entry>& rowFor(uint64_t key);

  uint32_t n_classes_;
  uint32_t now_ = 0;
  // Open addressing: slot_row_ holds row index + 1 (0 = empty).
  std::vector<uint64_t> slot_key_ = std::vector<uint64_t>(1024, 0);
  std::vector<uint32_t> slot_row_ = std::vector<uint32_t>(1024, 0);
  size_t mask_ = 1023;
  std::vector<uint64_t> row_key_;
  std::vector<std::vector<Entry>> rows_;
};

}  // namespace annalist::syntax
