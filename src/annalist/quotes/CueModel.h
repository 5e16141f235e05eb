// A learned scorer for cue candidates the quote finder's rules leave alone (issue 6).
//
// The quote finder's last pass (`QuoteFinder`, "learned cues") proposes one candidate
// attribution per unclaimed verb with a subject and a complement ("Sanders laid out a reform
// agenda", "they sparred over military spending") and per noun with a prepositional or `that`
// complement ("questions about the deal", "Clinton's plans to rally ..."). Each candidate is a
// bag of string features (cue lemma, its dependency relation, the subject's kind, the
// complement's kind, conjunctions of these, the content's length); this model is a logistic
// regression over them, and the finder keeps a candidate whose probability reaches the
// model's threshold.
//
// Training (`annalist train quotes DIR`): candidates from PolNeAR articles, labelled positive
// when their content matches (≥ 50% overlap of both, as in `eval quotes`) a gold attribution
// that the rule-based predictions of the same article do not match; averaged stochastic
// gradient descent, deterministic for a given seed.
//
// File format (text, UTF-8): a header line `annalist-quote-cues 1`, a line
// `threshold <probability> <drop probability>`, then one `<weight>\t<feature>` line per
// feature, and optionally `C\t<key>\t<classes>` lines: word classes from WordNet 3.0 stored
// with the model ("v:<verb lemma>" -> the lexicographer files of its first senses, e.g.
// "32,31" for verb.communication, verb.cognition; "n:<noun lemma>" for person and group
// nouns), so WordNet is needed only for training (`annalist train quotes --wordnet DIR`).
// Thread safety: immutable after loading; `score` is safe to call concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "annalist/core/Result.h"

namespace annalist::quotes {

struct CueExample {
  std::vector<std::string> features;
  bool positive = false;
};

struct CueTrainOptions {
  int epochs = 6;
  double learning_rate = 0.05;
  double l2 = 1e-5;
  size_t min_count = 2;      // features seen in fewer training examples are dropped
  double min_weight = 0.03;  // smaller (averaged) weights are left out of the model
  double threshold = 0.35;   // stored in the model: the finder keeps candidates scoring ≥ this
  double drop = 0.2;         // stored: rule-based quotes scoring below this are dropped
  uint32_t seed = 1;
};

class CueModel {
 public:
  CueModel() = default;
  static Result<CueModel> fromFile(const std::string& path);
  static Result<CueModel> parse(const std::string& text);
  static CueModel train(const std::vector<CueExample>& examples, const CueTrainOptions& options);
  // Reads WordNet's index.verb/data.verb and index.noun/data.noun from `dir` into class
  // lines (see the file format above).
  static Result<std::unordered_map<std::string, std::string>> readWordNetClasses(
      const std::string& dir);

  // The probability that the candidate with these features is an attribution PolNeAR marks.
  double score(const std::vector<std::string>& features) const;
  double threshold() const { return threshold_; }
  void setThreshold(double t) { threshold_ = t; }
  // Rule-based quotes scoring below this are dropped (the filter's "R:" features).
  double dropThreshold() const { return drop_threshold_; }
  size_t size() const { return weights_.size(); }
  // The WordNet classes of `key` ("v:say", "n:senator"), or null when unknown.
  const std::string* wordClass(const std::string& key) const {
    auto it = classes_.find(key);
    return it == classes_.end() ? nullptr : &it->second;
  }
  void setClasses(std::unordered_map<std::string, std::string> classes) {
    classes_ = std::move(classes);
  }
  const std::unordered_map<std::string, std::string>& classes() const { return classes_; }
  // The file contents (features sorted, so the output is deterministic).
  std::string serialize() const;
  Status save(const std::string& path) const;

 private:
  std::unordered_map<std::string, double> weights_;
  std::unordered_map<std::string, std::string> classes_;
  double threshold_ = 0.5;
  double drop_threshold_ = 0.0;
};

}  // namespace annalist::quotes
