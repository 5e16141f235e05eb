// Lemmatizer: suffix-rule classification learned from the UD lemma column (UDPipe-style edit
// rules: optionally lowercase, strip k bytes, append a string), chosen by the longest known
// word suffix for the word's XPOS, plus an exceptions table of (word, XPOS) pairs the rules
// get wrong in the training data (went -> go, mice -> mouse).
//
// Thread safety: immutable after load/train; `lemma` is const and thread-safe.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "annalist/core/Result.h"
#include "annalist/syntax/Corpus.h"

namespace annalist::syntax {

struct LemmatizerTrainOptions {
  uint32_t max_suffix = 7;  // bytes of suffix considered
};

class Lemmatizer {
 public:
  Lemmatizer() = default;

  static Lemmatizer train(const std::vector<AnnotatedSentence>& sentences,
                          const LemmatizerTrainOptions& options, std::ostream* log);
  static Result<Lemmatizer> load(const std::string& path);
  static Result<Lemmatizer> fromBytes(std::string_view bytes, const std::string& what);
  std::string toBytes() const;

  // Lemma of `word` (Token::norm) tagged `xpos` (and `upos`, used for proper nouns).
  std::string lemma(std::string_view word, std::string_view upos, std::string_view xpos) const;

  size_t numRules() const { return rules_.size(); }
  size_t numExceptions() const { return exceptions_.size(); }

  struct Rule {
    uint8_t lower = 0;
    uint8_t strip = 0;
    std::string append;
    bool operator<(const Rule& o) const {
      return std::tie(lower, strip, append) < std::tie(o.lower, o.strip, o.append);
    }
    bool operator==(const Rule& o) const = default;
  };
  static Rule ruleFor(std::string_view form, std::string_view lemma);

 private:
  std::string applyRules(std::string_view word, std::string_view xpos) const;

  uint32_t max_suffix_ = 7;
  std::vector<Rule> rules_;
  std::unordered_map<uint64_t, uint32_t> suffix_rule_;    // hash(xpos, suffix) -> rule
  std::unordered_map<uint64_t, std::string> exceptions_;  // hash(xpos, lower word) -> lemma
};

}  // namespace annalist::syntax
