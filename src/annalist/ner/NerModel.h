// A trained named-entity model: an averaged-perceptron sequence labeller over BIO tags with
// hashed lexical, shape, affix, context, gazetteer and tag-history features, decoded greedily
// left to right with BIO constraints (I-X only after B-X/I-X).
//
// Models trained with syntax features name a part-of-speech tagger file (annalist's syntax
// tagger, e.g. en_tagger.bin) that is loaded from the model's directory: its predicted PTB
// tags and its distributional word clusters are features.
//
// File format (little-endian, docs/NER.md): magic "ANNALIST", u32 format version, kind string
// "ner-perceptron", [version >= 2: tagger file name, "" = none; u32 decoder, 0 greedy,
// 1 Viterbi], then sections: entity types,
// gazetteer lists, feature keys (u64, sorted),
// a float scale and int16 weights (one row of 1 + 2 * types labels per feature), and an FNV-1a
// checksum of everything before it. Loading is strict: wrong magic, kind or version, truncated
// sections, bad counts, checksum mismatches and trailing bytes are errors that say which.
//
// Thread safety: immutable after load; `tag` may be called concurrently from many threads.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/core/Result.h"
#include "annalist/ner/Features.h"

namespace annalist::syntax {
class Tagger;
}

namespace annalist::ner {

class NerModel {
 public:
  static constexpr uint32_t kFormatVersion = 2;  // reads 1 and 2
  static constexpr std::string_view kKind = "ner-perceptron";

  NerModel() = default;

  // Loads a model file (and the tagger it names, from the same directory); errors name the
  // path and what is wrong.
  static Result<NerModel> load(const std::string& path);
  // Parses model bytes; `origin` names them in errors. A model that names a tagger needs
  // `setTagger` before tagging (else it tags without syntax features, less accurately).
  static Result<NerModel> parse(std::string_view bytes, std::string_view origin);
  // The tagger file the model was trained with ("" = none) and the loaded tagger.
  const std::string& taggerName() const { return tagger_name_; }
  void setTagger(std::string name, std::shared_ptr<const syntax::Tagger> tagger) {
    tagger_name_ = std::move(name);
    tagger_ = std::move(tagger);
  }
  const std::shared_ptr<const syntax::Tagger>& tagger() const { return tagger_; }
  // Decoding: greedy left to right with two previous labels (false), or first-order Viterbi
  // (true). Fixed by training; stored in the file.
  bool viterbi() const { return viterbi_; }
  void setViterbi(bool v) { viterbi_ = v; }
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
    ViterbiBuffers viterbi;
    // syntax features
    std::vector<std::string_view> words;
    std::vector<uint16_t> classes;
    std::vector<uint64_t> pos;
    std::vector<uint32_t> clusters;
    std::string norm;
  };
  // Tags one sentence: `scratch.labels` receives one label index per word. `xpos` (optional,
  // one PTB tag per word, e.g. from the pipeline's syntax stage) saves running the tagger.
  void tag(std::span<const std::string_view> words, Scratch& scratch,
           std::span<const std::string_view> xpos = {}) const;
  // Fills scratch.pos / scratch.clusters for `words` with `tagger` (tags from `xpos` when it
  // has one per word). Used by tag() and by the trainer.
  static void syntaxFeatures(const syntax::Tagger& tagger, std::span<const std::string_view> words,
                             std::span<const std::string_view> xpos, Scratch& scratch);
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
  std::string tagger_name_;
  std::shared_ptr<const syntax::Tagger> tagger_;
  bool viterbi_ = false;
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
