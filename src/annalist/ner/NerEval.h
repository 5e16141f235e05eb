// Entity-level NER scoring with the conlleval convention: an entity counts as correct only
// when both its span (first and last token) and its type match exactly; a partially
// overlapping prediction is one false positive plus one false negative.
// Chunks are read from IOB2 tags the way conlleval reads them: `I-X` after `O` or after a
// different type starts a new entity (so ill-formed sequences are still scored).
// Thread-compatible (plain value types).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace annalist::ner {

struct Chunk {
  std::string type;
  uint32_t begin = 0, end = 0;  // token range [begin, end)
  bool operator==(const Chunk&) const = default;
};

// Entities of one tag sequence, in order.
std::vector<Chunk> extractChunks(const std::vector<std::string>& tags);

struct TypeCounts {
  size_t gold = 0, predicted = 0, correct = 0;
  double precision() const { return predicted ? 100.0 * correct / predicted : 0.0; }
  double recall() const { return gold ? 100.0 * correct / gold : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

class NerScorer {
 public:
  // Adds one sentence. REQUIRES: gold.size() == predicted.size().
  void add(const std::vector<std::string>& gold, const std::vector<std::string>& predicted);

  const TypeCounts& overall() const { return overall_; }
  const std::map<std::string, TypeCounts>& byType() const { return by_type_; }
  size_t tokens() const { return tokens_; }
  size_t correctTokens() const { return correct_tokens_; }
  size_t sentences() const { return sentences_; }

  // A conlleval-like table: one line per type and an overall line.
  std::string report() const;

 private:
  TypeCounts overall_;
  std::map<std::string, TypeCounts> by_type_;
  size_t tokens_ = 0, correct_tokens_ = 0, sentences_ = 0;
};

}  // namespace annalist::ner
