// Trains a NerModel (averaged perceptron, greedy decoding with predicted tag history) from
// IOB2-tagged sentences. Deterministic: the same data, gazetteers and options give a
// byte-identical model (sentence order is shuffled with a seeded std::mt19937_64 and a
// hand-written Fisher-Yates shuffle).
// Not thread-safe; use one trainer per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "annalist/core/Result.h"
#include "annalist/ner/NerModel.h"
#include "annalist/ner/TaggedSentence.h"

namespace annalist::ner {

struct NerTrainOptions {
  int epochs = 10;
  uint64_t seed = 1;
  std::vector<std::string> types = {"PER", "ORG", "LOC"};  // other tag types become O
  // Features whose largest averaged weight magnitude is below this are dropped from the model.
  float min_weight = 0.0f;
  // Optional part-of-speech tagger (its tags and word clusters become features); the model
  // records `tagger_name` and loads that file from its own directory.
  std::shared_ptr<const syntax::Tagger> tagger;
  std::string tagger_name;
  // Structured perceptron with first-order Viterbi decoding instead of greedy decoding.
  bool viterbi = false;
  // BILOU label encoding (Viterbi only): single-token and last-token labels of their own.
  bool bilou = false;
  // Document-level features (DocumentContext over the sentences sharing a doc_id; a sentence id
  // seen twice in a document, e.g. a repeated or hyphen-merged copy, counts once).
  bool document_features = false;
  // Independent training runs (seeds seed, seed+1, ...) whose averaged weights are averaged
  // into the model: a cheap ensemble that lowers the variance due to the sentence order.
  int runs = 1;
  // Cost-augmented training decoding (Viterbi only): every wrong label of a token scores this
  // much more while training, so updates also happen until the gold sequence wins by a margin.
  float margin = 0.0f;
};

struct EpochStats {
  int epoch = 0;
  double train_token_accuracy = 0;  // of the greedy predictions made while training
  double dev_f1 = -1;               // entity F1 on the dev set (-1 without one)
  size_t features = 0;
};

// Reads gazetteer lists from `dir`: every `*.txt` file (sorted by name) is one list named after
// the file stem; one entry per line, `#` comments and blank lines ignored.
Result<Gazetteers> loadGazetteers(const std::string& dir);

// Accumulates word statistics from CoNLL-U text with gold UPOS (e.g. UD English EWT train)
// for the word lexicon feature. Errors name the line.
class LexiconBuilder {
 public:
  Status addConllu(std::string_view content, std::string_view origin);
  Lexicon build() const;
  size_t words() const { return counts_.size(); }

 private:
  struct Counts {
    uint32_t n = 0, propn = 0, noninitial = 0, cap_noninitial = 0;
  };
  std::unordered_map<uint64_t, Counts> counts_;
};

// Word-class table (Lexicon::classes): for every word of `raw_sentences` and `vocabulary`, the
// syntax tagger's distributional word cluster (fine and coarse; when `tagger` is given) and
// how often the word is capitalised away from the sentence start in `raw_sentences` (words
// seen there at least `min_count` times so). Words with neither are left out. Deterministic.
std::vector<std::pair<uint64_t, uint32_t>> wordClassTable(
    const syntax::Tagger* tagger, std::vector<std::string> vocabulary,
    const std::vector<std::vector<std::string>>& raw_sentences, uint32_t min_count = 3);

// Trains on `train`; when `dev` is non-empty reports its entity F1 after each epoch through
// `progress`. Errors when there are no sentences or no entity types.
Result<NerModel> trainNer(const std::vector<TaggedSentence>& train,
                          const std::vector<TaggedSentence>& dev, Gazetteers gazetteers,
                          Lexicon lexicon, const NerTrainOptions& options,
                          const std::function<void(const EpochStats&)>& progress = {});

// A model whose weights are the mean of the weights of `models` (a feature missing from a
// model counts as 0 there): for linear models, the same scores as averaging their scores, so
// one decoding pass gives the ensemble's decisions. The models must agree on everything but
// the weights (types, encoding, decoder, document features, tagger, lexicon) and have the same
// gazetteer lists, except that one may have more lists after the others' (e.g. world_cities):
// the average then has the longest set of lists. Errors say what differs. Deterministic.
Result<NerModel> averageModels(const std::vector<NerModel>& models);

}  // namespace annalist::ner
