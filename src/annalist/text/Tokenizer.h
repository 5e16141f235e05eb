// English news tokenizer, sentence splitter and paragraph detector (see docs/TEXT.md).
//
// Fills Document::paragraphs, sentences and tokens (the kText layer) with code-point and
// byte offsets into the original text. Every token's text is `doc.slice(start, end)`; tokens
// are ordered, non-overlapping and never contain whitespace. `norm` is the token text with
// curly quotes/apostrophes folded to ASCII, dashes folded to '-' / "--", NBSP to space, and
// NFC applied (ICU, only for non-ASCII tokens).
//
// Conventions follow UD English (EWT/GUM) so that models trained on UD see familiar words:
//  - clitics 's n't 're 'll 've 'd 'm split (also with ’), plural possessive leaders|' split;
//    cannot → can|not, gonna → gon|na, wanna, gotta, dont → do|nt, can't → ca|n't, won't →
//    wo|n't. Such pieces set Token::joins_previous (UD multi-word tokens).
//  - hyphenated compounds split (15|-|year, real|-|world) except after UD's kept prefixes
//    (e-mail, non-, co-, pre-, anti-, ...), phone numbers (713-853-3989), and Arabic-style
//    names with a lowercase particle (al-Arouri, bin-Laden) which stay whole (a deliberate
//    deviation from UD: such names are one actor-dictionary entry).
//  - abbreviations, initials and acronyms keep their period (U.S., Jan., Gen., J.), numbers
//    stay whole (1,000.50, 3.5, 5:00, 9/11), % and currency symbols split, URLs, e-mail
//    addresses, @handles and #hashtags stay whole, runs like ... !!! ?! -- are one token.
// Sentences never cross paragraphs (blank lines; one line = one paragraph in texts without
// blank lines).
//
// Thread-safe: immutable after construction; annotate() allocates only the layer vectors,
// token norms longer than the small-string buffer, and one scratch buffer per call.
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
