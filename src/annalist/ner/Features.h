// Feature extraction and greedy decoding shared by NerModel (inference) and NerTrainer.
// Features are 64-bit hashes of (template id, values); the models map them to weight rows.
// Internal to the ner module. Thread-safe: functions are pure; Gazetteers is immutable once
// built.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace annalist::ner {

// Named word lists (lower-cased, multi-word entries joined by single spaces) used as features.
struct Gazetteers {
  static constexpr size_t kMaxLists = 32;
  static constexpr size_t kMaxWords = 5;
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> entries;  // per list, as written in the model file

  // Rebuilds the hashed lookup sets from `names`/`entries`. Call after filling them.
  void build();
  // Membership of the lower-cased token-hash sequence `h` (one per token) in list `g`.
  bool contains(size_t g, uint64_t phrase_hash) const { return sets_[g].count(phrase_hash) != 0; }
  size_t maxWords() const { return max_words_; }

 private:
  std::vector<std::unordered_set<uint64_t>> sets_;
  size_t max_words_ = 1;
};

// Per-word statistics from a POS-tagged corpus (lower-cased word -> how often it is a proper
// noun, how often it is capitalised away from the sentence start, how frequent it is), packed
// in one byte: bits 0-2 proper-noun ratio bucket (1..6), bits 3-5 capitalisation ratio bucket
// (1..7), bits 6-7 frequency bucket (1..3). 0 = unseen word.
//
// `classes` (optional, model format 3) holds per lower-cased word its distributional word
// cluster and how often it is capitalised away from the sentence start in raw text (both taken
// from the syntax tagger, which computes them from the UD training text and news text):
// bits 0-15 fine cluster + 1, bits 16-23 coarse cluster + 1, bits 24-31 capitalisation bucket
// (1 = under 2 % capitalised ... 6 = 98 % or more; 0 = unknown).
struct Lexicon {
  std::vector<std::pair<uint64_t, uint8_t>> entries;   // sorted by key (as in the model file)
  std::vector<std::pair<uint64_t, uint32_t>> classes;  // sorted by key (as in the model file)
  void build();
  uint8_t get(uint64_t lower_hash) const {
    auto it = map_.find(lower_hash);
    return it == map_.end() ? 0 : it->second;
  }
  bool hasClasses() const { return !classes.empty(); }
  uint32_t wordClass(uint64_t lower_hash) const {
    auto it = class_map_.find(lower_hash);
    return it == class_map_.end() ? 0 : it->second;
  }

 private:
  std::unordered_map<uint64_t, uint8_t> map_;
  std::unordered_map<uint64_t, uint32_t> class_map_;
};

// Hash of a phrase: per-token folded hashes combined in order.
uint64_t phraseHash(std::span<const uint64_t> token_hashes);
// TokenInfo::cap of one word.
uint8_t capitalisation(std::string_view word);
// Folded (lower-cased) hash of one word; the same function Gazetteers::build uses per word.
uint64_t foldedWordHash(std::string_view word);

// Per-document word statistics for the document-level features: per lower-cased word, how
// often the document writes it capitalised away from the sentence start and how often in
// lower case. A name written "Iguazu" at the start of one sentence and in the middle of
// another, or a product name that is also written in lower case, looks different from a word
// seen once. Not thread-safe to build; const use is.
class DocumentContext {
 public:
  void clear() { counts_.clear(); }
  // Adds the words of one sentence of the document.
  void add(std::span<const std::string_view> words);
  // Bit 0: the word is capitalised (not sentence-initially) at another position of the
  // document; bit 1: it is written in lower case at another position. `cap`/`initial`
  // describe the occurrence asked about (excluded from the counts).
  uint8_t flags(uint64_t lower_hash, uint8_t cap, bool initial) const;

 private:
  std::unordered_map<uint64_t, std::pair<uint32_t, uint32_t>> counts_;  // (capitalised, lower)
};

// Per-token values computed once per sentence.
struct TokenInfo {
  uint64_t lower = 0, form = 0, shape = 0;
  uint64_t prefix[3] = {0, 0, 0};
  uint64_t suffix[4] = {0, 0, 0, 0};
  uint8_t cap = 0;    // 0 lower, 1 Capitalised, 2 ALLCAPS, 3 digit, 4 punct/other, 5 mixed
  uint8_t flags = 0;  // bit 0 digit, 1 hyphen, 2 period, 3 apostrophe
  uint8_t length = 0;
  uint8_t nprefix = 0, nsuffix = 0;
  uint64_t gaz = 0;  // 2 bits per gazetteer list: 0 none, 1 begins a match, 2 inside a match
  uint8_t lex = 0;   // Lexicon value (0 = unseen)
  uint64_t after_hyphen = 0;     // folded hash of the part after the last hyphen (0 = none)
  uint8_t after_hyphen_cap = 0;  // 1 when that part starts with an upper-case letter
  uint64_t pos = 0;              // hash of the predicted PTB tag (0 = no syntax information)
  uint32_t cluster = 0;          // distributional word cluster: fine | coarse << 16 (0 = none)
  uint8_t rawcaps = 0;           // Lexicon::wordClass capitalisation bucket (0 = unknown)
  uint8_t doc = 0;               // DocumentContext::flags + 1 (0 = no document features)
};

// A sentence's static (history-independent) features: token i's features are
// feats[offsets[i] .. offsets[i+1]).
struct SentenceFeatures {
  std::vector<TokenInfo> info;
  std::vector<uint64_t> feats;
  std::vector<uint32_t> offsets;
  // `pos` (hashes of predicted PTB tags) and `clusters` (fine | coarse << 16) are either empty
  // (no syntax features) or hold one value per word.
  // `doc` (optional): the document's word statistics, for the document-level features.
  void extract(std::span<const std::string_view> words, const Gazetteers& gaz, const Lexicon& lex,
               std::span<const uint64_t> pos = {}, std::span<const uint32_t> clusters = {},
               const DocumentContext* doc = nullptr);
};

// Number of history-dependent features per token.
inline constexpr int kDynamicFeatures = 5;
// Fills the history-dependent features of token `info` given the previous two labels
// (-1 = sentence start).
void dynamicFeatures(const TokenInfo& info, int prev1, int prev2, uint64_t out[kDynamicFeatures]);

// First-order history features (previous label only), for Viterbi decoding.
inline constexpr int kFirstOrderFeatures = 4;
void firstOrderFeatures(const TokenInfo& info, int prev1, uint64_t out[kFirstOrderFeatures]);

// Label layout: 0 = O, 1 + 2k = B-type k, 2 + 2k = I-type k.
inline bool allowedAfter(int label, int prev) {
  if (label == 0 || (label & 1) == 1) return true;  // O or B-*
  return prev == label || prev == label - 1;        // I-k after B-k or I-k
}

// BILOU label layout (models trained with the BILOU encoding): 0 = O, 1 + 4k + j for type k with
// j = 0 B (begins a multi-token name), 1 I (inside), 2 L (last token), 3 U (single-token name).
inline bool allowedAfterBilou(int label, int prev) {
  const bool open = prev > 0 && ((prev - 1) & 3) <= 1;  // after B-k or I-k: I-k or L-k must follow
  if (!open) return label == 0 || ((label - 1) & 3) == 0 || ((label - 1) & 3) == 3;
  const int j = (label - 1) & 3;
  return label > 0 && (label - 1) / 4 == (prev - 1) / 4 && (j == 1 || j == 2);
}
// Whether a sentence may end with `label` (BILOU: not inside an open name).
inline bool allowedAtEndBilou(int label) {
  return label == 0 || ((label - 1) & 3) >= 2;
}
// BIO label of a BILOU label (B/U -> B, I/L -> I).
inline uint16_t bilouToBio(uint16_t label) {
  if (label == 0) return 0;
  const int k = (label - 1) / 4, j = (label - 1) & 3;
  return static_cast<uint16_t>(1 + 2 * k + (j == 1 || j == 2 ? 1 : 0));
}
// BILOU labels of a BIO label sequence (an I-k that does not continue a k name begins one).
void bioToBilou(std::span<const uint16_t> bio, std::vector<uint16_t>& out);

// Greedy left-to-right decoding. `lookup(key)` returns a pointer to `nlabels` weights or
// nullptr. `scores` must hold `nlabels` floats. Writes one label per token into `out`.
template <class Lookup>
void greedyDecode(const SentenceFeatures& sf, int nlabels, const Lookup& lookup,
                  std::vector<uint16_t>& out, float* scores) {
  const size_t n = sf.info.size();
  out.resize(n);
  int p1 = -1, p2 = -1;
  uint64_t dyn[kDynamicFeatures];
  for (size_t i = 0; i < n; ++i) {
    for (int l = 0; l < nlabels; ++l) scores[l] = 0.0f;
    for (uint32_t k = sf.offsets[i]; k < sf.offsets[i + 1]; ++k) {
      if (const float* w = lookup(sf.feats[k])) {
        for (int l = 0; l < nlabels; ++l) scores[l] += w[l];
      }
    }
    dynamicFeatures(sf.info[i], p1, p2, dyn);
    for (uint64_t f : dyn) {
      if (const float* w = lookup(f)) {
        for (int l = 0; l < nlabels; ++l) scores[l] += w[l];
      }
    }
    int best = 0;
    float best_score = 0;
    bool any = false;
    for (int l = 0; l < nlabels; ++l) {
      if (!allowedAfter(l, p1 < 0 ? 0 : p1)) continue;
      if (!any || scores[l] > best_score) {
        best = l;
        best_score = scores[l];
        any = true;
      }
    }
    out[i] = static_cast<uint16_t>(best);
    p2 = p1;
    p1 = best;
  }
}

// Reusable buffers of viterbiDecode.
struct ViterbiBuffers {
  std::vector<float> delta, stat, dyn;
  std::vector<int16_t> back;
};

// Exact first-order decoding (BIO-constrained Viterbi) with the static features and
// firstOrderFeatures of each (previous label, token). `lookup` as in greedyDecode.
// With `gold` (one label per token) and `cost` > 0, decodes cost-augmented: every label other
// than the gold one scores `cost` more (margin training).
template <class Lookup>
void viterbiDecode(const SentenceFeatures& sf, int nlabels, const Lookup& lookup,
                   std::vector<uint16_t>& out, ViterbiBuffers& b, bool bilou = false,
                   const uint16_t* gold = nullptr, float cost = 0.0f) {
  const size_t n = sf.info.size();
  const auto L = static_cast<size_t>(nlabels);
  out.resize(n);
  if (n == 0) return;
  b.delta.assign(n * L, 0.0f);
  b.back.assign(n * L, -1);
  b.stat.resize(L);
  b.dyn.resize(L);
  constexpr float kNone = -1e30f;
  uint64_t f[kFirstOrderFeatures];
  for (size_t i = 0; i < n; ++i) {
    std::fill(b.stat.begin(), b.stat.end(), 0.0f);
    for (uint32_t k = sf.offsets[i]; k < sf.offsets[i + 1]; ++k) {
      if (const float* w = lookup(sf.feats[k])) {
        for (size_t l = 0; l < L; ++l) b.stat[l] += w[l];
      }
    }
    if (gold != nullptr) {
      for (size_t l = 0; l < L; ++l) {
        if (l != gold[i]) b.stat[l] += cost;
      }
    }
    float* d = &b.delta[i * L];
    int16_t* bk = &b.back[i * L];
    for (size_t l = 0; l < L; ++l) d[l] = kNone;
    const int first = i == 0 ? -1 : 0;
    const int last = i == 0 ? -1 : nlabels - 1;
    for (int p = first; p <= last; ++p) {
      const float base = p < 0 ? 0.0f : b.delta[(i - 1) * L + static_cast<size_t>(p)];
      if (base <= kNone) continue;
      std::fill(b.dyn.begin(), b.dyn.end(), 0.0f);
      firstOrderFeatures(sf.info[i], p, f);
      for (uint64_t k : f) {
        if (const float* w = lookup(k)) {
          for (size_t l = 0; l < L; ++l) b.dyn[l] += w[l];
        }
      }
      for (size_t l = 0; l < L; ++l) {
        if (bilou ? !allowedAfterBilou(static_cast<int>(l), p < 0 ? 0 : p)
                  : !allowedAfter(static_cast<int>(l), p < 0 ? 0 : p)) {
          continue;
        }
        const float v = base + b.stat[l] + b.dyn[l];
        if (v > d[l]) {
          d[l] = v;
          bk[l] = static_cast<int16_t>(p);
        }
      }
    }
  }
  size_t best = 0;
  for (size_t l = 1; l < L; ++l) {
    if (bilou && !allowedAtEndBilou(static_cast<int>(l))) continue;
    if (b.delta[(n - 1) * L + l] > b.delta[(n - 1) * L + best]) best = l;
  }
  for (size_t i = n; i-- > 0;) {
    out[i] = static_cast<uint16_t>(best);
    const int16_t p = b.back[i * L + best];
    if (p >= 0) best = static_cast<size_t>(p);
  }
}

}  // namespace annalist::ner
