// A trained named-entity model: an averaged-perceptron sequence labeller over BIO tags with
// hashed lexical, shape, affix, context, gazetteer and tag-history features, decoded greedily
// left to right with BIO constraints (I-X only after B-X/I-X).
//
// File format (little-endian, docs/NER.md): magic "ANNALIST", u32 format version, kind string
// "ner-perceptron", then sections: entity types, gazetteer lists, feature keys (u64, sorted),
// a float scale and int16 weights (one row of 1 + 2 * types labels per feature), and an FNV-1a
// checksum of everything before it. Loading is strict: wrong magic, kind or version, truncated
// sections, bad counts, checksum mismatches and trailing bytes are errors that say which.
//
// Thread safety: immutable after load; `tag` may be called concurrently from many threads.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/core/Result.h"
#include "annalist/ner/Features.h"

namespace annalist::ner {

class NerModel {
 public:
  static constexpr uint32_t kFormatVersion = 1;
  static constexpr std::string_view kKind = "ner-perceptron";

  NerModel() = default;

  // Loads a model file; errors name the path and what is wrong.
  static Result<NerModel> load(const std::string& path);
  // Parses model bytes; `origin` names them in errors.
  static Result<NerModel> parse(std::string_view bytes, std::string_view origin);
  // The file bytes of this model.
  std::string serialize() const;
  Status save(const std::string& path) const;

  const std::vector<std::string>& types() const { return types_; }
  int labelCount() const { return static_cast<int>(1 + 2 * types_.size()); }
  // "O", "B-PER", "I-PER", ...
  std::string labelName(int label) const;
  size_t featureCount() const { return keys_.size(); }
  const Gazetteers& gazetteers() const { return gaz_; }
  const Lexicon& lexicon() const { return lex_; }

  // Reusable per-thread buffers, so tagging allocates nothing in the steady state.
  struct Scratch {
    SentenceFeatures features;
    std::vector<float> scores;
    std::vector<uint16_t> labels;
  };
  // Tags one sentence: `scratch.labels` receives one label index per word.
  void tag(std::span<const std::string_view> words, Scratch& scratch) const;
  // Convenience: tag names per word.
  std::vector<std::string> tag(const std::vector<std::string>& words) const;

  // Builds a model from trained parts (used by NerTrainer). `weights` has
  // keys.size() * labelCount() entries, row-major per feature.
  static NerModel fromParts(std::vector<std::string> types, Gazetteers gaz, Lexicon lex,
                            std::vector<uint64_t> keys, const std::vector<float>& weights);

 private:
  void buildIndex();
  const float* find(uint64_t key) const {
    size_t slot = key & mask_;
    while (true) {
      const uint64_t k = slots_[slot];
      if (k == key) return &weights_[static_cast<size_t>(slot_index_[slot]) * labelCount()];
      if (k == 0) return nullptr;
      slot = (slot + 1) & mask_;
    }
  }

  std::vector<std::string> types_;
  Gazetteers gaz_;
  Lexicon lex_;
  std::vector<uint64_t> keys_;     // sorted, unique, non-zero
  std::vector<int16_t> qweights_;  // quantised weights as stored
  float scale_ = 1.0f;             // weight = qweight * scale
  std::vector<float> weights_;     // dequantised, keys_.size() * labelCount()
  std::vector<uint64_t> slots_;    // open addressing table over keys_
  std::vector<uint32_t> slot_index_;
  size_t mask_ = 0;
};

}  // namespace annalist::ner
