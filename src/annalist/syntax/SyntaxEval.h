// Scoring of predicted syntax against gold CoNLL-U, following the CoNLL 2018 shared task
// conventions: punctuation included; words of the system and gold documents are aligned by
// their character spans over the same text (syntactic words inside one multi-word token are
// matched by their order within it); every metric is reported as precision, recall and F1
// over aligned words. LAS compares the universal relation (subtypes stripped, as the
// CoNLL 2018 script does); LAS+sub compares full labels (equal to accuracy when the tokenisation is
// the gold one).
#pragma once

#include <cstddef>
#include <string>

#include "annalist/core/Document.h"

namespace annalist::syntax {

struct SyntaxScores {
  size_t gold_words = 0, system_words = 0, aligned = 0;
  size_t gold_sentences = 0, system_sentences = 0, sentences_matched = 0;
  size_t upos = 0, xpos = 0, feats = 0, lemma = 0, uas = 0, las = 0;
  size_t las_full = 0;  // LAS with relation subtypes (nsubj:pass) compared too

  void add(const SyntaxScores& o);
  // "Metric | Precision | Recall | F1" table.
  std::string table() const;
};

// Adds the comparison of `system` against `gold` (same text) into `scores`.
void scoreDocument(const Document& gold, const Document& system, SyntaxScores& scores);

}  // namespace annalist::syntax
