// Scores the tokenizer and sentence splitter against UD CoNLL-U gold data, the way the CoNLL
// 2018 shared-task evaluation script does: the raw text is rebuilt from the `# text` comments
// (sentences of a `# newpar` paragraph joined by a space, paragraphs by a blank line, one
// Document per `# newdoc`), tokenised, and system and gold units are aligned by their
// character offsets with whitespace removed.
//  - Tokens: surface tokens (a UD multi-word token like "don't" is one token; on the system
//    side consecutive pieces with Token::joins_previous form one surface token);
//  - Words: syntactic words (do + n't), aligned inside multi-word tokens by the longest common
//    subsequence of their lower-cased forms;
//  - Sentences: sentence spans.
// Thread-safe (pure functions).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/core/Result.h"
#include "annalist/text/Tokenizer.h"

namespace annalist::text {

struct EvalCounts {
  size_t gold = 0, system = 0, correct = 0;
  double precision() const { return system ? static_cast<double>(correct) / system : 0.0; }
  double recall() const { return gold ? static_cast<double>(correct) / gold : 0.0; }
  double f1() const { return gold + system ? 2.0 * correct / (gold + system) : 0.0; }
  EvalCounts& operator+=(const EvalCounts& o) {
    gold += o.gold;
    system += o.system;
    correct += o.correct;
    return *this;
  }
};

struct TokenizerScores {
  EvalCounts tokens, words, sentences;
  size_t documents = 0;
  // Up to `max_examples` readable mismatches ("token", "sentence" lines with context).
  std::vector<std::string> examples;
  TokenizerScores& operator+=(const TokenizerScores& o);
};

// Evaluates `tokenizer` on the CoNLL-U text `conllu` (read from `origin`, named in errors).
// Fails with a parse error naming the line when the file is not valid CoNLL-U or a sentence's
// `# text` does not match its token forms.
Result<TokenizerScores> evaluateTokenizer(const Tokenizer& tokenizer, std::string_view conllu,
                                          std::string_view origin, size_t max_examples = 0);

}  // namespace annalist::text
