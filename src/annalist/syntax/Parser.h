// Transition-based dependency parser: arc-hybrid with the root token at the end of the
// buffer (a single root is enforced), trained with a dynamic oracle and exploration
// (Goldberg & Nivre 2013), scored by an averaged perceptron over Zhang & Nivre (2011)-style
// features (words, XPOS tags, labels, distance, valency, label sets). Greedy decoding.
// Optionally (models trained with a tagger's lexicon) also word-cluster / suffix classes and
// ambiguity classes of the stack and buffer words, features that do not depend on the
// predicted tags and so make the parser more robust to tagging errors.
//
// Decoding is greedy (beam width 1, the default) or a beam search over the same transitions
// (Zhang & Nivre 2011): a model trained with `ParserTrainOptions::beam` > 1 is trained
// globally (structured perceptron, max-violation updates, Huang et al. 2012) and stores its
// beam width, which `parse` uses unless `setBeamWidth` overrides it.
//
// Thread safety: immutable after load/train; `parse` is const and thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annalist/core/Result.h"
#include "annalist/syntax/Corpus.h"
#include "annalist/syntax/LinearModel.h"
#include "annalist/syntax/WordClusters.h"

namespace annalist::syntax {

class Parser;

struct ParserTrainOptions {
  int epochs = 12;
  uint32_t seed = 1;
  double explore = 0.9;  // probability of following the model's own (possibly wrong) move
  int explore_from = 1;  // first epoch (0-based) with exploration
  // > 1: beam search with global training (max-violation updates) at this width, stored in
  // the model as its default decoding width; 1: greedy training with the dynamic oracle.
  int beam = 1;
  // Extra feature templates (Parser::kFeaturesUpos | kFeaturesExtra), stored in the model.
  uint32_t features = 0;
  // With kFeaturesAlt: a word's runner-up tag (with the quarter, half or whole of this its
  // margin falls in) is a feature when the tagger's margin is below this (stored in the
  // model).
  float alt_margin = 80.0f;
  // Called after every epoch but the last with the averaged model so far (experiments).
  std::function<void(int epochs_done, Parser&& model)> on_epoch;
};

class Parser {
 public:
  Parser() = default;

  // Optional feature templates (ParserTrainOptions::features).
  static constexpr uint32_t kFeaturesUpos = 2;   // UPOS of s0, s1, b0, b1, b2 and pairs
  static constexpr uint32_t kFeaturesExtra = 4;  // s1-s0 distance, child words, 3rd order
  // Tag uncertainty: the tagger's runner-up tag of s0, s1, b0, b1 where its margin is small
  // (models with it need the `alt` arguments of `parse`; older binaries reject them).
  static constexpr uint32_t kFeaturesAlt = 8;
  // Attachment: the first left child's word of s0 (the preposition or conjunction of a PP or
  // conjunct) with the candidate heads s1 and b0, and the commas and verbs between s1 and s0
  // and between s0 and b0.
  static constexpr uint32_t kFeaturesAttach = 16;

  // Trains on `sentences` using their upos/xpos columns as the tags (give it predicted tags
  // for a parser robust to tagging errors). `clusters` and `ambiguity` (a tagger's word
  // clusters and ambiguity-class lexicon, see Tagger; may be empty) become features and part
  // of the model.
  static Parser train(const std::vector<AnnotatedSentence>& sentences,
                      const ParserTrainOptions& options, std::ostream* log,
                      WordClusters clusters = {},
                      std::unordered_map<uint64_t, uint64_t> ambiguity = {});
  static Result<Parser> load(const std::string& path);
  static Result<Parser> fromBytes(std::string_view bytes, const std::string& what);
  std::string toBytes() const;

  // Parses one sentence. heads[i] is a sentence-local index or -1 for the root; labels[i]
  // indexes label().
  // `alt` / `alt_margin` (may be null; used by models with kFeaturesAlt): per word the
  // tagger's runner-up class as "UPOS|XPOS" and its margin (see AnnotatedSentence).
  void parse(const std::vector<std::string_view>& words, const std::vector<std::string_view>& upos,
             const std::vector<std::string_view>& xpos, std::vector<int>& heads,
             std::vector<uint16_t>& labels, const std::vector<std::string_view>* alt = nullptr,
             const std::vector<float>* alt_margin = nullptr) const;
  // Whether `parse` uses the tagger's runner-up tags (kFeaturesAlt).
  bool usesAltTags() const { return (fset_ & kFeaturesAlt) != 0; }

  // The beam width `parse` uses (1 = greedy). Models store the width they were trained with.
  int beamWidth() const { return beam_; }
  // REQUIRES: not called while other threads parse with this object.
  void setBeamWidth(int width) { beam_ = width < 1 ? 1 : width; }

  size_t numLabels() const { return labels_.size(); }
  const std::string& label(uint16_t l) const { return labels_[l]; }
  const LinearModel& weights() const { return model_; }
  // Drops weights below `min_weight` (see LinearModel::pruned); for training only.
  void prune(double min_weight) { model_ = model_.pruned(min_weight); }
  // A parser whose weights are the mean of `parsers`' weights (LinearModel::average): an
  // ensemble of parsers trained on other seeds or other (e.g. differently tagged) data, in one
  // greedy model. Parsers with other optional feature templates mix: the mean uses the union
  // of the templates (a parser without a template contributes zero weights to it, so the
  // mean's scores are still the mean of the parsers' scores). Fails unless all have the same
  // labels and beam width, the same alt margin where they use kFeaturesAlt, and no lexicon
  // features. REQUIRES: `parsers` is not empty.
  static Result<Parser> average(const std::vector<Parser>& parsers);

 private:
  std::vector<std::string> labels_;
  uint16_t root_label_ = 0;
  int beam_ = 1;
  uint32_t fset_ = 0;     // kFeaturesUpos | kFeaturesExtra | kFeaturesAlt
  float alt_margin_ = 0;  // kFeaturesAlt: runner-up tags below this margin are features
  LinearModel model_;
  WordClusters clusters_;                       // empty: no class features
  std::unordered_map<uint64_t, uint64_t> amb_;  // empty: no ambiguity-class features
};

}  // namespace annalist::syntax
