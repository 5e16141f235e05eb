// English news tokenizer, sentence splitter and paragraph detector.
//
// Fills Document::paragraphs, sentences and tokens (the kText layer) with code-point and
// byte offsets into the original text; `norm` folds curly quotes, apostrophes and dashes.
// Conventions follow UD English (EWT): clitics 's n't 're 'll 've 'd 'm split, punctuation
// split, hyphenated words (al-Arouri) kept whole, abbreviations (U.S., Jan., Gen.) kept whole.
// Thread-safe: immutable after construction.
#pragma once

#include <string_view>

#include "annalist/core/Stage.h"

namespace annalist::text {

class Tokenizer final : public Stage {
 public:
  Tokenizer();
  std::string_view name() const override { return "tokenizer"; }
  uint32_t needs() const override { return 0; }
  uint32_t provides() const override { return Document::kText; }
  // Idempotent for documents whose text layer is already filled (e.g. CoNLL-U input).
  Status process(Document& doc) const override;

  // Tokenises and splits `doc` unconditionally (replacing its text layer).
  void annotate(Document& doc) const;
};

}  // namespace annalist::text
