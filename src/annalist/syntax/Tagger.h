// Part-of-speech tagger: one greedy left-to-right averaged-perceptron classifier over joint
// UPOS+XPOS classes (e.g. "VERB VBD"), with a tag dictionary for frequent unambiguous words
// and a FEATS table (the UD morphological features of a word given its class, learned from
// the training data with a per-class default).
//
// Thread safety: a Tagger is immutable after load/train; `predict` is const and thread-safe.
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
#include "annalist/syntax/WordNetLexicon.h"

namespace annalist::syntax {

struct TaggerTrainOptions {
  int epochs = 10;
  uint32_t seed = 1;
  uint32_t dict_min_count = 20;   // tag dictionary: words seen at least this often ...
  double dict_min_ratio = 0.995;  // ... with one class at least this share of the time
  uint32_t amb_min_count = 3;     // ambiguity-class lexicon: words seen at least this often
  // 2 = a second left-to-right pass whose features include the first pass's predicted classes
  // of the word and its right context (trained jointly, online).
  int passes = 1;
  // Independent training runs (shuffle seeds seed, seed + 1, ...) whose averaged weights are
  // averaged into the model (1 = a single run).
  int runs = 1;
  // With passes = 2 and stack_folds = K > 1: the second pass learns from first-pass classes
  // that K one-pass taggers, each trained on the other folds, gave the training sentences
  // (stacking; otherwise it learns from the jointly trained first pass's own guesses).
  int stack_folds = 0;
  // Features of the sentence's capitalisation profile (title case, all lowercase, all caps).
  bool sentence_case = false;
  // The first pass tags right to left (its features see the classes of the next two words);
  // the second pass, left to right, then sees first-pass classes informed by the right context.
  bool right_to_left = false;
};

// Capitalisation prior: for each normalised word (hash), a bucket 1..6 of how often it is
// written with an initial capital when not sentence-initial (from raw text).
using CapsTable = std::unordered_map<uint64_t, uint8_t>;

class Tagger {
 public:
  Tagger() = default;

  // `clusters` (may be empty) become features and part of the model.
  // `caps`, `clusters2` and `lexicon` (a word-form lexicon, see WordNetLexicon.h; may be
  // empty) likewise.
  static Tagger train(const std::vector<AnnotatedSentence>& sentences,
                      const TaggerTrainOptions& options, std::ostream* log,
                      WordClusters clusters = {}, CapsTable caps = {}, WordClusters clusters2 = {},
                      LexiconTable lexicon = {});
  // The capitalisation prior of words seen at least `min_count` times not sentence-initially
  // in `sentences` (words as written).
  static CapsTable capsTable(const std::vector<std::vector<std::string>>& sentences,
                             uint32_t min_count = 3);
  static Result<Tagger> load(const std::string& path);
  static Result<Tagger> fromBytes(std::string_view bytes, const std::string& what);
  std::string toBytes() const;

  // Predicts one class per word (`words` are Token::norm forms of one sentence).
  void predict(const std::vector<std::string_view>& words, std::vector<uint16_t>& classes) const;
  // The same classes, and per word the runner-up class and the score margin by which it lost
  // (in averaged-perceptron units; words of the tag dictionary: the best class again and
  // kSureMargin). The parser's tag-uncertainty features (Parser::kFeaturesAlt) use them.
  void predict(const std::vector<std::string_view>& words, std::vector<uint16_t>& classes,
               std::vector<uint16_t>& runner_up, std::vector<float>& margins) const;
  static constexpr float kSureMargin = 1e30f;

  size_t numClasses() const { return upos_.size(); }
  const std::string& upos(uint16_t c) const { return upos_[c]; }
  const std::string& xpos(uint16_t c) const { return xpos_[c]; }
  // FEATS for `word` tagged with class `c` ("" when none).
  const std::string& feats(uint16_t c, std::string_view word) const;
  const LinearModel& weights() const { return model_; }
  // Drops weights below `min_weight` (see LinearModel::pruned); for training only.
  void prune(double min_weight) {
    model_ = model_.pruned(min_weight);
    if (model2_.numClasses() > 0) model2_ = model2_.pruned(min_weight);
  }
  const WordClusters& clusters() const { return clusters_; }
  const CapsTable& caps() const { return caps_; }
  // A second, independent word clustering (another granularity; may be empty).
  const WordClusters& clusters2() const { return clusters2_; }
  // The word-form lexicon whose masks are features (empty when the model has none).
  const LexiconTable& lexicon() const { return lexicon_; }
  // Ambiguity-class lexicon: hash(normalised word) -> hash of the set of classes it was seen
  // with (words seen at least TaggerTrainOptions::amb_min_count times).
  const std::unordered_map<uint64_t, uint64_t>& ambiguityClasses() const { return amb_; }
  int passes() const { return model2_.numClasses() > 0 ? 2 : 1; }
  // The training options the model records (TaggerTrainOptions::right_to_left, sentence_case).
  bool rightToLeft() const;
  bool sentenceCase() const;

 private:
  void predictImpl(const std::vector<std::string_view>& words, std::vector<uint16_t>& classes,
                   std::vector<uint16_t>* runner_up, std::vector<float>* margins) const;

  std::vector<std::string> upos_, xpos_;  // per class
  LinearModel model_;
  LinearModel model2_;  // second pass (numClasses() == 0 when none)
  CapsTable caps_;
  std::unordered_map<uint64_t, uint16_t> dict_;  // hash(word) -> class
  std::unordered_map<uint64_t, uint64_t> amb_;   // hash(normalised word) -> ambiguity class
  WordClusters clusters_;
  WordClusters clusters2_;
  LexiconTable lexicon_;
  uint32_t extra_ = 0;  // optional feature groups (see Tagger.cpp)
  std::vector<std::string> feats_strings_;
  std::vector<uint32_t> feats_default_;                 // per class, index into feats_strings_
  std::unordered_map<uint64_t, uint32_t> feats_words_;  // hash(class, lower word) -> string
};

}  // namespace annalist::syntax
