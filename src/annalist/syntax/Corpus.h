// Training/evaluation sentences for the syntax models, read from CoNLL-U through
// io::DocumentSource (so training sees exactly what inference sees: Token::norm as the form,
// multi-word tokens split into syntactic words), and the word normalisation shared by the
// feature extractors.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/core/Document.h"
#include "annalist/core/Result.h"

namespace annalist::syntax {

struct AnnotatedSentence {
  std::vector<std::string> words;  // Token::norm
  std::vector<std::string> upos, xpos, feats, lemmas;
  std::vector<int> heads;  // sentence-local head index, -1 = root
  std::vector<std::string> deprels;
  // Predicted-tag data only (may be empty): per word the tagger's runner-up class as
  // "UPOS|XPOS" and the score margin by which it lost (Tagger::predict; Parser::kFeaturesAlt).
  std::vector<std::string> alt;
  std::vector<float> alt_margin;
  size_t size() const { return words.size(); }
};

// Copies the sentences of a document that carries gold syntax.
void appendSentences(const Document& doc, std::vector<AnnotatedSentence>& out);

// Reads every sentence of the CoNLL-U files (errors name the file and line).
Result<std::vector<AnnotatedSentence>> readConllu(const std::vector<std::string>& paths);

// Feature form of a word: ASCII-lowercased, typographic quotes and dashes folded to ASCII,
// every digit replaced by '0'. Appends to `out` (cleared first).
void normalizeWord(std::string_view word, std::string& out);

// Word shape: runs of X (upper), x (lower), d (digit), other bytes kept, each run capped at 2
// (e.g. "McCain" -> "XxXx", "2019" -> "dd", "U.S." -> "X.X.").
void wordShape(std::string_view word, std::string& out);

}  // namespace annalist::syntax
