// A trained named-entity model: an averaged-perceptron sequence labeller over BIO tags with
// hashed lexical, shape, affix, context, gazetteer and tag-history features, decoded greedily
// left to right or by first-order Viterbi with BIO (or BILOU) constraints (I-X only after
// B-X/I-X).
//
// Models trained with syntax features name a part-of-speech tagger file (annalist's syntax
// tagger, e.g. en_tagger.bin) that is loaded from the model's directory: its predicted PTB
// tags and its distributional word clusters are features.
//
// File format (little-endian, docs/NER.md): magic "ANNALIST", u32 format version, kind string
// "ner-perceptron", [version >= 2: tagger file name, "" = none; u32 decoder, 0 greedy,
// 1 Viterbi], [version >= 3: u32 label encoding, 0 BIO, 1 BILOU; u32 document features, 0/1],
// then sections: entity types, gazetteer lists, word lexicon, [version >= 3: word-class table],
// feature keys (u64, sorted),
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
  static constexpr uint32_t kFormatVersion = 3;  // reads 1 to 3
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
  // Label encoding of the weights: BIO (false) or BILOU (true; Viterbi only). tag() always
  // returns BIO labels. Fixed by training (fromParts); stored in the file (format 3).
  bool bilou() const { return bilou_; }
  // Whether the model has document-level features (DocumentContext): callers then build the
  // document's context and pass it to tag(). Fixed by training; stored in the file (format 3).
  bool documentFeatures() const { return document_features_; }
  void setDocumentFeatures(bool v) { document_features_ = v; }
  // The file bytes of this model.
  std::string serialize() const;
  Status save(const std::string& path) const;

  const std::vector<std::string>& types() const { return types_; }
  // BIO labels (what tag() returns): 1 + 2 * types.
  int labelCount() const { return static_cast<int>(1 + 2 * types_.size()); }
  // Labels of the weight rows: labelCount(), or 1 + 4 * types with BILOU.
  int internalLabelCount() const { return static_cast<int>(1 + (bilou_ ? 4 : 2) * types_.size()); }
  // "O", "B-PER", "I-PER", ...
  std::string labelName(int label) const;
  size_t featureCount() const { return keys_.size(); }
  // Feature keys (sorted) and their dequantised weights (featureCount() rows of
  // internalLabelCount() labels).
  const std::vector<uint64_t>& featureKeys() const { return keys_; }
  const std::vector<float>& featureWeights() const { return weights_; }
  const Gazetteers& gazetteers() const { return gaz_; }
  const Lexicon& lexicon() const { return lex_; }

  // Reusable per-thread buffers, so tagging allocates nothing in the steady state.
  struct Scratch {
    SentenceFeatures features;
    std::vector<float> scores;
    std::vector<uint16_t> labels;
    ViterbiBuffers viterbi;
    std::vector<uint16_t> internal;  // BILOU labels before conversion
    DocumentContext own_doc;         // the sentence as its own document
    // syntax features
    std::vector<std::string_view> words;
    std::vector<uint16_t> classes;
    std::vector<uint64_t> pos;
    std::vector<uint32_t> clusters;
    std::string norm;
  };
  // Tags one sentence: `scratch.labels` receives one label index per word. `xpos` (optional,
  // one PTB tag per word, e.g. from the pipeline's syntax stage) saves running the tagger.
  // `doc` (optional): the document's context (DocumentContext::add of all its sentences), used
  // when the model has document features; without it the sentence is its own document.
  void tag(std::span<const std::string_view> words, Scratch& scratch,
           std::span<const std::string_view> xpos = {}, const DocumentContext* doc = nullptr) const;
  // Fills scratch.pos / scratch.clusters for `words` with `tagger` (tags from `xpos` when it
  // has one per word). Used by tag() and by the trainer.
  static void syntaxFeatures(const syntax::Tagger& tagger, std::span<const std::string_view> words,
                             std::span<const std::string_view> xpos, Scratch& scratch);
  // Convenience: tag names per word.
  std::vector<std::string> tag(const std::vector<std::string>& words) const;

  // Builds a model from trained parts (used by NerTrainer). `weights` has
  // keys.size() * internalLabelCount() entries, row-major per feature.
  static NerModel fromParts(std::vector<std::string> types, Gazetteers gaz, Lexicon lex,
                            std::vector<uint64_t> keys, const std::vector<float>& weights,
                            bool bilou = false);

 private:
  void buildIndex();
  const float* find(uint64_t key) const {
    size_t slot = key & mask_;
    while (true) {
      const uint64_t k = slots_[slot];
      if (k == key) return &weights_[static_cast<size_t>(slot_index_[slot]) * row_];
      if (k == 0) return nullptr;
      slot = (slot + 1) & mask_;
    }
  }

  std::vector<std::string> types_;
  std::string tagger_name_;
  std::shared_ptr<const syntax::Tagger> tagger_;
  bool viterbi_ = false;
  bool bilou_ = false;
  bool document_features_ = false;
  size_t row_ = 0;  // internalLabelCount()
  Gazetteers gaz_;
  Lexicon lex_;
  std::vector<uint64_t> keys_;     // sorted, unique, non-zero
  std::vector<int16_t> qweights_;  // quantised weights as stored
  float scale_ = 1.0f;             // weight = qweight * scale
  std::vector<float> weights_;     // dequantised, keys_.size() * internalLabelCount()
  std::vector<uint64_t> slots_;    // open addressing table over keys_
  std::vector<uint32_t> slot_index_;
  size_t mask_ = 0;
};

}  // namespace annalist::ner
