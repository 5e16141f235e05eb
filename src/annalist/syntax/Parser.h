// Transition-based dependency parser: arc-hybrid with the root token at the end of the
// buffer (a single root is enforced), trained with a dynamic oracle and exploration
// (Goldberg & Nivre 2013), scored by an averaged perceptron over Zhang & Nivre (2011)-style
// features (words, XPOS tags, labels, distance, valency, label sets). Greedy decoding.
// Optionally (models trained with a tagger's lexicon) also word-cluster / suffix classes and
// ambiguity classes of the stack and buffer words, features that do not depend on the
// predicted tags and so make the parser more robust to tagging errors.
//
// Thread safety: immutable after load/train; `parse` is const and thread-safe.
#pragma once

#include <cstdint>
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

struct ParserTrainOptions {
  int epochs = 12;
  uint32_t seed = 1;
  double explore = 0.9;  // probability of following the model's own (possibly wrong) move
  int explore_from = 1;  // first epoch (0-based) with exploration
};

class Parser {
 public:
  Parser() = default;

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
  void parse(const std::vector<std::string_view>& words, const std::vector<std::string_view>& upos,
             const std::vector<std::string_view>& xpos, std::vector<int>& heads,
             std::vector<uint16_t>& labels) const;

  size_t numLabels() const { return labels_.size(); }
  const std::string& label(uint16_t l) const { return labels_[l]; }
  const LinearModel& weights() const { return model_; }
  // Drops weights below `min_weight` (see LinearModel::pruned); for training only.
  void prune(double min_weight) { model_ = model_.pruned(min_weight); }

 private:
  std::vector<std::string> labels_;
  uint16_t root_label_ = 0;
  LinearModel model_;
  WordClusters clusters_;                       // empty: no class features
  std::unordered_map<uint64_t, uint64_t> amb_;  // empty: no ambiguity-class features
};

}  // namespace annalist::syntax
